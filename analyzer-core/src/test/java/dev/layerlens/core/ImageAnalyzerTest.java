package dev.layerlens.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerlens.core.analysis.AnalysisContext;
import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.ImageCheck;
import dev.layerlens.core.analysis.Severity;
import dev.layerlens.core.image.Healthcheck;
import dev.layerlens.core.image.ImageConfig;
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
import dev.layerlens.testdata.OciLayout;
import dev.layerlens.testdata.PlatformSpec;
import dev.layerlens.testdata.Written;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the image description carries besides files: history, repeated layers, the container config. */
class ImageAnalyzerTest {
    @TempDir
    Path dir;

    private Path docker(ImageSpec image) {
        return new DockerArchive(DockerArchive.Layout.LEGACY).image(image, "app:1").write(dir.resolve("app.tar")).path();
    }

    /** Reports its declared id, and one it does not declare when asked to. */
    private record OneIdCheck(String reported) implements ImageCheck {
        @Override
        public Set<String> ids() {
            return Set.of("test/declared");
        }

        @Override
        public List<Finding> findings(AnalysisContext context) {
            return List.of(new Finding(reported, Severity.LOW, "t", null, null, null, null, null));
        }
    }

    private ImageAnalyzer.Result analyzeWith(ImageCheck check) throws ImageReadException {
        Path path = docker(ImageSpec.builder().layer("RUN make", Entry.file("a", 1)).build());
        return new ImageAnalyzer(new SourceResolver(InputStream.nullInputStream()), TestImages.VERIFY, () -> List.of(check))
                .analyze(path.toString(), SourceOptions.DEFAULT, ImageAnalyzer.ProgressFactory.NONE);
    }

