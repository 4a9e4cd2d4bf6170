package dev.layerlens.core.source.registry;

import dev.layerlens.core.source.ImageReadException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What to put in {@code Authorization} for one registry. It starts with nothing; the registry's
 * first {@code 401} says how it wants to be asked ({@code Bearer} with a token server, or
 * {@code Basic}), and from then on every request carries a token for its own scope (from the
 * cache while it lasts) or the Basic credentials.
 */
final class Authenticator {
    private final RegistryEndpoint registry;
    private final CredentialSource credentials;
    private final TokenEndpoint tokens;
    private final TokenCache cache;
    private final java.util.Map<TokenCache.Key, Object> locks = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile AuthChallenge bearer;
    private volatile boolean basic;

    /** @param credentials looked up once, when the registry first asks for them */
    Authenticator(RegistryEndpoint registry, CredentialSource credentials, TokenEndpoint tokens, TokenCache cache) {
        this.registry = registry;
        this.credentials = CredentialSource.once(credentials);
        this.tokens = tokens;
        this.cache = cache;
    }

    /** The header for a request needing {@code scope}, fetching a token when the cached one is gone; empty before any challenge. */
    Optional<String> authorization(String scope) throws ImageReadException {
        AuthChallenge challenge = bearer;
        if (challenge != null) {
            return Optional.of("Bearer " + token(challenge, scope, null).value());
        }
        if (basic) {
            Optional<Credentials> creds = credentials.lookup();
            if (creds.isPresent() && !creds.get().identityToken()) {
                return Optional.of(TokenEndpoint.basic(creds.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * Takes a {@code 401}'s challenges; true when the request is worth sending again with what they
     * taught (a new token, or Basic credentials), false when there is nothing more to try.
     *
     * @param sentAuthorization what the refused request carried, or null
     */
    boolean challenged(List<AuthChallenge> challenges, String scope, String sentAuthorization) throws ImageReadException {
        for (AuthChallenge c : challenges) {
            if (c.scheme().equals("bearer") && c.param("realm") != null) {
                boolean known = c.equals(bearer) || sameServer(c, bearer);
                bearer = c;
                String refused = known && sentAuthorization != null && sentAuthorization.startsWith("Bearer ")
                        ? sentAuthorization.substring("Bearer ".length()) : null;
                token(c, scope, refused);
                return true;
            }
        }
        for (AuthChallenge c : challenges) {
            if (c.scheme().equals("basic")) {
                if (basic || credentials.lookup().isEmpty() || credentials.lookup().get().identityToken()) {
                    return false; // refused with our credentials, or none to offer
                }
                basic = true;
                return true;
            }
        }
        return false;
    }

    /** The user whose credentials were offered, for messages; empty when asking anonymously. */
    Optional<String> username() throws ImageReadException {
        return credentials.lookup().map(Credentials::username);
    }

    /**
     * The token for {@code scope}: the cached one while it lasts, else a new one. One thread asks the
     * token server for a scope at a time, so parallel downloads share one token.
     *
     * @param refused a token value the registry refused although it had not expired: replace it (once,
     *                however many requests it failed), or null
     */
    private Token token(AuthChallenge challenge, String scope, String refused) throws ImageReadException {
        TokenCache.Key key = key(challenge, scope);
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            Optional<Token> cached = cache.get(key);
            if (cached.isPresent() && !cached.get().value().equals(refused)) {
                return cached.get();
            }
            Token token = tokens.fetch(challenge.param("realm"), challenge.param("service"), key.scope(),
                    mayCarryCredentials(challenge.param("realm")) ? credentials.lookup().orElse(null) : null);
            cache.put(key, token);
            return token;
        }
    }

    /**
     * Tokens are asked for and kept by the scope of the request (pull of one repository), which is
     * what the registry's challenge names too; keyed so, a later request finds its token before
     * the registry has to refuse it.
     */
    private static TokenCache.Key key(AuthChallenge challenge, String scope) {
        return new TokenCache.Key(challenge.param("realm"), challenge.param("service"), scope);
    }

    private static boolean sameServer(AuthChallenge a, AuthChallenge b) {
        return b != null && java.util.Objects.equals(a.param("realm"), b.param("realm"))
                && java.util.Objects.equals(a.param("service"), b.param("service"));
    }

    /**
     * Credentials go to a token server over HTTPS, or over plain HTTP only on this machine or to the
     * registry's own host (which the user declared insecure): a registry cannot send them elsewhere
     * in clear.
     */
    private boolean mayCarryCredentials(String realm) {
        URI uri = URI.create(realm);
        if ("https".equals(uri.getScheme())) {
            return true;
        }
        String host = uri.getHost() == null ? "" : uri.getHost();
        return RegistryEndpoint.isLoopback(host) || host.equalsIgnoreCase(registry.base().getHost());
    }
}
