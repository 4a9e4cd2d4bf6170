package dev.layerlens.core.source.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.layerlens.core.ImageAnalyzer;
import dev.layerlens.core.TestImages;
import dev.layerlens.core.analysis.ReclaimablePath;
import dev.layerlens.core.fs.HideReason;
import dev.layerlens.core.report.Report;
import dev.layerlens.core.source.ImageReadException;
import dev.layerlens.core.source.SourceOptions;
import dev.layerlens.testdata.ContainerdArchive;
import dev.layerlens.testdata.DockerArchive;
import dev.layerlens.testdata.ImageSpec;
import dev.layerlens.testdata.OciLayout;
import dev.layerlens.testdata.PlatformIndex;
import dev.layerlens.testdata.PlatformSpec;
import dev.layerlens.testdata.Written;
import dev.layerlens.testdata.WrittenLayer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The reference image written in every format layerlens reads must give the same figures from each. */
class ArchiveFormatsTest {
    @TempDir
    static Path dir;
    static final Map<String, Written> FORMATS = new LinkedHashMap<>();

    @BeforeAll
    static void writeEveryFormat() {
        ImageSpec image = TestImages.reference();
        ImageSpec other = image.withPlatform(PlatformSpec.LINUX_ARM64);
        FORMATS.put("legacy docker save", new DockerArchive(DockerArchive.Layout.LEGACY)
                .image(image, "app:1").write(dir.resolve("legacy.tar")));
        FORMATS.put("docker 25 save", new DockerArchive(DockerArchive.Layout.DOCKER_25)
                .image(image, "app:1").write(dir.resolve("docker25.tar")));
        FORMATS.put("docker save | gzip", new DockerArchive(DockerArchive.Layout.DOCKER_25)
                .image(image, "app:1").gzipWholeArchive().write(dir.resolve("docker25.tar.gz")));
        FORMATS.put("podman docker-archive", new DockerArchive(DockerArchive.Layout.PODMAN)
                .image(image, "app:1").write(dir.resolve("podman.tar")));
        FORMATS.put("kaniko tarball", new DockerArchive(DockerArchive.Layout.KANIKO)
                .image(image, "app:1").write(dir.resolve("kaniko.tar")));
        FORMATS.put("containerd store save", new ContainerdArchive()
                .image(PlatformIndex.builder().image(image).image(other).attestation().build(), image.platform(), "app:1")
                .write(dir.resolve("containerd.tar")));
        FORMATS.put("OCI layout directory", new OciLayout().tag("1", image).writeDirectory(dir.resolve("layout")));
        FORMATS.put("oci-archive", new OciLayout().tag("1", image).writeArchive(dir.resolve("oci.tar")));
        FORMATS.put("oci-archive | gzip", new OciLayout().tag("1", image).gzipWholeArchive()
                .writeArchive(dir.resolve("oci.tar.gz")));
    }

