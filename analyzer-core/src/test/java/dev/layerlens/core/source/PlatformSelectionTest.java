package dev.layerlens.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlens.core.TestImages;
import dev.layerlens.core.image.Platform;
import dev.layerlens.core.report.Report;
import dev.layerlens.testdata.ContainerdArchive;
import dev.layerlens.testdata.DockerArchive;
import dev.layerlens.testdata.Entry;
import dev.layerlens.testdata.ImageSpec;
import dev.layerlens.testdata.OciLayout;
import dev.layerlens.testdata.PlatformIndex;
import dev.layerlens.testdata.PlatformSpec;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Choosing one image of a multi-platform index: host default, --platform, spellings, attestations, absent blobs. */
class PlatformSelectionTest {
    /** One image per platform, told apart by the size of its only file. */
    static final ImageSpec AMD64 = image(PlatformSpec.LINUX_AMD64, 100);
    static final ImageSpec ARM64 = image(PlatformSpec.LINUX_ARM64, 200);
    static final ImageSpec ARM_V7 = image(PlatformSpec.LINUX_ARM_V7, 300);
    static final Map<String, Long> SIZE_BY_PLATFORM = Map.of("linux/amd64", 100L, "linux/arm64", 200L, "linux/arm/v7", 300L);

    @TempDir
    static Path dir;
    static Path multi;

    static ImageSpec image(PlatformSpec platform, long size) {
        return ImageSpec.builder().platform(platform).layer("COPY app /", Entry.file("app", size)).build();
    }

    @BeforeAll
    static void write() {
        multi = new OciLayout().tag("1", PlatformIndex.builder()
                        .image(AMD64).image(ARM64).image(ARM_V7).attestation().build())
                .writeDirectory(dir.resolve("multi")).path();
    }

    static Report analyze(Path path, String platform) throws ImageReadException {
        SourceOptions options = new SourceOptions(platform == null ? null : Platform.parse(platform), null);
        return TestImages.analyze(path.toString(), options, TestImages.VERIFY).report();
    }

    static String error(Path path, String platform) {
        return TestImages.readError(path.toString(), new SourceOptions(Platform.parse(platform), null), TestImages.VERIFY);
    }

    @Test
    void withoutAPlatformTheHostsIsChosen() throws ImageReadException {
        String host = Platform.host().toString();
        if (SIZE_BY_PLATFORM.containsKey(host)) {
            Report report = analyze(multi, null);
            assertThat(report.image().platform()).isEqualTo(host);
            assertThat(report.image().sizeBytes()).isEqualTo(SIZE_BY_PLATFORM.get(host));
        } else {
            assertThat(TestImages.readError(multi)).contains("no image for platform " + host);
        }
    }

    @ParameterizedTest(name = "--platform {0}")
    @CsvSource({
        "linux/amd64, linux/amd64, 100",
        "linux/x86_64, linux/amd64, 100",
        "linux/arm64, linux/arm64, 200",
        "linux/aarch64, linux/arm64, 200",
        "linux/arm64/v8, linux/arm64, 200",
        "linux/arm/v7, linux/arm/v7, 300",
        "linux/arm, linux/arm/v7, 300",
        "linux/armhf, linux/arm/v7, 300",
    })
    void anExplicitPlatformIsNormalisedAndChosen(String requested, String chosen, long size) throws ImageReadException {
        Report report = analyze(multi, requested);
        assertThat(report.image().platform()).isEqualTo(chosen);
        assertThat(report.image().sizeBytes()).isEqualTo(size);
    }

    @Test
    void aPlatformTheIndexLacksIsAnErrorListingTheOthersButNotTheAttestation() {
        assertThat(error(multi, "linux/s390x"))
                .contains("no image for platform linux/s390x", "linux/amd64, linux/arm64, linux/arm/v7", "--platform")
                .doesNotContain("unknown");
    }

    @Test
    void indexEntriesSpelledTheKernelWayAreNormalised() throws ImageReadException {
        Path path = new OciLayout().tag("1", PlatformIndex.builder()
                        .image(AMD64, PlatformSpec.of("linux", "x86_64"))
                        .image(ARM64, PlatformSpec.of("linux", "aarch64"))
                        .build())
                .writeDirectory(dir.resolve("spelled")).path();
        assertThat(analyze(path, "linux/arm64").image().sizeBytes()).isEqualTo(200);
        assertThat(analyze(path, "linux/amd64").image().sizeBytes()).isEqualTo(100);
    }

