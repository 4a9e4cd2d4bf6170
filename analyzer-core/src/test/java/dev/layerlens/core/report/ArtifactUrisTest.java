package dev.layerlens.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image named as a relative URI that no consumer reads as a scheme or an absolute path. */
class ArtifactUrisTest {
    @TempDir
    Path dir;

    @Test
    void aFileUnderTheWorkingDirectoryIsItsRelativePath() throws Exception {
        Path file = Files.createDirectories(dir.resolve("build")).resolve("app image.tar");
        Files.writeString(file, "x");
        assertThat(ArtifactUris.of(file.toString(), dir)).isEqualTo("build/app%20image.tar");
        assertThat(ArtifactUris.of("docker-archive:" + file, dir)).isEqualTo("build/app%20image.tar");
    }

    @Test
    void aFileElsewhereIsItsName() throws Exception {
        Path file = Files.writeString(Files.createTempFile("elsewhere", ".tar"), "x");
        try {
            assertThat(ArtifactUris.of(file.toString(), dir)).isEqualTo(file.getFileName().toString());
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void namesAreEncodedSoTheyStayRelative() {
        String uri = ArtifactUris.of("registry.example:5000/team/app:1.4", dir);
        assertThat(uri).isEqualTo("registry.example%3A5000/team/app%3A1.4");
        assertThat(URI.create(uri).isAbsolute()).isFalse();
        assertThat(ArtifactUris.of("docker://app:1.4", dir)).isEqualTo("app%3A1.4");
        assertThat(ArtifactUris.of("/abs/missing.tar", dir)).isEqualTo("abs/missing.tar");
    }
}
