package dev.layerlens.core.source.registry;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens by the challenge they answer (realm, service and scope): a token for
 * {@code repository:a:pull} says nothing about {@code repository:b:pull}. A token is used until
 * shortly before it expires ({@link Token#usableAt}), so that one issued for a minute is not
 * presented in its last second.
 */
final class TokenCache {
    record Key(String realm, String service, String scope) {
    }

    private final Map<Key, Token> tokens = new ConcurrentHashMap<>();
    private final Clock clock;

    TokenCache(Clock clock) {
        this.clock = clock;
    }

    Optional<Token> get(Key key) {
        Token token = tokens.get(key);
        if (token == null) {
            return Optional.empty();
        }
        if (!token.usableAt(clock.instant())) {
            tokens.remove(key, token);
            return Optional.empty();
        }
        return Optional.of(token);
    }

    void put(Key key, Token token) {
        tokens.put(key, token);
    }
}
