package dev.layerlens.core.source.daemon;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.layerlens.core.image.Digest;
import dev.layerlens.core.source.ImageReadException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the daemon the way its own client does.
 * <ul>
 * <li>Docker: {@code DOCKER_HOST} (TLS when {@code DOCKER_TLS_VERIFY} is set, with the keys in
 * {@code DOCKER_CERT_PATH} or {@code ~/.docker}); else the current docker context
 * ({@code DOCKER_CONTEXT}, or {@code currentContext} of the config file); else
 * {@code unix:///var/run/docker.sock}.</li>
 * <li>Podman: {@code CONTAINER_HOST}; else the rootless socket {@code $XDG_RUNTIME_DIR/podman/podman.sock};
 * else the rootful {@code /run/podman/podman.sock}: the first that exists.</li>
 * </ul>
 */
public final class DaemonEndpoints {
    static final String DEFAULT_DOCKER_SOCKET = "/var/run/docker.sock";
    static final String ROOTFUL_PODMAN_SOCKET = "/run/podman/podman.sock";
    private static final JsonFactory JSON = new JsonFactory();

    private final Map<String, String> env;
    private final Path rootfulPodmanSocket;

    public DaemonEndpoints(Map<String, String> env) {
        this(env, Path.of(ROOTFUL_PODMAN_SOCKET));
    }

    /** @param rootfulPodmanSocket where the system-wide Podman socket is (a test puts it elsewhere) */
    DaemonEndpoints(Map<String, String> env, Path rootfulPodmanSocket) {
        this.env = env;
        this.rootfulPodmanSocket = rootfulPodmanSocket;
    }

    public DaemonEndpoint find(DaemonKind kind) throws ImageReadException {
        return kind == DaemonKind.DOCKER ? docker() : podman();
    }

    DaemonEndpoint docker() throws ImageReadException {
        String host = env.get("DOCKER_HOST");
        if (host != null && !host.isBlank()) {
            Path tls = null;
            String verify = env.get("DOCKER_TLS_VERIFY");
            if (verify != null && !verify.isEmpty()) {
                String certPath = env.get("DOCKER_CERT_PATH");
                tls = certPath != null && !certPath.isBlank() ? Path.of(certPath) : configDir();
            }
            return new DaemonEndpoint(DaemonKind.DOCKER, parseHost(host, "DOCKER_HOST"), tls, "DOCKER_HOST");
        }
        String context = env.get("DOCKER_CONTEXT");
        if (context == null || context.isBlank()) {
            context = currentContext();
        }
        if (context != null && !context.isBlank() && !context.equals("default")) {
            return fromContext(context);
        }
        return new DaemonEndpoint(DaemonKind.DOCKER, URI.create("unix://" + DEFAULT_DOCKER_SOCKET), null, "the default socket");
    }

    DaemonEndpoint podman() throws ImageReadException {
        String host = env.get("CONTAINER_HOST");
        if (host != null && !host.isBlank()) {
            return new DaemonEndpoint(DaemonKind.PODMAN, parseHost(host, "CONTAINER_HOST"), null, "CONTAINER_HOST");
        }
        List<Path> candidates = new ArrayList<>();
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank()) {
            candidates.add(Path.of(runtime, "podman", "podman.sock"));
        }
        candidates.add(rootfulPodmanSocket);
        for (Path socket : candidates) {
            if (Files.exists(socket)) {
                return new DaemonEndpoint(DaemonKind.PODMAN, URI.create("unix://" + socket.toAbsolutePath()), null,
                        socket.equals(rootfulPodmanSocket) ? "the system socket" : "the user socket");
            }
        }
        throw new ImageReadException("no Podman socket (tried " + String.join(", ", candidates.stream().map(Path::toString).toList())
                + "); start one with `systemctl --user start podman.socket`, or set CONTAINER_HOST");
    }

    private DaemonEndpoint fromContext(String name) throws ImageReadException {
        // docker stores a context under the hex SHA-256 of its name
        String id = Digest.sha256(name.getBytes(StandardCharsets.UTF_8)).hex();
        Path meta = configDir().resolve("contexts").resolve("meta").resolve(id).resolve("meta.json");
        if (!Files.isRegularFile(meta)) {
            throw new ImageReadException("docker context " + name + " does not exist (no " + meta + ")");
        }
        String host;
        boolean skipTlsVerify;
        try {
            ContextMeta parsed = readMeta(Files.readAllBytes(meta));
            host = parsed.host();
            skipTlsVerify = parsed.skipTlsVerify();
        } catch (IOException e) {
            throw new ImageReadException("docker context " + name + " cannot be read: " + e.getMessage(), e);
        }
        if (host == null || host.isBlank()) {
            throw new ImageReadException("docker context " + name + " has no docker endpoint");
        }
        Path tls = configDir().resolve("contexts").resolve("tls").resolve(id).resolve("docker");
        boolean hasTls = Files.isRegularFile(tls.resolve("ca.pem")) || Files.isRegularFile(tls.resolve("cert.pem"));
        if (skipTlsVerify && hasTls) {
            throw new ImageReadException("docker context " + name + " skips TLS verification, which layerlens does not do");
        }
        return new DaemonEndpoint(DaemonKind.DOCKER, parseHost(host, "docker context " + name), hasTls ? tls : null,
                "docker context " + name);
    }

    private record ContextMeta(String host, boolean skipTlsVerify) {
    }

    /** {@code {"Name":…,"Endpoints":{"docker":{"Host":"…","SkipTLSVerify":false}}}}. */
    private static ContextMeta readMeta(byte[] bytes) throws IOException {
        String host = null;
        boolean skip = false;
        try (JsonParser p = JSON.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("meta.json is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("Endpoints") && value == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String endpoint = p.currentName();
                        JsonToken start = p.nextToken();
                        if (endpoint.equals("docker") && start == JsonToken.START_OBJECT) {
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String key = p.currentName();
                                JsonToken v = p.nextToken();
                                if (key.equals("Host") && v == JsonToken.VALUE_STRING) {
                                    host = p.getText();
                                } else if (key.equals("SkipTLSVerify") && v.isBoolean()) {
                                    skip = p.getBooleanValue();
                                } else {
                                    p.skipChildren();
                                }
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
        return new ContextMeta(host, skip);
    }

    /** {@code currentContext} of the client config, or null. */
    private String currentContext() throws ImageReadException {
        Path config = configDir().resolve("config.json");
        if (!Files.isRegularFile(config)) {
            return null;
        }
        try (JsonParser p = JSON.createParser(Files.readAllBytes(config))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("currentContext") && value == JsonToken.VALUE_STRING) {
                    return p.getText();
                }
                p.skipChildren();
            }
            return null;
        } catch (IOException e) {
            // the parser's message may quote the file, which holds credentials: name the file only
            throw new ImageReadException(config + " is not valid JSON");
        }
    }

    /** {@code $DOCKER_CONFIG}, else {@code ~/.docker}. */
    private Path configDir() {
        String dir = env.get("DOCKER_CONFIG");
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        return Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".docker");
    }

    private static URI parseHost(String host, String origin) throws ImageReadException {
        try {
            URI uri = URI.create(host.trim());
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equals("unix") || scheme.equals("tcp") || scheme.equals("npipe"))) {
                throw new ImageReadException(origin + " must be unix://PATH or tcp://HOST:PORT, not " + host);
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ImageReadException(origin + " is not a valid address: " + host);
        }
    }
}