    @Test
    void aCheckReportsOnlyTheIdsItDeclares() throws ImageReadException {
        assertThat(analyzeWith(new OneIdCheck("test/declared")).report().findings()).extracting(Finding::id)
                .containsExactly("test/declared");
        assertThatThrownBy(() -> analyzeWith(new OneIdCheck("test/undeclared")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("OneIdCheck reported test/undeclared, an id it does not declare");
    }

    @Test
    void emptyLayerHistoryEntriesArePassedOver() throws ImageReadException {
        ImageSpec image = ImageSpec.builder()
                .emptyStep("ARG VERSION=1")
                .layer("ADD base /", Entry.file("a", 1))
                .emptyStep("ENV A=1")
                .emptyStep("LABEL x=y")
                .layer("RUN make", Entry.file("b", 2))
                .emptyStep("CMD [\"b\"]")
                .build();
        Report report = TestImages.report(docker(image));

        assertThat(report.layers()).extracting(Report.LayerReport::command).containsExactly("ADD base /", "RUN make");
        assertThat(report.notes()).isEmpty();
    }

    @Test
    void missingHistoryLeavesCommandsEmptyWithoutComplaint() throws ImageReadException {
        ImageSpec image = ImageSpec.builder().noHistory()
                .layer("ignored", Entry.file("a", 1))
                .layer("ignored", Entry.file("b", 2))
                .build();
        Report report = TestImages.report(docker(image));

        assertThat(report.layers()).extracting(Report.LayerReport::command).containsExactly("", "");
        assertThat(report.notes()).isEmpty();
        assertThat(report.image().sizeBytes()).isEqualTo(3);
    }

    @Test
    void fewerHistoryEntriesThanLayersArePairedInOrderWithANote() throws ImageReadException {
        ImageSpec image = ImageSpec.builder()
                .layer("ADD base /", Entry.file("a", 1))
                .layer("RUN make", Entry.file("b", 2))
                .layer("RUN test", Entry.file("c", 3))
                .build()
                .withHistory(List.of(HistorySpec.layer("ADD base /"), HistorySpec.empty("ENV A=1"),
                        HistorySpec.layer("RUN make")));
        Report report = TestImages.report(docker(image));

        assertThat(report.layers()).extracting(Report.LayerReport::command).containsExactly("ADD base /", "RUN make", "");
        assertThat(report.notes()).singleElement().asString().contains("2 non-empty entries for 3 layers");
    }

    @Test
    void moreHistoryEntriesThanLayersAreNotedToo() throws ImageReadException {
        ImageSpec image = ImageSpec.builder()
                .layer("ADD base /", Entry.file("a", 1))
                .build()
                .withHistory(List.of(HistorySpec.layer("ADD base /"), HistorySpec.layer("RUN lost").withComment("squashed")));
        Report report = TestImages.report(docker(image));

        assertThat(report.layers()).extracting(Report.LayerReport::command).containsExactly("ADD base /");
        assertThat(report.notes()).singleElement().asString().contains("2 non-empty entries for 1 layers");
    }

    /** Legacy saves repeat a layer as a symlink or a copy; podman stores its {@code <diffID>.tar} once, named twice. */
    @ParameterizedTest(name = "{0} save, symlinked repeat: {1}")
    @CsvSource({"LEGACY, true", "LEGACY, false", "PODMAN, true"})
    void theSameLayerTwiceIsTwoLayers(DockerArchive.Layout layout, boolean symlinked) throws ImageReadException {
        LayerSpec config = LayerSpec.of(Entry.dir("etc"), Entry.file("etc/app.conf", 64));
        ImageSpec image = ImageSpec.builder()
                .layer("COPY app.conf /etc/", config)
                .layer("RUN rm /etc/app.conf", Entry.whiteout("etc/app.conf"))
                .layer("COPY app.conf /etc/", config)
                .build();
        Path path = new DockerArchive(layout).image(image, "app:1").symlinkRepeatedLayers(symlinked)
                .write(dir.resolve("repeat-" + layout + symlinked + ".tar")).path();
        Report report = TestImages.report(path);

        assertThat(report.layers()).hasSize(3);
        assertThat(report.layers().get(0).diffId()).isEqualTo(report.layers().get(2).diffId());
        assertThat(report.layers()).extracting(Report.LayerReport::sizeBytes).containsExactly(64L, 0L, 64L);
        assertThat(report.layers()).extracting(Report.LayerReport::addedCount).containsExactly(1, 0, 1);
        assertThat(report.layers()).extracting(Report.LayerReport::removedCount).containsExactly(0, 1, 0);
        assertThat(report.metrics().reclaimableBytes()).isEqualTo(64);
    }

    @Test
    void theSameLayerTwiceInAnOciLayoutIsOneBlobReadTwice() throws ImageReadException {
        LayerSpec same = LayerSpec.of(Entry.file("x", 10));
        ImageSpec image = ImageSpec.builder().layer("COPY x /", same).layer("COPY x /", same).build();
        Written written = new OciLayout().tag("1", image).writeArchive(dir.resolve("repeat.oci.tar"));
        Report report = TestImages.report(written.path());

        assertThat(report.layers()).extracting(Report.LayerReport::digest).containsOnly(written.image().layers().get(0).blobDigest());
        assertThat(report.layers()).extracting(Report.LayerReport::modifiedCount).containsExactly(0, 1);
        assertThat(report.reclaimable()).singleElement().satisfies(p -> assertThat(p.bytes()).isEqualTo(10));
    }

    @Test
    void anImageWithoutLayersHasNoFigures() throws ImageReadException {
        ImageSpec image = ImageSpec.builder().emptyStep("CMD [\"true\"]").build();
        Report report = TestImages.report(docker(image));

        assertThat(report.layers()).isEmpty();
        assertThat(report.image().sizeBytes()).isZero();
        assertThat(report.metrics().dive().efficiency()).isEqualTo(1.0);
    }

    @Test
    void theContainerConfigIsReadAsWritten() throws ImageReadException {
        ConfigSpec config = ConfigSpec.builder()
                .user("1000:1000")
                .env("PATH=/usr/bin", "JAVA_HOME=/opt/java")
                .entrypoint("/docker-entrypoint.sh")
                .cmd("java", "-jar", "/app.jar")
                .workingDir("/app")
                .label("org.opencontainers.image.version", "1.4")
                .label("maintainer", "ops")
                .healthcheck(new ConfigSpec.HealthcheckSpec(List.of("CMD-SHELL", "curl -f http://localhost/"),
                        30_000_000_000L, 5_000_000_000L, 3))
                .expose("8080/tcp", "53/udp")
                .volume("/data")
                .build();
        ImageSpec image = ImageSpec.builder().platform(new PlatformSpec("linux", "arm", "v6")).config(config)
                .layer("COPY app.jar /", Entry.file("app.jar", 5)).build();
        ImageAnalyzer.Result result = TestImages.analyze(docker(image));
        ImageConfig c = result.image().config();

        assertThat(c.user()).isEqualTo("1000:1000");
        assertThat(c.env()).containsExactly("PATH=/usr/bin", "JAVA_HOME=/opt/java");
        assertThat(c.entrypoint()).containsExactly("/docker-entrypoint.sh");
        assertThat(c.cmd()).containsExactly("java", "-jar", "/app.jar");
        assertThat(c.workingDir()).isEqualTo("/app");
        assertThat(c.labels()).isEqualTo(Map.of("org.opencontainers.image.version", "1.4", "maintainer", "ops"));
        assertThat(c.healthcheck()).isEqualTo(new Healthcheck(List.of("CMD-SHELL", "curl -f http://localhost/"),
                30_000_000_000L, 5_000_000_000L, 3));
        assertThat(c.exposedPorts()).containsExactly("53/udp", "8080/tcp");
        assertThat(c.volumes()).containsExactly("/data");
        assertThat(c.created()).isEqualTo(ImageSpec.DEFAULT_CREATED);
        assertThat(result.report().image().platform()).isEqualTo("linux/arm/v6");
    }

    @Test
    void anEmptyConfigGivesEmptyValuesNotNulls() throws ImageReadException {
        ImageConfig c = TestImages.analyze(docker(ImageSpec.builder().layer("x", Entry.file("x", 1)).build()))
                .image().config();

        assertThat(c.user()).isEmpty();
        assertThat(c.env()).isEmpty();
        assertThat(c.cmd()).isEmpty();
        assertThat(c.labels()).isEmpty();
        assertThat(c.healthcheck()).isNull();
    }
}
