package dev.layerlens.core.report;

/** "1 layer", "2 layers": counts in reports and panes read as English. */
public final class Plural {
    private Plural() {
    }

    public static String of(long count, String singular) {
        return count + " " + singular + (count == 1 ? "" : "s");
    }
}
