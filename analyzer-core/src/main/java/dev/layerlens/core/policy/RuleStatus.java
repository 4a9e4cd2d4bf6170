package dev.layerlens.core.policy;

import java.util.Locale;

/** How one CI rule came out. */
public enum RuleStatus {
    PASS, FAIL,
    /** the rule is configured {@code disabled} (dive's "skip") */
    DISABLED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
