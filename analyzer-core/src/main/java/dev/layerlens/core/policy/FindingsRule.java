package dev.layerlens.core.policy;

import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.report.Plural;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Fails when the report has a finding of a kind the config forbids (secrets, root user, missing
 * HEALTHCHECK, anything at or above a severity). The findings are the analyses' own: the gate and
 * the report never disagree about what was found.
 *
 * @param what   the forbidden kind, for people ("secret", "finding of severity high or above")
 * @param counts the findings that break the rule
 */
record FindingsRule(String key, String threshold, String what, Predicate<Finding> counts) implements PolicyRule {
    private static final int NAMED = 3;

    @Override
    public RuleOutcome evaluate(PolicyInput input) {
        List<Finding> hits = input.findings().stream().filter(counts).toList();
        String measured = Plural.of(hits.size(), "finding");
        if (hits.isEmpty()) {
            return new RuleOutcome(key, threshold, RuleStatus.PASS, measured, null);
        }
        String named = hits.stream().limit(NAMED).map(FindingsRule::name).collect(Collectors.joining(", "));
        String more = hits.size() > NAMED ? " and " + (hits.size() - NAMED) + " more" : "";
        return new RuleOutcome(key, threshold, RuleStatus.FAIL, measured,
                Plural.of(hits.size(), what) + ": " + named + more);
    }

    private static String name(Finding f) {
        StringBuilder s = new StringBuilder(f.id());
        if (f.path() != null) {
            s.append(' ').append(f.path());
        }
        if (f.layerIndex() != null) {
            s.append(" (layer ").append(f.layerIndex()).append(')');
        }
        return s.toString();
    }
}
