package dev.layerlens.cli.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * What every integration test shares within one test run: the Docker engine, the base images, and
 * the scenario images already built and saved (the OCI-variant tests reuse the scenario tests' ones,
 * the diff pairs the readiness tests' Node images).
 */
final class ItContext {
    static final String WORK_PROPERTY = "layerlens.it.work";

    /** A scenario built with one builder and saved with {@code docker save}. */
    record BuiltScenario(Scenario scenario, Docker.Builder builder, String tag, Path archive, int baseLayers,
                         Duration buildTime) {
    }

    final Docker docker;
    final BaseImages bases;
    final Path workDir;
    private final Map<String, BuiltScenario> built = new HashMap<>();
    private ReadinessImages readiness;

    private ItContext(Docker docker, BaseImages bases, Path workDir) {
        this.docker = docker;
        this.bases = bases;
        this.workDir = workDir;
    }

    static ItContext create() {
        Path work = Path.of(System.getProperty(WORK_PROPERTY, "target/it-work")).toAbsolutePath();
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Docker docker = Docker.discover(work);
        System.out.println("[it] " + docker);
        return new ItContext(docker, new BaseImages(docker, work), work);
    }

    /** The readiness scenarios' images, each built and saved once per run whichever test asks first. */
    synchronized ReadinessImages readiness() {
        if (readiness == null) {
            readiness = new ReadinessImages(this);
        }
        return readiness;
    }

    /** Builds {@code name} with {@code builder} (once per run) and saves it to an archive. */
    synchronized BuiltScenario scenario(String name, Docker.Builder builder) {
        String key = name + "/" + builder;
        BuiltScenario done = built.get(key);
        if (done != null) {
            return done;
        }
        Scenario scenario = Scenario.load(name);
        docker.client(builder); // skips or fails first when this builder is unavailable
        String base = bases.ensure(scenario.base());
        String tag = scenario.tag(builder);
        long start = System.nanoTime();
        docker.build(builder, scenario.dir(), tag, Duration.ofMinutes(scenario.base().equals("debian") ? 15 : 5));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Path archive = workDir.resolve(name + "-" + builder.tagSuffix() + ".tar");
        try {
            Files.deleteIfExists(archive);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        docker.save(tag, archive);
        BuiltScenario result = new BuiltScenario(scenario, builder, tag, archive, docker.layerCount(base), took);
        System.out.println("[it] built " + tag + " in " + took.toMillis() + " ms");
        built.put(key, result);
        return result;
    }
}
