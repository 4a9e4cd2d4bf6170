package dev.layerlens.core.source.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TokenCacheTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    /** A clock the test moves. */
    private static final class Hands extends Clock {
        Instant now = T0;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static final TokenCache.Key PULL_A = new TokenCache.Key("https://auth.example/token", "reg", "repository:a:pull");
    private static final TokenCache.Key PULL_B = new TokenCache.Key("https://auth.example/token", "reg", "repository:b:pull");

    @Test
    void aTokenServesItsScopeOnlyUntilShortlyBeforeItExpires() {
        Hands clock = new Hands();
        TokenCache cache = new TokenCache(clock);
        Token token = new Token("t", T0, T0.plus(Duration.ofSeconds(60)));
        cache.put(PULL_A, token);

        assertThat(cache.get(PULL_A)).contains(token);
        assertThat(cache.get(PULL_B)).as("another repository's scope").isEmpty();
        clock.now = T0.plusSeconds(54);
        assertThat(cache.get(PULL_A)).contains(token);
        clock.now = T0.plusSeconds(55);
        assertThat(cache.get(PULL_A)).as("within 5 s of expiry").isEmpty();
    }

    @Test
    void aShortLivedTokenKeepsAQuarterOfItsLifeAsMargin() {
        Hands clock = new Hands();
        TokenCache cache = new TokenCache(clock);
        cache.put(PULL_A, new Token("t", T0, T0.plus(Duration.ofSeconds(4))));
        clock.now = T0.plusMillis(2_999);
        assertThat(cache.get(PULL_A)).isPresent();
        clock.now = T0.plusSeconds(3);
        assertThat(cache.get(PULL_A)).isEmpty();
    }

    @Test
    void aNewTokenReplacesTheOld() {
        TokenCache cache = new TokenCache(new Hands());
        cache.put(PULL_A, new Token("old", T0, T0.plusSeconds(300)));
        cache.put(PULL_A, new Token("new", T0, T0.plusSeconds(300)));
        assertThat(cache.get(PULL_A)).map(Token::value).contains("new");
    }

    @Test
    void theValueNeverPrints() {
        assertThat(new Token("secret-token-value", T0, T0.plusSeconds(1)).toString()).doesNotContain("secret-token-value");
    }
}