    @Test
    void anAttestationListedFirstIsNeverChosen() throws ImageReadException {
        // one image and one attestation: the image is taken whatever the host, and never the in-toto "layer"
        Path path = new OciLayout().tag("1", PlatformIndex.builder().attestation().image(ARM_V7).build())
                .writeArchive(dir.resolve("attested.tar")).path();
        Report report = analyze(path, null);
        assertThat(report.image().platform()).isEqualTo("linux/arm/v7");
        assertThat(report.image().sizeBytes()).isEqualTo(300);
    }

    @Test
    void aNestedIndexIsFollowed() throws ImageReadException {
        Path path = new OciLayout().tag("1", PlatformIndex.builder().image(AMD64).image(ARM64).attestation().nested().build())
                .writeDirectory(dir.resolve("nested")).path();
        assertThat(analyze(path, "linux/arm64").image().sizeBytes()).isEqualTo(200);
        assertThat(analyze(path, "linux/amd64").image().sizeBytes()).isEqualTo(100);
    }

    @Test
    void aSinglePlatformIndexIsTakenWhenNoPlatformIsAsked() throws ImageReadException {
        Path path = new OciLayout().tag("1", PlatformIndex.of(ARM_V7)).writeDirectory(dir.resolve("one-platform")).path();
        assertThat(analyze(path, null).image().sizeBytes()).isEqualTo(300);
        assertThat(error(path, "linux/amd64")).contains("no image for platform linux/amd64", "linux/arm/v7");
    }

    @Test
    void aContainerdSaveReadsThePulledPlatform() throws ImageReadException {
        Path path = containerd("containerd.tar", ContainerdArchive.Absent.MANIFESTS);
        assertThat(analyze(path, null).image().sizeBytes()).isEqualTo(200);
        assertThat(analyze(path, "linux/arm64").image().sizeBytes()).isEqualTo(200);
        assertThat(analyze(path, "linux/aarch64").image().platform()).isEqualTo("linux/arm64");
    }

    @Test
    void aPlatformWhoseManifestWasNotPulledIsACleanError() {
        Path path = containerd("containerd-no-manifests.tar", ContainerdArchive.Absent.MANIFESTS);
        assertThat(error(path, "linux/amd64")).contains("missing");
    }

    @Test
    void aPlatformWhoseLayersWereNotPulledIsACleanError() {
        Path path = containerd("containerd-no-layers.tar", ContainerdArchive.Absent.LAYERS);
        assertThat(error(path, "linux/arm/v7")).contains("layer", "missing");
    }

    private static Path containerd(String name, ContainerdArchive.Absent absent) {
        return new ContainerdArchive()
                .image(PlatformIndex.builder().image(AMD64).image(ARM64).image(ARM_V7).attestation().build(),
                        PlatformSpec.LINUX_ARM64, "app:1")
                .otherPlatformsMissing(absent)
                .write(dir.resolve(name)).path();
    }

    @Test
    void aDockerArchiveOfAnotherPlatformIsRefusedOnlyWhenAPlatformIsAsked() throws ImageReadException {
        Path path = new DockerArchive(DockerArchive.Layout.LEGACY).image(ARM64, "app:1").write(dir.resolve("arm.tar")).path();
        assertThat(analyze(path, null).image().platform()).isEqualTo("linux/arm64");
        assertThat(error(path, "linux/s390x")).contains("linux/arm64 image, not linux/s390x");
    }

    @Test
    void aSingleManifestLayoutOfAnotherPlatformIsRefusedOnlyWhenAPlatformIsAsked() throws ImageReadException {
        Path path = new OciLayout().tag("1", ARM64).writeDirectory(dir.resolve("arm-layout")).path();
        assertThat(analyze(path, null).image().platform()).isEqualTo("linux/arm64");
        assertThat(analyze(path, "linux/aarch64").image().platform()).isEqualTo("linux/arm64");
        assertThat(error(path, "linux/s390x")).contains("linux/arm64", "linux/s390x");
    }
}
