package dev.layerlens.core.source.registry;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When to try a request again: after a 429 or a 5xx answer, or a broken connection, with
 * exponential backoff (doubling from {@code firstDelay}), or as long as the server's
 * {@code Retry-After} says, within {@code maxDelay}.
 *
 * @param attempts   tries in all, the first included
 * @param firstDelay the wait before the second try
 * @param maxDelay   no wait is longer, whatever the server asks (a longer ask fails the request)
 */
public record RetryPolicy(int attempts, Duration firstDelay, Duration maxDelay) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(30));

    static boolean retryable(int status) {
        return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    /** The backoff before try number {@code attempt + 1} ({@code attempt} counts from 1). */
    Duration backoff(int attempt) {
        long millis = firstDelay.toMillis() << Math.min(20, attempt - 1);
        return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
    }

    /**
     * How long a {@code Retry-After} value asks to wait: delta-seconds or an HTTP-date; empty when
     * absent or unreadable (the backoff applies then).
     */
    static Optional<Duration> retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
            } catch (NumberFormatException e) {
                return Optional.empty(); // too many digits to be meant
            }
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
