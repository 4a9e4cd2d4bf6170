package dev.layerlens.cli.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Stands between layerlens and a real registry and does, once or a few times, what registries and
 * networks do: answer 401, 403, 404, 429 with Retry-After or 500, cut a blob off mid-body, change a
 * byte, or redirect a blob to another host (as registries redirect to storage). Every request is
 * recorded, with its Range and whether it carried Authorization. Everything else passes through
 * unchanged.
 */
final class FaultProxy implements AutoCloseable {
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "transfer-encoding", "keep-alive",
            "host", "upgrade", "expect", "date");

    /** What to do instead of (or to) the registry's answer. */
    sealed interface Fault {
        /** Answer this, without asking the registry. */
        record Answer(int status, Map<String, String> headers, String body) implements Fault {
        }

        /** Pass the answer on, but close the connection after this many body bytes. */
        record CutAfter(long bytes) implements Fault {
        }

        /** Pass the answer on with the byte at this offset of the body changed. */
        record FlipByte(long offset) implements Fault {
        }

        /** Send a 307 to another host that serves the same bytes. */
        record RedirectElsewhere() implements Fault {
        }
    }

    /** A fault for requests whose path matches, after {@code skip} of them passed, {@code times} times. */
    record Rule(String method, Pattern path, int skip, int times, Fault fault) {
    }

    /** One request as it arrived ({@code at}: System.nanoTime()). */
    record Seen(String method, String path, String range, boolean authorization, int status, long at) {
        Seen(String method, String path, String range, boolean authorization, int status) {
            this(method, path, range, authorization, status, System.nanoTime());
        }
    }

    private final HttpServer server;
    private final HttpServer elsewhere;
    private final URI upstream;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final Map<Rule, AtomicInteger> matched = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final List<Seen> seenElsewhere = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> parked = new ConcurrentHashMap<>();

    private final String address;

    FaultProxy(String upstreamHost) {
        this(upstreamHost, "127.0.0.1");
    }

    /** @param address where to listen: 127.0.0.1, or another address of this machine (a registry off loopback) */
    FaultProxy(String upstreamHost, String address) {
        this.upstream = URI.create("http://" + upstreamHost);
        this.address = address;
        try {
            server = HttpServer.create(new InetSocketAddress(address, 0), 0);
            elsewhere = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        elsewhere.createContext("/", this::serveParked);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        elsewhere.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        elsewhere.start();
    }

    /** {@code 127.0.0.1:PORT}: image references through the proxy name this registry. */
    String host() {
        return address + ":" + server.getAddress().getPort();
    }

    FaultProxy on(String method, String pathRegex, int skip, int times, Fault fault) {
        rules.add(new Rule(method, Pattern.compile(pathRegex), skip, times, fault));
        return this;
    }

    void clear() {
        rules.clear();
        matched.clear();
        seen.clear();
        seenElsewhere.clear();
        parked.clear();
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    /** Requests that reached the other host after a redirect. */
    List<Seen> seenElsewhere() {
        return List.copyOf(seenElsewhere);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            Fault fault = faultFor(method, path);
            String range = exchange.getRequestHeaders().getFirst("Range");
            boolean authorized = exchange.getRequestHeaders().containsKey("Authorization");
            if (fault instanceof Fault.Answer answer) {
                seen.add(new Seen(method, path, range, authorized, answer.status()));
                answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
                byte[] body = answer.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    exchange.getResponseBody().write(body);
                }
                return;
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(upstream.resolve(path + (query == null ? "" : "?" + query)))
                    .method(method, HttpRequest.BodyPublishers.noBody());
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    values.forEach(v -> forward.header(name, v));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            byte[] body = response.body();
            if (fault instanceof Fault.RedirectElsewhere && response.statusCode() == 200) {
                String key = "/parked/" + Long.toHexString(System.nanoTime());
                parked.put(key, body);
                seen.add(new Seen(method, path, range, authorized, 307));
                // another host name for the same machine: another origin, as a storage host would be
                exchange.getResponseHeaders().set("Location", "http://localhost:" + elsewhere.getAddress().getPort() + key);
                exchange.sendResponseHeaders(307, -1);
                return;
            }
            seen.add(new Seen(method, path, range, authorized, response.statusCode()));
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                }
            });
            if (fault instanceof Fault.FlipByte flip && flip.offset() < body.length) {
                body = body.clone();
                body[(int) flip.offset()] ^= 0x5a;
            }
            boolean head = method.equals("HEAD");
            exchange.sendResponseHeaders(response.statusCode(), head || body.length == 0 ? -1 : body.length);
            if (head || body.length == 0) {
                return;
            }
            OutputStream out = exchange.getResponseBody();
            if (fault instanceof Fault.CutAfter cut && cut.bytes() < body.length) {
                out.write(body, 0, (int) cut.bytes());
                out.flush();
                // the server drops a connection whose handler fails: the client sees the body end early
                throw new IllegalStateException("connection cut by the test after " + cut.bytes() + " bytes");
            }
            out.write(body);
        }
    }

    private void serveParked(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            byte[] body = parked.get(path);
            int status = body == null ? 404 : 200;
            seenElsewhere.add(new Seen(exchange.getRequestMethod(), path, exchange.getRequestHeaders().getFirst("Range"),
                    exchange.getRequestHeaders().containsKey("Authorization"), status));
            exchange.sendResponseHeaders(status, body == null ? -1 : body.length);
            if (body != null) {
                exchange.getResponseBody().write(body);
            }
        }
    }

    private Fault faultFor(String method, String path) {
        for (Rule rule : rules) {
            if (rule.method().equals(method) && rule.path().matcher(path).matches()) {
                int n = matched.computeIfAbsent(rule, r -> new AtomicInteger()).getAndIncrement();
                if (n >= rule.skip() && n < rule.skip() + rule.times()) {
                    return rule.fault();
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        server.stop(0);
        elsewhere.stop(0);
    }
}
