package dev.layerlens.core.report;

import java.util.Locale;

/** Signed changes for people: {@code +1.20 MB}, {@code -3 B}, {@code +12.5 %}, {@code 0 B}. */
public final class Deltas {
    private Deltas() {
    }

    public static String bytes(long delta) {
        return delta > 0 ? "+" + Sizes.si(delta) : Sizes.si(delta);
    }

    /** A percentage already ×100; "n/a" when null. */
    public static String percent(Double percent) {
        if (percent == null) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%+.1f %%", percent);
    }

    /** A ratio as percentage points: 0.98 → 0.99 is {@code +1.00 pt}. */
    public static String points(Double ratioDelta) {
        if (ratioDelta == null) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%+.2f pt", ratioDelta * 100);
    }

    /** A ratio as a percentage: {@code 98.44 %}; "n/a" when null. */
    public static String ratio(Double ratio) {
        return ratio == null ? "n/a" : String.format(Locale.ROOT, "%.2f %%", ratio * 100);
    }
}
