package dev.layerlens.tui;

/** "1 layer", "2 layers": counts in the panes read as English. */
final class Plural {
    private Plural() {
    }

    static String of(long count, String singular) {
        return count + " " + singular + (count == 1 ? "" : "s");
    }
}
