package dev.layerlens.core.source.registry;

import java.time.Instant;

/** A bearer token and when to stop using it. Never printed: the string form hides the value. */
record Token(String value, Instant expiresAt) {

    boolean usableAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "Token[redacted, expires " + expiresAt + "]";
    }
}
