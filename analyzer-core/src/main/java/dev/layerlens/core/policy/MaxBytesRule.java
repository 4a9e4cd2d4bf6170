package dev.layerlens.core.policy;

import dev.layerlens.core.report.Sizes;
import java.util.function.ToLongFunction;

/**
 * A ceiling on a byte figure: fails when the figure is strictly more than the threshold (the same
 * comparison as dive's {@code highestWastedBytes}).
 *
 * @param what the figure's name for people ("image size")
 */
record MaxBytesRule(String key, String threshold, long value, String what, ToLongFunction<PolicyInput> measure)
        implements PolicyRule {

    @Override
    public RuleOutcome evaluate(PolicyInput input) {
        long bytes = measure.applyAsLong(input);
        String measured = bytes + " bytes (" + Sizes.si(bytes) + ")";
        if (bytes > value) {
            return new RuleOutcome(key, threshold, RuleStatus.FAIL, measured,
                    what + " " + Sizes.si(bytes) + " is more than " + threshold + " (" + value + " bytes)");
        }
        return new RuleOutcome(key, threshold, RuleStatus.PASS, measured, null);
    }
}
