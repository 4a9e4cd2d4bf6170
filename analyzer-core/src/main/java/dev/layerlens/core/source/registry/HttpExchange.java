package dev.layerlens.core.source.registry;

import dev.layerlens.core.source.ImageReadException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Sends one request and brings back the final answer: follows redirects itself (so that the
 * {@code Authorization} header goes only to the origin it is meant for, never to the storage
 * host a blob redirects to), and tries again after a 429 or 5xx answer or a broken connection,
 * waiting as {@code Retry-After} asks or backing off.
 */
final class HttpExchange {
    private static final int MAX_REDIRECTS = 8;

    /**
     * @param authorization   the {@code Authorization} value, or null
     * @param authorizedOrigin the only origin ({@code scheme://host:port}) the authorization may go to
     * @param body            a request body (a token form), or null
     * @param what            names the request in errors ("manifest latest")
     */
    record Call(String method, URI uri, Map<String, String> headers, String authorization, String authorizedOrigin,
                byte[] body, String what) {
    }

    private final HttpClient client;
    private final RegistrySettings settings;
    private final Clock clock;

    HttpExchange(HttpClient client, RegistrySettings settings, Clock clock) {
        this.client = client;
        this.settings = settings;
        this.clock = clock;
    }

    static HttpClient newClient(RegistrySettings settings) {
        return HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    Response send(Call call) throws ImageReadException {
        RetryPolicy retry = settings.retry();
        for (int attempt = 1; ; attempt++) {
            Response response;
            try {
                response = followRedirects(call);
            } catch (IOException e) {
                if (attempt >= retry.attempts() || !retryable(e)) {
                    throw new ImageReadException(unreachable(call, e), e);
                }
                pause(retry.backoff(attempt), call);
                continue;
            }
            if (!RetryPolicy.retryable(response.status()) || attempt >= retry.attempts()) {
                return response;
            }
            Duration wait = RetryPolicy.retryAfter(response.header("Retry-After").orElse(null), clock.instant())
                    .orElse(retry.backoff(attempt));
            response.close();
            if (wait.compareTo(retry.maxDelay()) > 0) {
                throw new ImageReadException(call.what() + ": " + origin(call.uri()) + " answered " + response.status()
                        + " and asks to wait " + wait.toSeconds() + " s, longer than the " + retry.maxDelay().toSeconds()
                        + " s layerlens waits");
            }
            pause(wait, call);
        }
    }

    private Response followRedirects(Call call) throws IOException, ImageReadException {
        URI uri = call.uri();
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(settings.responseTimeout());
            if (uri.getScheme().equals("http")) {
                builder.version(HttpClient.Version.HTTP_1_1); // no h2c upgrade dance on plain HTTP
            }
            call.headers().forEach(builder::header);
            if (call.authorization() != null && origin(uri).equals(call.authorizedOrigin())) {
                builder.header("Authorization", call.authorization());
            }
            builder.method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(call.body()));
            if (call.body() != null) {
                builder.header("Content-Type", "application/x-www-form-urlencoded");
            }
            HttpResponse<java.util.concurrent.Flow.Publisher<java.util.List<java.nio.ByteBuffer>>> raw;
            try {
                raw = client.send(builder.build(), HttpResponse.BodyHandlers.ofPublisher());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ImageReadException(call.what() + ": interrupted");
            }
            BodyStream body = new BodyStream(settings.idleTimeout(), call.what());
            raw.body().subscribe(body);
            Response response = new Response(raw.statusCode(), raw.headers(), uri, body);
            Optional<String> location = response.header("Location");
            if (!isRedirect(response.status()) || location.isEmpty()) {
                return response;
            }
            response.close();
            uri = uri.resolve(location.get());
            if (!uri.getScheme().equals("https") && !uri.getScheme().equals("http")) {
                throw new ImageReadException(call.what() + ": redirected to an unsupported URL scheme " + uri.getScheme());
            }
        }
        throw new ImageReadException(call.what() + ": more than " + MAX_REDIRECTS + " redirects");
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** A refused or dropped connection may be a restart; a TLS failure or an unknown host will not heal. */
    private static boolean retryable(IOException e) {
        return !(e instanceof SSLException) && !(e.getCause() instanceof SSLException)
                && !(e.getCause() instanceof java.nio.channels.UnresolvedAddressException);
    }

    private static String unreachable(Call call, IOException e) {
        String origin = origin(call.uri());
        if (e instanceof SSLException || e.getCause() instanceof SSLException) {
            return call.what() + ": TLS with " + origin + " failed (" + e.getMessage() + "); a registry that speaks plain HTTP"
                    + " must be named with --insecure-registry";
        }
        if (e instanceof ConnectException) {
            return call.what() + ": cannot connect to " + origin + " (connection refused)";
        }
        if (e instanceof HttpTimeoutException) {
            return call.what() + ": " + origin + " did not answer in time"
                    + (call.uri().getScheme().equals("https") ? " (a registry that speaks plain HTTP must be named with"
                    + " --insecure-registry)" : "");
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e.getCause() instanceof java.nio.channels.UnresolvedAddressException) {
            message = "unknown host";
        }
        return call.what() + ": cannot reach " + origin + " (" + message + ")";
    }

    private static void pause(Duration wait, Call call) throws ImageReadException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageReadException(call.what() + ": interrupted");
        }
    }

    /** {@code scheme://host:port} with the default port made explicit, so that equal origins compare equal. */
    static String origin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }
}
