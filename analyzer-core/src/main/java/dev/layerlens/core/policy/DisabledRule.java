package dev.layerlens.core.policy;

/** A rule the config turned off ({@code disabled}, {@code off}, {@code false}, or empty: dive's words). */
record DisabledRule(String key) implements PolicyRule {
    @Override
    public RuleOutcome evaluate(PolicyInput input) {
        return RuleOutcome.disabled(key);
    }
}
