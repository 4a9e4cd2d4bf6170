package dev.layerlens.cli.it;

import static dev.layerlens.cli.it.Prerequisites.need;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Debian's {@code docker-registry} (distribution 2.8) on a free 127.0.0.1 port, with its own config
 * and storage under the test's work directory: without authentication, with htpasswd Basic
 * (bcrypt, as the registry requires), or trusting a token server's signing certificate.
 */
final class RegistryServer implements AutoCloseable {
    static final String BINARY = "docker-registry";

    /** How clients must authenticate. */
    sealed interface Auth {
        record None() implements Auth {
        }

        record Htpasswd(String user, String password) implements Auth {
        }

        /** Bearer tokens from {@code tokens}, which signs them with the key of its certificate. */
        record Token(TokenServer tokens) implements Auth {
        }
    }

    private final Process process;
    private final String address;
    private final int port;
    private final Path dir;

    private RegistryServer(Process process, String address, int port, Path dir) {
        this.process = process;
        this.address = address;
        this.port = port;
        this.dir = dir;
    }

    static RegistryServer start(Path workDir, String name, Auth auth) {
        return start(workDir, name, auth, "127.0.0.1", name);
    }

    /**
     * @param address where to listen (a second registry off loopback may serve the same storage)
     * @param storage the name of the storage to serve (registries started with the same one share it)
     */
    static RegistryServer start(Path workDir, String name, Auth auth, String address, String storage) {
        Path binary = Command.which(BINARY);
        need(binary != null, BINARY + " is missing (apt-get install docker-registry)");
        try {
            Path dir = Files.createDirectories(workDir.resolve("registry-" + name));
            Path storageDir = workDir.resolve("registry-" + storage).resolve("storage");
            if (storage.equals(name)) {
                deleteRecursively(storageDir);
            }
            int port = freePort();
            StringBuilder config = new StringBuilder()
                    .append("version: 0.1\n")
                    .append("log:\n  level: warn\n  accesslog:\n    disabled: true\n")
                    .append("storage:\n  filesystem:\n    rootdirectory: ").append(storageDir).append('\n')
                    .append("  delete:\n    enabled: true\n")
                    .append("http:\n  addr: ").append(address).append(':').append(port).append('\n')
                    .append("  secret: layerlens-test-secret\n");
            if (auth instanceof Auth.Htpasswd h) {
                Path htpasswd = Command.which("htpasswd");
                need(htpasswd != null, "htpasswd is missing (apt-get install apache2-utils)");
                String line = Command.run(List.of(htpasswd.toString(), "-Bbn", h.user(), h.password()), Map.of(),
                        Duration.ofSeconds(30)).orThrow().stdout().trim();
                Path file = dir.resolve("htpasswd");
                Files.writeString(file, line + "\n", StandardCharsets.UTF_8);
                config.append("auth:\n  htpasswd:\n    realm: layerlens-test\n    path: ").append(file).append('\n');
            } else if (auth instanceof Auth.Token t) {
                config.append("auth:\n  token:\n")
                        .append("    realm: ").append(t.tokens().realm()).append('\n')
                        .append("    service: ").append(TokenServer.SERVICE).append('\n')
                        .append("    issuer: ").append(TokenServer.ISSUER).append('\n')
                        .append("    rootcertbundle: ").append(t.tokens().certificateFile()).append('\n');
            }
            Path configFile = dir.resolve("config.yml");
            Files.writeString(configFile, config.toString(), StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(binary.toString(), "serve", configFile.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
            RegistryServer server = new RegistryServer(process, address, port, dir);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code 127.0.0.1:PORT}, as image references name it. */
    String host() {
        return address + ":" + port;
    }

    int port() {
        return port;
    }

    /** Answers {@code /v2/} (200, or 401 when it wants credentials) within 20 s, or fails with the registry's log. */
    private void awaitReady() {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("docker-registry exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create("http://" + host() + "/v2/"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200 || r.statusCode() == 401) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(100);
        }
        close();
        throw new IllegalStateException("docker-registry did not answer within 20 s:\n" + log());
    }

    String log() {
        try {
            return Files.readString(dir.resolve("registry.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Override
    public void close() {
        Command.stop(process);
    }
}
