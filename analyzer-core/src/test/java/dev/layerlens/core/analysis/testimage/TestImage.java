package dev.layerlens.core.analysis.testimage;

import dev.layerlens.core.ImageAnalyzer;
import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.ImageCheck;
import dev.layerlens.core.analysis.grade.Readiness;
import dev.layerlens.core.analysis.grade.ReadinessChecks;
import dev.layerlens.core.fs.FileTree;
import dev.layerlens.core.image.Image;
import dev.layerlens.core.layer.ScanOptions;
import dev.layerlens.core.report.Report;
import dev.layerlens.core.source.ImageReadException;
import dev.layerlens.core.source.SourceOptions;
import dev.layerlens.core.source.SourceResolver;
import dev.layerlens.testdata.ConfigSpec;
import dev.layerlens.testdata.DockerArchive;
import dev.layerlens.testdata.Entry;
import dev.layerlens.testdata.HistorySpec;
import dev.layerlens.testdata.ImageSpec;
import dev.layerlens.testdata.LayerSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * An image described in a test, written by the fixture writer as a {@code docker save} archive and
 * analysed by the real pipeline ({@link ImageAnalyzer}: one scan with content checksums and the
 * checks' inspectors, the file tree, the findings, the readiness summary). Defaults describe a sound
 * image (non-root, a health check, exec form, OCI labels, a version tag), so a test states only what
 * it is about.
 */
public final class TestImage {
    private static final ScanOptions SCAN = new ScanOptions(true, true, 2);
    private static Path directory;

    private final ImageSpec spec;
    private final String tag;

    private TestImage(ImageSpec spec, String tag) {
        this.spec = spec;
        this.tag = tag;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What the pipeline made of the image. */
    public record Result(Report report, Image image, FileTree tree) {

        public List<Finding> findings() {
            return report.findings();
        }

        public Readiness readiness() {
            return report.readiness();
        }

        public List<Finding> withId(String id) {
            return findings().stream().filter(f -> f.id().equals(id)).toList();
        }

        public List<String> ids() {
            return findings().stream().map(Finding::id).toList();
        }
    }

    /** Writes the archive, analyses it with {@code checks} (fresh instances), and deletes it. */
    public Result analyze(ImageCheck... checks) {
        Path archive = null;
        try {
            archive = Files.createTempFile(directory(), "image", ".tar");
            DockerArchive writer = new DockerArchive(DockerArchive.Layout.DOCKER_25);
            if (tag == null) {
                writer.image(spec);
            } else {
                writer.image(spec, tag);
            }
            writer.write(archive);
            // as readiness checks (graded), texts left as the checks wrote them
            ImageAnalyzer analyzer = new ImageAnalyzer(new SourceResolver(InputStream.nullInputStream()), SCAN,
                    () -> ReadinessChecks.of(UnaryOperator.identity(), checks));
            ImageAnalyzer.Result result = analyzer.analyze(archive.toString(), SourceOptions.DEFAULT,
                    ImageAnalyzer.ProgressFactory.NONE);
            return new Result(result.report(), result.image(), result.tree());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ImageReadException e) {
            throw new IllegalStateException("the fixture could not be read: " + e.getMessage(), e);
        } finally {
            if (archive != null) {
                try {
                    Files.deleteIfExists(archive);
                } catch (IOException e) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    private static synchronized Path directory() throws IOException {
        if (directory == null) {
            directory = Files.createTempDirectory("layerlens-readiness");
            directory.toFile().deleteOnExit();
        }
        return directory;
    }

    public static final class Builder {
        private String tag = "registry.example/app:1.0";
        private final ConfigSpec.Builder config = ConfigSpec.builder().user("10001").cmd("/app/server");
        private final Map<String, String> labels = new LinkedHashMap<>(Map.of(
                "org.opencontainers.image.version", "1.0",
                "org.opencontainers.image.revision", "3f9c2ab",
                "org.opencontainers.image.source", "https://example.com/app"));
        private ConfigSpec.HealthcheckSpec healthcheck =
                new ConfigSpec.HealthcheckSpec(List.of("CMD", "/app/server", "--health"), null, null, null);
        private final List<LayerSpec> layers = new ArrayList<>();
        private final List<HistorySpec> history = new ArrayList<>();
        private String created = ImageSpec.DEFAULT_CREATED;
        private String comment;

        /** The RepoTag the archive holds; null for an untagged image (its reference is then the archive's path). */
        public Builder tag(String value) {
            tag = value;
            return this;
        }

        public Builder user(String value) {
            config.user(value);
            return this;
        }

        public Builder entrypoint(String... argv) {
            config.entrypoint(argv);
            return this;
        }

        public Builder cmd(String... argv) {
            config.cmd(argv);
            return this;
        }

        public Builder expose(String... ports) {
            config.expose(ports);
            return this;
        }

        public Builder volume(String... paths) {
            config.volume(paths);
            return this;
        }

        /** Sets a label; null removes one of the default OCI labels. */
        public Builder label(String key, String value) {
            if (value == null) {
                labels.remove(key);
            } else {
                labels.put(key, value);
            }
            return this;
        }

        /** The health check's test; none for no health check at all. */
        public Builder healthcheck(String... test) {
            healthcheck = test.length == 0 ? null : new ConfigSpec.HealthcheckSpec(List.of(test), null, null, null);
            return this;
        }

        /** The created time and history comment of the steps added after this call. */
        public Builder recorded(String createdAt, String historyComment) {
            created = createdAt;
            comment = historyComment;
            return this;
        }

        public Builder layer(String createdBy, Entry... entries) {
            history.add(new HistorySpec(created, createdBy, comment, false));
            layers.add(LayerSpec.of(entries));
            return this;
        }

        public Builder emptyStep(String createdBy) {
            history.add(new HistorySpec(created, createdBy, comment, true));
            return this;
        }

        public TestImage build() {
            labels.forEach(config::label);
            if (healthcheck != null) {
                config.healthcheck(healthcheck);
            }
            ImageSpec.Builder image = ImageSpec.builder().created(created).config(config.build());
            for (LayerSpec layer : layers) {
                image.layer("replaced by the history below", layer);
            }
            return new TestImage(image.build().withHistory(history), tag);
        }
    }
}
