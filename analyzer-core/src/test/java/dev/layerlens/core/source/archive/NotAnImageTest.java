package dev.layerlens.core.source.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlens.core.TestImages;
import dev.layerlens.core.source.ImageSource;
import dev.layerlens.core.source.SourceOptions;
import dev.layerlens.core.source.SourceResolver;
import dev.layerlens.testdata.DockerArchive;
import dev.layerlens.testdata.NotImages;
import dev.layerlens.testdata.OciLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is not an image, or not a whole one, is told in one line before any layer is read. */
class NotAnImageTest {
    @TempDir
    Path dir;

    @Test
    void aTextFileIsNotATar() {
        assertThat(TestImages.readError(NotImages.textFile(dir.resolve("notes.txt"))))
                .contains("neither a tar archive nor an OCI layout directory");
    }

    @Test
    void aFilesystemExportHasNoManifest() {
        assertThat(TestImages.readError(NotImages.filesystemTar(dir.resolve("rootfs.tar"))))
                .contains("neither manifest.json nor index.json", "filesystem export");
    }

    @Test
    void anEmptyFileIsSaidToBeEmpty() throws IOException {
        assertThat(TestImages.readError(Files.createFile(dir.resolve("empty.tar")))).contains("empty");
    }

    @Test
    void aMissingPathIsSaidToBeMissing() {
        assertThat(TestImages.readError(dir.resolve("nope.tar"))).contains("no such file or directory");
    }

    @Test
    void aDirectoryWithoutIndexIsNotALayout() throws IOException {
        assertThat(TestImages.readError(Files.createDirectory(dir.resolve("empty-dir"))))
                .contains("neither manifest.json nor index.json");
    }

    @Test
    void aCorruptCompressedArchiveIsSaidToBeCorrupt() throws IOException {
        Path archive = new DockerArchive(DockerArchive.Layout.LEGACY).image(TestImages.reference(), "a:1")
                .gzipWholeArchive().write(dir.resolve("a.tar.gz")).path();
        byte[] bytes = Files.readAllBytes(archive);
        Files.write(archive, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(TestImages.readError(archive)).contains("gzip", "corrupt");
    }

    @Test
    void aCompressedTextFileIsNotAnImage() throws IOException {
        Path file = dir.resolve("notes.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(Files.readAllBytes(NotImages.textFile(dir.resolve("t.txt"))));
        }
        assertThat(TestImages.readError(file)).contains("neither a tar archive nor an OCI layout directory");
    }

    @Test
    void aForcedKindThatDoesNotFitIsAnError() {
        Path layout = new OciLayout().tag("1", TestImages.reference()).writeArchive(dir.resolve("oci.tar")).path();
        assertThat(TestImages.readError("docker-archive:" + layout, SourceOptions.DEFAULT, TestImages.VERIFY))
                .contains("manifest.json", "missing");
    }

    @Test
    void aMissingArchiveNameIsNotLookedUpAsAnImage() {
        // image names go to daemons and registries (SourceResolverTest); an archive's name never does
        assertThat(TestImages.readError("missing-image.tar", SourceOptions.DEFAULT, TestImages.VERIFY))
                .isEqualTo("no such file or directory");
    }

    @Test
    void anArchiveOnStdinIsSpooledAndRead() throws Exception {
        Path archive = new DockerArchive(DockerArchive.Layout.KANIKO).image(TestImages.reference(), "a:1")
                .write(dir.resolve("k.tar")).path();
        try (InputStream stdin = Files.newInputStream(archive);
             ImageSource source = new SourceResolver(stdin).open("-", SourceOptions.DEFAULT)) {
            assertThat(source.image().layers()).hasSize(4);
            assertThat(source.image().reference()).isEqualTo("a:1");
        }
    }

    @Test
    void aTruncatedOuterArchiveIsAnError() throws IOException {
        Path archive = new DockerArchive(DockerArchive.Layout.LEGACY).image(TestImages.reference(), "a:1")
                .write(dir.resolve("cut.tar")).path();
        byte[] bytes = Files.readAllBytes(archive);
        Files.write(archive, java.util.Arrays.copyOf(bytes, bytes.length - 3000));
        // manifest.json comes last: a cut archive has none, or its last entry runs past the end
        String message = TestImages.readError(archive);
        assertThat(message).containsAnyOf("truncated", "manifest.json");
    }
}
