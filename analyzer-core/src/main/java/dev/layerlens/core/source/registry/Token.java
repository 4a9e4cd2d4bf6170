package dev.layerlens.core.source.registry;

import java.time.Duration;
import java.time.Instant;

/**
 * A bearer token and its lifetime. Never printed: the string form hides the value.
 *
 * @param issuedAt when it was received (by the local clock, as the lifetime is counted)
 */
record Token(String value, Instant issuedAt, Instant expiresAt) {
    /** Stop using a token this long before it expires (clocks differ, requests take time)... */
    static final Duration MARGIN = Duration.ofSeconds(5);

    /** ...or a quarter of its life before, for tokens that live only seconds. */
    boolean usableAt(Instant now) {
        Duration life = Duration.between(issuedAt, expiresAt);
        Duration margin = life.dividedBy(4).compareTo(MARGIN) < 0 ? life.dividedBy(4) : MARGIN;
        return now.isBefore(expiresAt.minus(margin));
    }

    @Override
    public String toString() {
        return "Token[redacted, expires " + expiresAt + "]";
    }
}
