package dev.layerlens.core.policy;

/** A CI configuration that cannot be used: unreadable, not YAML, an unknown key or a bad value. */
public final class PolicyException extends Exception {
    public PolicyException(String message) {
        super(message);
    }

    public PolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
