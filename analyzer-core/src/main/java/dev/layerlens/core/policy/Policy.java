package dev.layerlens.core.policy;

import java.util.List;

/**
 * The CI rules in force for one run, and where they came from.
 *
 * @param source a config file's path, or a description of the defaults
 */
public record Policy(String source, List<PolicyRule> rules) {
    public Policy {
        rules = List.copyOf(rules);
    }

    public Verdict evaluate(PolicyInput input) {
        return new Verdict(source, rules.stream().map(rule -> rule.evaluate(input)).toList());
    }
}
