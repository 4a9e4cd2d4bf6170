package dev.layerlens.core.policy;

import dev.layerlens.core.analysis.DiveMetrics;
import java.util.Locale;

/**
 * dive 0.13's three CI rules, with its comparisons: each fails only when the figure is strictly
 * past the threshold, so an image exactly at the threshold passes.
 */
final class DiveRules {
    static final String LOWEST_EFFICIENCY = "lowestEfficiency";
    static final String HIGHEST_WASTED_BYTES = "highestWastedBytes";
    static final String HIGHEST_USER_WASTED_PERCENT = "highestUserWastedPercent";

    private DiveRules() {
    }

    /** Fails when {@code threshold > efficiency}. */
    record LowestEfficiency(String threshold, double value) implements PolicyRule {
        @Override
        public String key() {
            return LOWEST_EFFICIENCY;
        }

        @Override
        public RuleOutcome evaluate(PolicyInput input) {
            double efficiency = input.dive().efficiency();
            String measured = percent(efficiency);
            if (value > efficiency) {
                return new RuleOutcome(key(), threshold, RuleStatus.FAIL, measured,
                        "image efficiency " + measured + " is below " + threshold);
            }
            return new RuleOutcome(key(), threshold, RuleStatus.PASS, measured, null);
        }
    }

    /** Fails when {@code wastedBytes > threshold}. */
    record HighestWastedBytes(String threshold, long value) implements PolicyRule {
        @Override
        public String key() {
            return HIGHEST_WASTED_BYTES;
        }

        @Override
        public RuleOutcome evaluate(PolicyInput input) {
            long wasted = input.dive().wastedBytes();
            String measured = wasted + " bytes";
            if (wasted > value) {
                return new RuleOutcome(key(), threshold, RuleStatus.FAIL, measured,
                        "wastedBytes " + wasted + " is more than " + threshold + " (" + value + " bytes)");
            }
            return new RuleOutcome(key(), threshold, RuleStatus.PASS, measured, null);
        }
    }

    /**
     * Fails when {@code wastedBytes / userSizeBytes > threshold}. With no bytes above the base layer
     * dive divides by zero: NaN (nothing wasted) passes, +Inf (something wasted) fails.
     */
    record HighestUserWastedPercent(String threshold, double value) implements PolicyRule {
        @Override
        public String key() {
            return HIGHEST_USER_WASTED_PERCENT;
        }

        @Override
        public RuleOutcome evaluate(PolicyInput input) {
            double ratio = userWastedRatio(input.dive());
            String measured = Double.isNaN(ratio) ? "n/a (no bytes above the base layer)"
                    : Double.isInfinite(ratio) ? "∞ (wasted bytes, none above the base layer)" : percent(ratio);
            if (ratio > value) {
                return new RuleOutcome(key(), threshold, RuleStatus.FAIL, measured,
                        "userWastedPercent " + measured + " is more than " + threshold);
            }
            return new RuleOutcome(key(), threshold, RuleStatus.PASS, measured, null);
        }

        private static double userWastedRatio(DiveMetrics dive) {
            return (double) dive.wastedBytes() / (double) dive.userSizeBytes();
        }
    }

    static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.2f %%", ratio * 100);
    }
}
