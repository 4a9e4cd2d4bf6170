package dev.layerlens.core.policy;

/** One configured CI rule. */
public interface PolicyRule {
    /** The config key it was set by. */
    String key();

    RuleOutcome evaluate(PolicyInput input);
}
