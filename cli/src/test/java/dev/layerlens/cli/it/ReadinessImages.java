package dev.layerlens.cli.it;

import static dev.layerlens.cli.it.Prerequisites.need;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * The readiness scenarios of {@code testdata/readiness-scenarios}, built with the harness's
 * {@link Docker} and {@link BaseImages}: two more bases stand in for the official node and python
 * images (Debian's packages on the harness's Debian base, built once and reused while their recipe
 * label matches), and each scenario's context is prepared in the work directory before the build
 * (a real {@code .git} for the Node scenarios, the fastcount sdist, and an {@code .npmrc} that
 * trusts this machine's own certificate authorities when it has any, for a TLS-inspecting proxy).
 */
final class ReadinessImages {
    static final String NODE = "layerlens-it/node:bookworm";
    static final String PYTHON = "layerlens-it/python:bookworm";
    private static final String NODE_DOCKERFILE = """
            FROM layerlens-it/debian:bookworm
            RUN apt-get update \\
             && apt-get install -y --no-install-recommends nodejs npm \\
             && apt-get clean \\
             && rm -rf /var/lib/apt/lists/*
            """;
    private static final String PYTHON_DOCKERFILE = """
            FROM layerlens-it/debian:bookworm
            RUN apt-get update \\
             && apt-get install -y --no-install-recommends python3 python3-pip python3-setuptools python3-wheel \\
             && apt-get clean \\
             && rm -rf /var/lib/apt/lists/*
            """;
    private static final Path LOCAL_CAS = Path.of("/usr/local/share/ca-certificates");

    /** One scenario folder and its expectations. */
    record Scenario(String name, Path dir, JsonNode expected) {
        String base() {
            return expected.get("base").asText();
        }
    }

    /** A scenario built with one builder and saved. */
    record Built(Scenario scenario, Docker.Builder builder, String tag, Path archive, int baseLayers, Duration buildTime) {
    }

    private final ItContext it;
    private final Map<String, Built> built = new HashMap<>();
    private final Map<String, Boolean> basesReady = new HashMap<>();

    ReadinessImages(ItContext it) {
        this.it = it;
    }

    static Path root() {
        Path root = dev.layerlens.cli.it.Scenario.root().resolveSibling("readiness-scenarios");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("no readiness scenarios at " + root);
        }
        return root;
    }

    static Scenario load(String name) {
        Path dir = root().resolve(name);
        try {
            return new Scenario(name, dir, new ObjectMapper().readTree(dir.resolve("expected.json").toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": expected.json cannot be read", e);
        }
    }

    /** Every scenario folder; {@code -Dlayerlens.it.readiness.only=a,b} narrows a local run to some of them. */
    static List<String> names() {
        String only = System.getProperty("layerlens.it.readiness.only", "");
        try (Stream<Path> dirs = Files.list(root())) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("Dockerfile"))).map(d -> d.getFileName().toString())
                    .filter(n -> only.isBlank() || List.of(only.split(",")).contains(n))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized Built build(String name, Docker.Builder builder) {
        String key = name + "/" + builder;
        Built done = built.get(key);
        if (done != null) {
            return done;
        }
        Scenario scenario = load(name);
        it.docker.client(builder);
        String base = base(scenario.base());
        // bases of other stages (a multi-stage build's builder stage)
        scenario.expected().path("bases").forEach(b -> base(b.asText()));
        Path context = prepare(scenario);
        String tag = "layerlens-it/readiness-" + name + ":" + builder.tagSuffix();
        long start = System.nanoTime();
        it.docker.build(builder, context, tag, Duration.ofMinutes(30));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Path archive = it.workDir.resolve("readiness-" + name + "-" + builder.tagSuffix() + ".tar");
        try {
            Files.deleteIfExists(archive);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        it.docker.save(tag, archive);
        Built result = new Built(scenario, builder, tag, archive, it.docker.layerCount(base), took);
        System.out.println("[it] built " + tag + " in " + took.toMillis() + " ms");
        built.put(key, result);
        return result;
    }

    /** The base image a scenario names: the harness's busybox or debian, or node / python built on debian. */
    private String base(String name) {
        return switch (name) {
            case "busybox" -> it.bases.busybox();
            case "debian" -> it.bases.debian();
            case "node" -> derived(NODE, NODE_DOCKERFILE, "[\"node\"]");
            case "python" -> derived(PYTHON, PYTHON_DOCKERFILE, "[\"python3\"]");
            default -> throw new IllegalArgumentException("unknown base " + name);
        };
    }

    /** A base on the harness's Debian, rebuilt only when its recipe (this text and Debian's image ID) changes. */
    private String derived(String tag, String dockerfile, String cmd) {
        if (basesReady.containsKey(tag)) {
            return tag;
        }
        String debian = it.bases.debian();
        String recipe = sha256(dockerfile + "\n" + cmd + "\n" + it.docker.imageId(debian));
        if (!recipe.equals(it.docker.label(tag, BaseImages.RECIPE_LABEL))) {
            Path context = it.workDir.resolve("base-" + tag.replaceAll("[^a-z0-9]+", "-"));
            try {
                Files.createDirectories(context);
                // the label before CMD: a base image ends with its CMD, as the official ones do
                Files.writeString(context.resolve("Dockerfile"), dockerfile + "LABEL " + BaseImages.RECIPE_LABEL + "="
                        + recipe + "\nCMD " + cmd + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            it.docker.build(Docker.Builder.LEGACY, context, tag, Duration.ofMinutes(30));
        }
        basesReady.put(tag, true);
        return tag;
    }

    /** A copy of the scenario folder with what cannot be committed: a real .git, the sdist, an .npmrc. */
    private Path prepare(Scenario scenario) {
        Path context = it.workDir.resolve("readiness-context-" + scenario.name());
        JsonNode prepare = scenario.expected().path("prepare");
        try {
            deleteTree(context);
            copyTree(scenario.dir(), context);
            Files.delete(context.resolve("expected.json"));
            if (prepare.path("npmrc").asBoolean(false)) {
                writeNpmrc(context);
            }
            if (prepare.has("sdist")) {
                writeSdist(context.resolve(prepare.get("sdist").asText()), context);
            }
            if (prepare.path("git").asBoolean(false)) {
                Path git = Command.which("git");
                need(git != null, "git is missing (apt-get install git)");
                Map<String, String> env = Map.of("GIT_AUTHOR_NAME", "layerlens", "GIT_AUTHOR_EMAIL", "it@layerlens.dev",
                        "GIT_COMMITTER_NAME", "layerlens", "GIT_COMMITTER_EMAIL", "it@layerlens.dev",
                        "GIT_AUTHOR_DATE", "2024-01-01T00:00:00Z", "GIT_COMMITTER_DATE", "2024-01-01T00:00:00Z");
                Duration quick = Duration.ofSeconds(60);
                Command.run(List.of(git.toString(), "init", "-q"), env, quick, context).orThrow();
                Command.run(List.of(git.toString(), "add", "-A"), env, quick, context).orThrow();
                Command.run(List.of(git.toString(), "commit", "-q", "-m", "greeter 1.0.0"), env, quick, context).orThrow();
                // the index records inode numbers and change times: without it the .git is the same bytes on
                // every run, so the builders' caches can reuse the npm install layer
                Files.delete(context.resolve(".git").resolve("index"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return context;
    }

    /**
     * npm in the build trusts only the public CAs; behind a TLS-inspecting proxy the machine's own CAs
     * (/usr/local/share/ca-certificates) are needed too. Without any, no .npmrc is written.
     */
    private static void writeNpmrc(Path context) throws IOException {
        if (!Files.isDirectory(LOCAL_CAS)) {
            return;
        }
        StringBuilder npmrc = new StringBuilder();
        try (Stream<Path> files = Files.list(LOCAL_CAS)) {
            for (Path crt : files.filter(f -> f.toString().endsWith(".crt")).sorted().toList()) {
                for (String block : Files.readString(crt).split("-----END CERTIFICATE-----")) {
                    if (block.contains("-----BEGIN CERTIFICATE-----")) {
                        String pem = block.strip() + "\n-----END CERTIFICATE-----";
                        npmrc.append("ca[]=\"").append(pem.replace("\n", "\\n")).append("\"\n");
                    }
                }
            }
        }
        if (npmrc.length() > 0) {
            Files.writeString(context.resolve(".npmrc"), npmrc.toString(), StandardCharsets.UTF_8);
        }
    }

    /** {@code <dir>-1.0.tar.gz}: an sdist of the folder, entries under {@code <dir>-1.0/}, fixed times. */
    private static void writeSdist(Path source, Path context) throws IOException {
        String top = source.getFileName() + "-1.0";
        GzipParameters gzip = new GzipParameters();
        gzip.setModificationTime(0);
        try (OutputStream file = Files.newOutputStream(context.resolve(top + ".tar.gz"));
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file, gzip))) {
            TarArchiveEntry dir = new TarArchiveEntry(top + "/");
            dir.setModTime(1_704_067_200_000L);
            tar.putArchiveEntry(dir);
            tar.closeArchiveEntry();
            try (Stream<Path> files = Files.list(source)) {
                for (Path f : files.sorted().toList()) {
                    TarArchiveEntry e = new TarArchiveEntry(f.toFile(), top + "/" + f.getFileName());
                    e.setModTime(1_704_067_200_000L);
                    e.setUserId(0);
                    e.setGroupId(0);
                    e.setUserName("");
                    e.setGroupName("");
                    tar.putArchiveEntry(e);
                    Files.copy(f, tar);
                    tar.closeArchiveEntry();
                }
            }
        }
        deleteTree(source);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
