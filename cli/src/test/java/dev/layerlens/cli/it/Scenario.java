package dev.layerlens.cli.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** One folder of {@code testdata/scenarios}: a build context with its {@code expected.json}. */
record Scenario(String name, Path dir, JsonNode expected) {
    static final String SCENARIOS_PROPERTY = "layerlens.it.scenarios";

    /** The scenarios folder: set by failsafe (cli/pom.xml), or found from the cli module's directory. */
    static Path root() {
        String configured = System.getProperty(SCENARIOS_PROPERTY);
        Path root = configured != null ? Path.of(configured) : Path.of("..", "testdata", "scenarios");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("no scenarios folder at " + root.toAbsolutePath());
        }
        return root.toAbsolutePath().normalize();
    }

    /** Every folder with a Dockerfile; one without expected.json is an error, not a skip. */
    static List<String> names() {
        try (Stream<Path> dirs = Files.list(root())) {
            List<String> names = dirs.filter(d -> Files.isRegularFile(d.resolve("Dockerfile")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
            if (names.isEmpty()) {
                throw new IllegalStateException("no scenario in " + root());
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Scenario load(String name) {
        Path dir = root().resolve(name);
        try {
            return new Scenario(name, dir, new ObjectMapper().readTree(dir.resolve("expected.json").toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": expected.json cannot be read", e);
        }
    }

    /** {@code busybox} or {@code debian}. */
    String base() {
        return expected.get("base").asText();
    }

    String tag(Docker.Builder builder) {
        return "layerlens-it/scenario-" + name + ":" + builder.tagSuffix();
    }
}
