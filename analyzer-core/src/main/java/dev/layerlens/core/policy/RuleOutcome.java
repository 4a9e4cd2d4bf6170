package dev.layerlens.core.policy;

/**
 * One rule's result.
 *
 * @param key       the config key ({@code lowestEfficiency}, {@code maxImageSize}, …)
 * @param threshold the configured value as written ({@code disabled} for a disabled rule)
 * @param measured  what the image measured, for people ({@code 98.44 %}, {@code 32025 bytes}); null when disabled
 * @param message   why it failed, or null
 */
public record RuleOutcome(String key, String threshold, RuleStatus status, String measured, String message) {

    public static RuleOutcome disabled(String key) {
        return new RuleOutcome(key, "disabled", RuleStatus.DISABLED, null, null);
    }
}