    static Stream<String> formats() {
        return FORMATS.keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void layerFiguresFollowFromTheDescription(String format) throws ImageReadException {
        Report report = TestImages.report(FORMATS.get(format).path());

        assertThat(report.layers())
                .extracting(Report.LayerReport::sizeBytes, Report.LayerReport::fileCount,
                        Report.LayerReport::addedCount, Report.LayerReport::modifiedCount, Report.LayerReport::removedCount)
                .containsExactly(
                        tuple(300L + 2000 + 700 + 500, 7, 7, 0, 0),
                        tuple(4000L + 320, 3, 2, 1, 0),
                        tuple(1000L, 1, 1, 0, 3),
                        tuple(2000L, 1, 0, 1, 0));
        assertThat(report.layers()).extracting(Report.LayerReport::removedBytes).containsExactly(0L, 0L, 320L + 700 + 500, 0L);
        assertThat(report.image().sizeBytes()).isEqualTo(10_820);
        assertThat(report.image().visibleBytes()).isEqualTo(4000 + 1000 + 2000);
        assertThat(report.image().layerCount()).isEqualTo(4);
        assertThat(report.image().platform()).isEqualTo("linux/amd64");
        assertThat(report.image().verified()).isTrue();
        assertThat(report.layers()).extracting(Report.LayerReport::command).containsExactly(
                "/bin/sh -c #(nop) ADD file:0123456789abcdef in / ",
                "COPY app /app # buildkit",
                "RUN /bin/sh -c rm -rf /etc/passwd /usr/share/doc # buildkit",
                "RUN /bin/sh -c chmod +x /bin/tool # buildkit");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void digestsAreWhatTheWriterComputed(String format) throws ImageReadException {
        Written written = FORMATS.get(format);
        Report report = TestImages.report(written.path());

        assertThat(report.image().digest()).isEqualTo(written.image().configDigest());
        assertThat(report.layers()).extracting(Report.LayerReport::diffId)
                .containsExactlyElementsOf(written.image().layers().stream().map(WrittenLayer::diffId).toList());
        assertThat(report.layers()).extracting(Report.LayerReport::digest)
                .containsExactlyElementsOf(written.image().layers().stream().map(WrittenLayer::blobDigest).toList());
        List<Long> compressed = written.image().layers().stream()
                .map(l -> l.compression().name().equals("NONE") ? null : l.blobSize()).toList();
        assertThat(report.layers()).extracting(Report.LayerReport::compressedSizeBytes).containsExactlyElementsOf(compressed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void reclaimableAndDiveFiguresAreTheSame(String format) throws ImageReadException {
        Report report = TestImages.report(FORMATS.get(format).path());

        assertThat(report.reclaimable())
                .extracting(ReclaimablePath::path, ReclaimablePath::bytes, ReclaimablePath::layers,
                        ReclaimablePath::hiddenBy, ReclaimablePath::reason)
                .containsExactly(
                        tuple("/bin/tool", 2000L, List.of(0), 3, HideReason.OVERWRITTEN),
                        tuple("/usr/share/doc/a", 700L, List.of(0), 2, HideReason.DIR_REMOVED),
                        tuple("/etc/passwd", 300L + 320, List.of(0, 1), 2, HideReason.DELETED),
                        tuple("/usr/share/doc/b", 500L, List.of(0), 2, HideReason.DIR_REMOVED));
        assertThat(report.metrics().reclaimableBytes()).isEqualTo(3820);
        assertThat(report.layers()).extracting(Report.LayerReport::reclaimableBytes)
                .containsExactly(300L + 2000 + 700 + 500, 320L, 0L, 0L);
        // dive: minimum per path Σ 9400 over cumulative Σ 12020 (see DiveEfficiencyTest for the arithmetic)
        assertThat(report.metrics().dive().efficiency()).isEqualTo(9400.0 / 12020.0);
        assertThat(report.metrics().dive().wastedBytes()).isEqualTo(620 + 4000);
        assertThat(report.metrics().dive().userWastedPercent()).isEqualTo(4620.0 / (4320 + 1000 + 2000));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void withoutVerificationTheFiguresAreTheSame(String format) throws ImageReadException {
        Path path = FORMATS.get(format).path();
        Report verified = TestImages.report(path);
        ImageAnalyzer.Result unverified = TestImages.analyze(path.toString(), SourceOptions.DEFAULT, TestImages.NO_VERIFY);
        Report report = unverified.report();

        assertThat(report.image().verified()).isFalse();
        assertThat(report.layers()).usingRecursiveFieldByFieldElementComparator().isEqualTo(verified.layers());
        assertThat(report.metrics()).usingRecursiveComparison().isEqualTo(verified.metrics());
        assertThat(report.reclaimable()).isEqualTo(verified.reclaimable());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void theSourceKindIsReported(String format) throws ImageReadException {
        Report report = TestImages.report(FORMATS.get(format).path());
        String expected = switch (format) {
            case "OCI layout directory" -> "oci";
            case "oci-archive", "oci-archive | gzip" -> "oci-archive";
            default -> "docker-archive";
        };
        assertThat(report.image().source()).isEqualTo(expected);
    }
}
