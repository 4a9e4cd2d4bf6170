package dev.layerlens.core.source.registry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.layerlens.core.source.ImageReadException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The token server a {@code Bearer} challenge names (Docker's token authentication): asks its
 * {@code realm} for a token for {@code service} and {@code scope}, anonymously or with the
 * user's credentials (Basic), or trading an identity token (OAuth2 refresh token) for one.
 */
final class TokenEndpoint {
    /** The token specification's default lifetime when the server does not say. */
    static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);
    private static final long MAX_TOKEN_RESPONSE = 1L << 20;
    private static final JsonFactory JSON = new JsonFactory();

    private final HttpExchange exchange;
    private final Clock clock;

    TokenEndpoint(HttpExchange exchange, Clock clock) {
        this.exchange = exchange;
        this.clock = clock;
    }

    /**
     * @param credentials who asks, or null to ask anonymously; sent only where {@code mayCarry} allows
     */
    Token fetch(String realm, String service, String scope, Credentials credentials) throws ImageReadException {
        URI realmUri;
        try {
            realmUri = URI.create(realm);
        } catch (IllegalArgumentException e) {
            throw new ImageReadException("the registry names an invalid token realm");
        }
        if (realmUri.getScheme() == null || realmUri.getHost() == null
                || !(realmUri.getScheme().equals("https") || realmUri.getScheme().equals("http"))) {
            throw new ImageReadException("the registry names a token realm that is not an HTTP URL: " + realm);
        }
        String what = "token from " + HttpExchange.origin(realmUri);
        Map<String, String> params = new LinkedHashMap<>();
        if (service != null) {
            params.put("service", service);
        }
        if (scope != null) {
            params.put("scope", scope);
        }
        HttpExchange.Call call;
        if (credentials != null && credentials.identityToken()) {
            // OAuth2 refresh-token grant, as docker does with the identity token of a login
            params.put("grant_type", "refresh_token");
            params.put("client_id", "layerlens");
            params.put("refresh_token", credentials.secret());
            call = new HttpExchange.Call("POST", realmUri, Map.of("Accept", "application/json"), null, null,
                    form(params).getBytes(StandardCharsets.US_ASCII), what);
        } else {
            String query = form(params);
            URI uri = URI.create(realm + (query.isEmpty() ? "" : (realm.contains("?") ? "&" : "?") + query));
            String authorization = credentials == null ? null : basic(credentials);
            call = new HttpExchange.Call("GET", uri, Map.of("Accept", "application/json"), authorization,
                    HttpExchange.origin(uri), null, what);
        }
        try (Response response = exchange.send(call)) {
            if (response.status() == 401 || response.status() == 403) {
                throw new ImageReadException(what + ": " + (credentials == null ? "anonymous access refused"
                        : "the credentials of user " + credentials.username() + " were refused")
                        + " (" + response.status() + ")");
            }
            if (!response.successful()) {
                throw new ImageReadException(what + ": answered " + response.status());
            }
            byte[] body = BoundedBody.read(response.body(), MAX_TOKEN_RESPONSE, "the token response");
            return parse(body, what);
        } catch (IOException e) {
            throw new ImageReadException(what + ": " + e.getMessage(), e);
        }
    }

    static String basic(Credentials credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (credentials.username() + ":" + credentials.secret()).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code token} (or the OAuth2 {@code access_token}) and {@code expires_in}; other fields are not needed. */
    private Token parse(byte[] body, String what) throws ImageReadException {
        String token = null;
        String accessToken = null;
        long expiresIn = 0;
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new ImageReadException(what + ": the answer is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "token" -> token = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "access_token" -> accessToken = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "expires_in" -> expiresIn = value.isNumeric() ? p.getLongValue() : 0;
                    default -> p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new ImageReadException(what + ": the answer is not valid JSON");
        }
        String value = token != null && !token.isEmpty() ? token : accessToken;
        if (value == null || value.isEmpty()) {
            throw new ImageReadException(what + ": the answer holds no token");
        }
        Duration lifetime = expiresIn > 0 ? Duration.ofSeconds(expiresIn) : DEFAULT_LIFETIME;
        Instant now = clock.instant();
        return new Token(value, now, now.plus(lifetime));
    }

    private static String form(Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        params.forEach((k, v) -> {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return out.toString();
    }
}
