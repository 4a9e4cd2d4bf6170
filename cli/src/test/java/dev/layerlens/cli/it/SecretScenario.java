package dev.layerlens.cli.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerlens.testdata.FakeSecrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One folder of {@code testdata/scenarios/secrets}: a Dockerfile, files made at build time from
 * the {@code context} of its {@code expected.json}, build arguments and BuildKit secrets, and the
 * findings the audit must give. Credentials are written as {@code @@kind:tag@@} placeholders and
 * made here with {@link FakeSecrets}, so the repository holds none.
 */
record SecretScenario(String name, Path dir, JsonNode expected) {
    private static final Pattern PLACEHOLDER = Pattern.compile("@@([a-z0-9-]+):([0-9A-Za-z]+)@@");

    static Path root() {
        return Scenario.root().resolve("secrets");
    }

    static List<String> names() {
        try (Stream<Path> dirs = Files.list(root())) {
            List<String> names = dirs.filter(d -> Files.isRegularFile(d.resolve("Dockerfile")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
            if (names.isEmpty()) {
                throw new IllegalStateException("no secret scenario in " + root());
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SecretScenario load(String name) {
        Path dir = root().resolve(name);
        try {
            return new SecretScenario(name, dir, new ObjectMapper().readTree(dir.resolve("expected.json").toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": expected.json cannot be read", e);
        }
    }

    String base() {
        return expected.get("base").asText();
    }

    List<Docker.Builder> builders() {
        List<Docker.Builder> builders = new ArrayList<>();
        expected.get("builders").forEach(b -> builders.add(Docker.Builder.valueOf(b.asText().toUpperCase(java.util.Locale.ROOT))));
        return builders;
    }

    /** The fake credential a placeholder stands for. */
    static String value(String kind, String tag) {
        return switch (kind) {
            case "password" -> FakeSecrets.password(tag);
            case "github" -> FakeSecrets.githubToken(tag);
            case "npm" -> FakeSecrets.npmToken(tag);
            case "aws-key-id" -> FakeSecrets.awsAccessKeyId(tag);
            case "aws-secret" -> FakeSecrets.awsSecretAccessKey(tag);
            case "private-key" -> FakeSecrets.privateKey("OPENSSH ", tag);
            case "docker-auth" -> FakeSecrets.dockerAuth("ci", FakeSecrets.password(tag));
            default -> throw new IllegalArgumentException("unknown placeholder kind " + kind);
        };
    }

    /** {@code text} with every placeholder replaced by its value. */
    static String resolve(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), m.group(2))));
        }
        return m.appendTail(out).toString();
    }

    /**
     * The build context in {@code target}: the scenario's Dockerfile and .dockerignore with their
     * placeholders resolved, and the generated files (expected.json and README.md stay out).
     */
    Path materialize(Path target) {
        try {
            if (Files.exists(target)) {
                try (Stream<Path> old = Files.walk(target)) {
                    old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(target);
            for (String file : List.of("Dockerfile", ".dockerignore")) {
                if (Files.isRegularFile(dir.resolve(file))) {
                    Files.writeString(target.resolve(file), resolve(Files.readString(dir.resolve(file))), StandardCharsets.UTF_8);
                }
            }
            var files = expected.get("context").fields();
            while (files.hasNext()) {
                var f = files.next();
                Path path = target.resolve(f.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, resolve(f.getValue().asText()), StandardCharsets.UTF_8);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code --build-arg K=V} and {@code --secret id=…,src=…} (secret files written under {@code secretsDir}). */
    List<String> buildOptions(Path secretsDir) {
        List<String> options = new ArrayList<>();
        expected.get("buildArgs").fields().forEachRemaining(a -> {
            options.add("--build-arg");
            options.add(a.getKey() + "=" + resolve(a.getValue().asText()));
        });
        if (expected.has("buildSecrets")) {
            try {
                Files.createDirectories(secretsDir);
                var secrets = expected.get("buildSecrets").fields();
                while (secrets.hasNext()) {
                    var s = secrets.next();
                    Path file = secretsDir.resolve(s.getKey());
                    Files.writeString(file, resolve(s.getValue().asText()), StandardCharsets.UTF_8);
                    options.add("--secret");
                    options.add("id=" + s.getKey() + ",src=" + file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return options;
    }

    /** Every value planted in the image (build arguments, context files, the Dockerfile), by placeholder. */
    Map<String, String> plantedValues() {
        Map<String, String> values = new LinkedHashMap<>();
        for (JsonNode finding : expected.get("findings")) {
            if (finding.has("value")) {
                String placeholder = finding.get("value").asText();
                values.put(placeholder, resolve(placeholder));
            }
        }
        return values;
    }

    /** Values that reached the build but must not reach the image (.dockerignore'd files, BuildKit secrets). */
    List<String> absentValues() {
        List<String> values = new ArrayList<>();
        expected.get("absent").forEach(v -> values.add(resolve(v.asText())));
        return values;
    }
}
