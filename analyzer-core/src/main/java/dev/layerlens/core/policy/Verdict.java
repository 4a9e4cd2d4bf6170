package dev.layerlens.core.policy;

import java.util.List;

/**
 * The CI gate's answer for one image: every configured rule's outcome, in config order.
 *
 * @param source where the rules came from: a file path, or a description of the defaults
 */
public record Verdict(String source, List<RuleOutcome> outcomes) {
    public Verdict {
        outcomes = List.copyOf(outcomes);
    }

    /** True when no rule failed (disabled rules do not count), as dive decides. */
    public boolean passed() {
        return failed().isEmpty();
    }

    public List<RuleOutcome> failed() {
        return outcomes.stream().filter(o -> o.status() == RuleStatus.FAIL).toList();
    }

    public long count(RuleStatus status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }
}
