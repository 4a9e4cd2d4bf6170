package dev.layerlens.cli.it;

import static dev.layerlens.cli.it.Prerequisites.need;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Docker engine as the tests use it, through the command-line client. Clients differ in what
 * they can build: a 23+ client builds with BuildKit only through the buildx plugin, while a 20.10
 * client has BuildKit built in. So each builder gets the first client that really built a probe
 * image with it, checked by the image's history (BuildKit marks it {@code buildkit.dockerfile.v0}).
 */
final class Docker {
    /** The two image builders of the engine. */
    enum Builder {
        LEGACY("0"), BUILDKIT("1");

        final String envValue;

        Builder(String envValue) {
            this.envValue = envValue;
        }

        String tagSuffix() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static final String BUILDKIT_COMMENT = "buildkit.dockerfile.v0";
    private static final Duration QUICK = Duration.ofSeconds(60);

    private final Path anyClient;
    private final Path legacyClient;
    private final Path buildKitClient;
    private final String serverVersion;
    private final String storageDriver;

    private Docker(Path anyClient, Path legacyClient, Path buildKitClient, String serverVersion, String storageDriver) {
        this.anyClient = anyClient;
        this.legacyClient = legacyClient;
        this.buildKitClient = buildKitClient;
        this.serverVersion = serverVersion;
        this.storageDriver = storageDriver;
    }

