package dev.layerlens.core.source.registry;

import dev.layerlens.core.source.ImageNotFoundException;
import dev.layerlens.core.source.ImageReadException;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * Runs every {@link Endpoint} of one repository the same way: with the authorization its scope
 * needs, answering one {@code 401} challenge by authenticating and sending again, and turning
 * error answers into one-line messages naming the registry.
 */
final class RegistryCaller {
    private final RegistryEndpoint registry;
    private final String repository;
    private final HttpExchange exchange;
    private final Authenticator authenticator;

    RegistryCaller(RegistryEndpoint registry, String repository, HttpExchange exchange, Authenticator authenticator) {
        this.registry = registry;
        this.repository = repository;
        this.exchange = exchange;
        this.authenticator = authenticator;
    }

    String repository() {
        return repository;
    }

    RegistryEndpoint registry() {
        return registry;
    }

    <T> T call(Endpoint<T> endpoint) throws ImageReadException {
        String scope = "repository:" + repository + ":pull";
        URI uri = registry.resolve(endpoint.path());
        String origin = HttpExchange.origin(registry.base());
        boolean challenged = false;
        while (true) {
            String authorization = authenticator.authorization(scope).orElse(null);
            Response response = exchange.send(new HttpExchange.Call("GET", uri, endpoint.headers(), authorization, origin,
                    null, endpoint.action()));
            boolean fromRegistry = HttpExchange.origin(response.uri()).equals(origin);
            if (response.status() == 401 && fromRegistry && !challenged) {
                List<AuthChallenge> challenges = AuthChallenge.parseAll(response.headers().allValues("WWW-Authenticate"));
                response.close();
                if (authenticator.challenged(challenges, scope, authorization)) {
                    challenged = true;
                    continue;
                }
                throw unauthorized(endpoint);
            }
            if (!response.successful()) {
                try (response) {
                    throw failure(endpoint, response);
                }
            }
            try {
                return endpoint.handle(response);
            } catch (IOException e) {
                response.close();
                throw new ImageReadException(endpoint.action() + ": " + e.getMessage(), e);
            }
        }
    }

    private ImageReadException unauthorized(Endpoint<?> endpoint) throws ImageReadException {
        String user = authenticator.username().orElse(null);
        return new ImageReadException(endpoint.action() + ": " + registry.name()
                + (user == null ? " requires authentication (docker login " + registry.name() + ", or --creds USER:PASSWORD)"
                : " refused the credentials of user " + user));
    }

    private ImageReadException failure(Endpoint<?> endpoint, Response response) throws ImageReadException {
        String detail = RegistryErrors.describe(response);
        String suffix = detail.isEmpty() ? "" : " (" + detail + ")";
        String where = HttpExchange.origin(response.uri()).equals(HttpExchange.origin(registry.base()))
                ? registry.name() : response.uri().getHost();
        return switch (response.status()) {
            case 401 -> unauthorized(endpoint);
            case 403 -> new ImageReadException(endpoint.action() + ": " + where + " denied access to " + repository
                    + authenticator.username().map(u -> " for user " + u).orElse("") + suffix);
            case 404 -> new ImageNotFoundException(endpoint.action() + ": not found in " + repository + " on " + where + suffix);
            default -> new ImageReadException(endpoint.action() + ": " + where + " answered " + response.status() + suffix);
        };
    }
}
