package dev.layerlens.core.analysis.dockerfile;

/**
 * A build argument as history records it ({@code RUN |2 A=1 B=2 …}, {@code ARG A=1}). Its value is
 * whatever was passed to the build, so it is only ever shown redacted.
 */
public record BuildArg(String name, String value) {

    /** {@code NAME=***}, or {@code NAME} when no value was recorded: the value never leaves this record. */
    public String redacted() {
        return value == null ? name : value.isEmpty() ? name + "=" : name + "=***";
    }
}