    /** Finds the clients, checks the daemon answers, and probes which client builds with which builder. */
    static Docker discover(Path workDir) {
        List<Path> clients = candidateClients();
        need(!clients.isEmpty(), "no docker client found (apt-get install docker.io)");
        Path answering = null;
        String version = null;
        String lastError = "";
        for (Path client : clients) {
            Command.Result r = Command.run(List.of(client.toString(), "version", "--format", "{{.Server.Version}}"), Map.of(), QUICK);
            if (r.ok() && !r.stdout().isBlank()) {
                answering = client;
                version = r.stdout().trim();
                break;
            }
            lastError = r.stderr().trim();
        }
        need(answering != null, "no Docker daemon answers (" + lastError + "); start dockerd, e.g. with .ci/run");
        String driver = Command.run(List.of(answering.toString(), "info", "--format", "{{.Driver}}"), Map.of(), QUICK)
                .orThrow().stdout().trim();
        Path probeDir = workDir.resolve("builder-probe");
        try {
            Files.createDirectories(probeDir);
            Files.writeString(probeDir.resolve("Dockerfile"), "FROM scratch\nLABEL dev.layerlens.it.probe=1\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Docker partial = new Docker(answering, null, null, version, driver);
        Path legacy = partial.probe(clients, Builder.LEGACY, probeDir);
        Path buildKit = partial.probe(clients, Builder.BUILDKIT, probeDir);
        return new Docker(answering, legacy, buildKit, version, driver);
    }

    /** Every distinct docker client on this machine, the one on PATH first. */
    private static List<Path> candidateClients() {
        Set<Path> found = new LinkedHashSet<>();
        Path onPath = Command.which("docker");
        for (Path p : new Path[] {onPath, Path.of("/usr/bin/docker"), Path.of("/usr/local/bin/docker")}) {
            if (p != null && Files.isExecutable(p)) {
                try {
                    found.add(p.toRealPath());
                } catch (IOException e) {
                    found.add(p);
                }
            }
        }
        return new ArrayList<>(found);
    }

    /** The first client whose build with {@code builder} made an image that this builder made. */
    private Path probe(List<Path> clients, Builder builder, Path context) {
        String tag = "layerlens-it/probe:" + builder.tagSuffix();
        for (Path client : clients) {
            Command.Result r = Command.run(List.of(client.toString(), "build", "-q", "-t", tag, context.toString()),
                    Map.of("DOCKER_BUILDKIT", builder.envValue), Duration.ofMinutes(2));
            if (!r.ok()) {
                continue;
            }
            boolean madeByBuildKit = history(tag).stream().anyMatch(h -> h.startsWith(BUILDKIT_COMMENT + "|"));
            if (madeByBuildKit == (builder == Builder.BUILDKIT)) {
                return client;
            }
        }
        return null;
    }

    /** A client that talks to the daemon, for everything but builds. */
    Path anyClient() {
        return anyClient;
    }

    String serverVersion() {
        return serverVersion;
    }

    String storageDriver() {
        return storageDriver;
    }

    /** The client that builds with {@code builder}; skips (or fails, on CI) when there is none. */
    Path client(Builder builder) {
        Path client = builder == Builder.LEGACY ? legacyClient : buildKitClient;
        need(client != null, "no docker client builds with the " + builder + " builder (tried " + candidateClients()
                + "; BuildKit needs a 20.10 client or the buildx plugin)");
        return client;
    }

    /** {@code docker build --network host}: RUN steps need the host network on a daemon without a bridge. */
    void build(Builder builder, Path context, String tag, Duration timeout) {
        build(builder, context, tag, timeout, List.of());
    }

    /** The same with more options ({@code --build-arg K=V}, {@code --secret id=…,src=…}) before the context. */
    void build(Builder builder, Path context, String tag, Duration timeout, List<String> options) {
        List<String> argv = new ArrayList<>(List.of(client(builder).toString(), "build", "--network", "host", "-t", tag));
        argv.addAll(options);
        argv.add(context.toString());
        Command.run(argv, Map.of("DOCKER_BUILDKIT", builder.envValue), timeout).orThrow();
    }

    void save(String tag, Path archive) {
        run(Duration.ofMinutes(5), "save", "-o", archive.toString(), tag);
    }

    /** The merged filesystem of the image as the engine sees it: {@code docker create} + {@code docker export}. */
    void export(String tag, Path archive) {
        // a command is needed for images without CMD; the container never starts
        String id = run(QUICK, "create", tag, "/layerlens-it-never-runs").stdout().trim();
        try {
            run(Duration.ofMinutes(5), "export", "-o", archive.toString(), id);
        } finally {
            run(QUICK, "rm", "-f", id);
        }
    }

    /** The value of label {@code key} on image {@code tag}, or null when the image or the label is missing. */
    String label(String tag, String key) {
        Command.Result r = Command.run(List.of(anyClient.toString(), "image", "inspect", "--format",
                "{{ index .Config.Labels \"" + key + "\" }}", tag), Map.of(), QUICK);
        if (!r.ok()) {
            return null;
        }
        String value = r.stdout().trim();
        return value.isEmpty() || value.equals("<no value>") ? null : value;
    }

    /** The engine's image ID ({@code sha256:} of the config). */
    String imageId(String tag) {
        return run(QUICK, "image", "inspect", "--format", "{{ .Id }}", tag).stdout().trim();
    }

    /** The number of layers of image {@code tag}. */
    int layerCount(String tag) {
        return Integer.parseInt(run(QUICK, "image", "inspect", "--format", "{{ len .RootFS.Layers }}", tag).stdout().trim());
    }

    /** {@code Comment|CreatedBy} of each history entry, newest first. */
    List<String> history(String tag) {
        Command.Result r = Command.run(List.of(anyClient.toString(), "history", "--no-trunc", "--format",
                "{{.Comment}}|{{.CreatedBy}}", tag), Map.of(), QUICK);
        return r.ok() ? r.stdout().lines().toList() : List.of();
    }

    Command.Result run(Duration timeout, String... args) {
        List<String> argv = new ArrayList<>();
        argv.add(anyClient.toString());
        argv.addAll(List.of(args));
        return Command.run(argv, Map.of(), timeout).orThrow();
    }

    @Override
    public String toString() {
        return "Docker " + serverVersion + " (" + storageDriver + "), legacy builder via " + legacyClient
                + ", BuildKit via " + buildKitClient;
    }
}
