package dev.layerlens.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Docker image names with Docker Hub defaults, so that every spelling of one image compares equal. */
class ImageReferenceTest {
    @ParameterizedTest
    @ValueSource(strings = {"busybox", "busybox:latest", "library/busybox", "docker.io/library/busybox:latest",
            "index.docker.io/library/busybox", "registry-1.docker.io/library/busybox:latest"})
    void spellingsOfTheSameHubImageAreEqual(String text) {
        assertThat(ImageReference.parse(text)).isEqualTo(new ImageReference("docker.io", "library/busybox", "latest", null));
        assertThat(ImageReference.parse(text).familiar()).isEqualTo("busybox:latest");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "localhost:5000/app:1, localhost:5000, app, 1",
        "example.com/team/app, example.com, team/app, latest",
        "team/app:2.0, docker.io, team/app, 2.0",
        "test_image_1, docker.io, library/test_image_1, latest",
        "localhost/app, localhost, app, latest",
    })
    void registryRepositoryAndTagAreSplit(String text, String registry, String repository, String tag) {
        ImageReference ref = ImageReference.parse(text);
        assertThat(ref.registry()).isEqualTo(registry);
        assertThat(ref.repository()).isEqualTo(repository);
        assertThat(ref.tag()).isEqualTo(tag);
    }

    @Test
    void aDigestReferenceHasNoDefaultTag() {
        String hex = "a".repeat(64);
        ImageReference ref = ImageReference.parse("app@sha256:" + hex);
        assertThat(ref.tag()).isNull();
        assertThat(ref.digest()).isEqualTo(new Digest("sha256", hex));
        assertThat(ref.familiar()).isEqualTo("app@sha256:" + hex);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UPPER/case", "app:bad tag", "app:", "-app", "a//b"})
    void invalidNamesAreRefused(String text) {
        assertThatThrownBy(() -> ImageReference.parse(text)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ImageReference.tryParse(text)).isNull();
    }
}
