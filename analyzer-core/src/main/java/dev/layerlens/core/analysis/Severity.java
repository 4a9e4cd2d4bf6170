package dev.layerlens.core.analysis;

/** How much a finding matters, highest first. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
