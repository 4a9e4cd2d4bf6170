package dev.layerlens.core.source.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlens.core.TestImages;
import dev.layerlens.core.report.Report;
import dev.layerlens.core.source.ImageReadException;
import dev.layerlens.testdata.DockerArchive;
import dev.layerlens.testdata.Entry;
import dev.layerlens.testdata.ImageSpec;
import dev.layerlens.testdata.OciLayout;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Choosing one image of an archive or layout that holds several, by the names the user knows. */
class TagSelectionTest {
    /** Three images told apart by their size; all share the base layer. */
    static final ImageSpec ONE = image("one", 100);
    static final ImageSpec TWO = image("two", 200);
    static final ImageSpec THREE = image("three", 300);
    static final long BASE = 50;

    @TempDir
    static Path dir;
    static Path legacy;
    static Path layout;

    static ImageSpec image(String name, long size) {
        return ImageSpec.builder()
                .layer("ADD base /", Entry.file("etc/base", BASE))
                .layer("COPY " + name + " /", Entry.file(name, size))
                .build();
    }

    @BeforeAll
    static void write() {
        legacy = new DockerArchive(DockerArchive.Layout.LEGACY)
                .image(ONE, "test_image_1")
                .image(TWO, "test_image_2:latest", "example.com:5000/team/app:2.0")
                .image(THREE)
                .write(dir.resolve("bundle.tar")).path();
        layout = new OciLayout().tag("1.0", ONE).tag("latest", TWO).untagged(THREE)
                .writeDirectory(dir.resolve("layout")).path();
    }

    static long sizeOf(String input) throws ImageReadException {
        Report report = TestImages.report(input);
        return report.image().sizeBytes() - BASE;
    }

    @ParameterizedTest
    @ValueSource(strings = {"test_image_1", "test_image_1:latest", "docker.io/library/test_image_1:latest",
            "index.docker.io/library/test_image_1", "library/test_image_1:latest"})
    void aBareRepoTagMeansLatestAndMatchesItsFullForms(String name) throws ImageReadException {
        assertThat(sizeOf(legacy + ":" + name)).isEqualTo(100);
        assertThat(sizeOf("docker-archive:" + legacy + ":" + name)).isEqualTo(100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"test_image_2", "test_image_2:latest", "example.com:5000/team/app:2.0"})
    void anyOfAnImagesTagsSelectsIt(String name) throws ImageReadException {
        assertThat(sizeOf(legacy + ":" + name)).isEqualTo(200);
    }

    @Test
    void theReportNamesTheImageAsTheUserDid() throws ImageReadException {
        assertThat(TestImages.report(legacy + ":example.com:5000/team/app:2.0").image().reference())
                .isEqualTo("example.com:5000/team/app:2.0");
    }

    @Test
    void severalImagesAndNoNameIsAnErrorListingTheTags() {
        String message = TestImages.readError(legacy);
        assertThat(message).contains("3 images", "test_image_1", "test_image_2:latest",
                "example.com:5000/team/app:2.0", "untagged");
    }

    @Test
    void anUnknownNameIsAnErrorListingTheTags() {
        assertThat(TestImages.readError(legacy + ":test_image_3"))
                .contains("no image named test_image_3", "test_image_1");
        assertThat(TestImages.readError(legacy + ":test_image_1:v2")).contains("no image named test_image_1:v2");
    }

    @ParameterizedTest
    @EnumSource(value = DockerArchive.Layout.class)
    void everyDockerLayoutHoldsSeveralImages(DockerArchive.Layout kind) throws ImageReadException {
        Path file = new DockerArchive(kind).image(ONE, "app:1").image(TWO, "app:2")
                .write(dir.resolve("two-" + kind + ".tar")).path();
        assertThat(sizeOf(file + ":app:1")).isEqualTo(100);
        assertThat(sizeOf(file + ":app:2")).isEqualTo(200);
        assertThat(sizeOf(file + ":docker.io/library/app:2")).isEqualTo(200);
    }

    @Test
    void aSharedLayerIsStoredOnceAndReadForEachImage() throws ImageReadException {
        Report one = TestImages.report(legacy + ":test_image_1");
        Report two = TestImages.report(legacy + ":test_image_2");
        assertThat(one.layers().get(0).diffId()).isEqualTo(two.layers().get(0).diffId());
        assertThat(one.layers().get(0).sizeBytes()).isEqualTo(BASE);
    }

    @Test
    void anOciLayoutTagSelectsItsManifest() throws ImageReadException {
        assertThat(sizeOf(layout + ":1.0")).isEqualTo(100);
        assertThat(sizeOf("oci:" + layout + ":latest")).isEqualTo(200);
        assertThat(TestImages.report(layout + ":1.0").image().reference()).isEqualTo(layout + ":1.0");
    }

    @Test
    void anOciArchiveTagSelectsItsManifest() throws ImageReadException {
        Path archive = new OciLayout().tag("1.0", ONE).tag("latest", TWO).writeArchive(dir.resolve("two.oci.tar")).path();
        assertThat(sizeOf(archive + ":latest")).isEqualTo(200);
        assertThat(sizeOf("oci-archive:" + archive + ":1.0")).isEqualTo(100);
    }

    @Test
    void aLayoutWithSeveralManifestsNeedsATag() {
        assertThat(TestImages.readError(layout)).contains("3 manifests", "1.0", "latest", ":TAG");
    }

    @Test
    void anUnknownTagIsAnErrorListingTheTags() {
        assertThat(TestImages.readError(layout + ":2.0")).contains("no manifest tagged 2.0", "tags: 1.0, latest");
    }

    @Test
    void aLayoutWithOneManifestNeedsNoTag() throws ImageReadException {
        Path single = new OciLayout().untagged(THREE).writeDirectory(dir.resolve("single")).path();
        assertThat(sizeOf(single.toString())).isEqualTo(300);
    }
}
