package dev.layerlens.core.source.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");

    @Test
    void retryAfterInSecondsOrAsAnHttpDate() {
        assertThat(RetryPolicy.retryAfter("7", NOW)).contains(Duration.ofSeconds(7));
        assertThat(RetryPolicy.retryAfter(" 0 ", NOW)).contains(Duration.ZERO);
        assertThat(RetryPolicy.retryAfter("Wed, 01 May 2024 10:00:30 GMT", NOW)).contains(Duration.ofSeconds(30));
        assertThat(RetryPolicy.retryAfter("Wed, 01 May 2024 09:00:00 GMT", NOW)).as("a date past").contains(Duration.ZERO);
    }

    @Test
    void anUnreadableRetryAfterLeavesItToTheBackoff() {
        assertThat(RetryPolicy.retryAfter(null, NOW)).isEmpty();
        assertThat(RetryPolicy.retryAfter("soon", NOW)).isEmpty();
        assertThat(RetryPolicy.retryAfter("-3", NOW)).isEmpty();
        assertThat(RetryPolicy.retryAfter("99999999999999999999999", NOW)).isEqualTo(Optional.empty());
    }

    @Test
    void backoffDoublesUpToTheCap() {
        RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(3));
        assertThat(policy.backoff(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoff(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoff(4)).isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.backoff(60)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void onlyThrottlingAndServerTroubleAreWorthRetrying() {
        assertThat(RetryPolicy.retryable(429)).isTrue();
        assertThat(RetryPolicy.retryable(500)).isTrue();
        assertThat(RetryPolicy.retryable(502)).isTrue();
        assertThat(RetryPolicy.retryable(503)).isTrue();
        assertThat(RetryPolicy.retryable(504)).isTrue();
        assertThat(RetryPolicy.retryable(501)).isFalse();
        assertThat(RetryPolicy.retryable(404)).isFalse();
        assertThat(RetryPolicy.retryable(401)).isFalse();
        assertThat(RetryPolicy.retryable(403)).isFalse();
    }
}
