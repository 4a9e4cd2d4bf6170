package dev.layerlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerlens.testdata.DockerArchive;
import dev.layerlens.testdata.Entry;
import dev.layerlens.testdata.ImageSpec;
import dev.layerlens.testdata.LayerFault;
import dev.layerlens.testdata.NotImages;
import dev.layerlens.testdata.OciLayout;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code layerlens analyze} end to end through {@link Main#run}: exit codes, one-line errors, outputs. */
class AnalyzeCommandTest {
    /** Two layers: 300 bytes, then the file deleted and 50 new bytes. */
    static final ImageSpec IMAGE = ImageSpec.builder()
            .layer("ADD base /", Entry.file("etc/big.conf", 300))
            .layer("RUN rm /etc/big.conf", Entry.whiteout("etc/big.conf"), Entry.file("etc/small.conf", 50))
            .build();

    @TempDir
    static Path dir;
    static Path archive;

    @BeforeAll
    static void write() {
        archive = new DockerArchive(DockerArchive.Layout.DOCKER_25).image(IMAGE, "app:1").write(dir.resolve("app.tar")).path();
    }

    @Test
    void aReadableImageIsReportedAndExitsZero() {
        Run run = Run.of("analyze", archive.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("Image app:1", "350 B in 2 layers", "reclaimable   300 B", "/etc/big.conf", "deleted");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void jsonGoesToStdout() throws Exception {
        Run run = Run.of("analyze", "--format", "json", archive.toString());
        assertThat(run.code()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.get("image").get("sizeBytes").asLong()).isEqualTo(350);
        assertThat(json.get("metrics").get("reclaimableBytes").asLong()).isEqualTo(300);
    }

    @Test
    void outputOptionWritesTheFileAndNothingToStdout() throws Exception {
        Path report = dir.resolve("report.json");
        Run run = Run.of("analyze", "-f", "json", "-o", report.toString(), archive.toString());
        assertThat(run.code()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(new ObjectMapper().readTree(report.toFile()).get("image").get("layerCount").asInt()).isEqualTo(2);
        try (var siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void anOutputFileThatCannotBeWrittenIsAUsageErrorWithOneLine() {
        Path report = dir.resolve("no-such-dir").resolve("report.json");
        Run run = Run.of("analyze", "-f", "json", "-o", report.toString(), archive.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).isEqualTo("layerlens: cannot write " + report + ": its directory does not exist");
    }

    @Test
    void aDeviceIsWrittenToNotReplaced() throws Exception {
        Path fifo = dir.resolve("fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        java.util.concurrent.CompletableFuture<byte[]> reader = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try (var in = Files.newInputStream(fifo)) {
                return in.readAllBytes();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Run run = Run.of("analyze", "-f", "json", "-o", fifo.toString(), archive.toString());
        assertThat(run.code()).isZero();
        assertThat(new String(reader.get(30, java.util.concurrent.TimeUnit.SECONDS), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"schemaVersion\"");
        assertThat(Files.isRegularFile(fifo, java.nio.file.LinkOption.NOFOLLOW_LINKS)).as("still a fifo").isFalse();
    }

    @Test
    void aSymlinkedOutputReplacesTheFileItNames() throws Exception {
        Path real = dir.resolve("real.json");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), real);
        assertThat(Run.of("analyze", "-f", "json", "-o", link.toString(), archive.toString()).code()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).contains("schemaVersion");
    }

    @Test
    void aTextReportWrittenToAFileHasNoColour() throws Exception {
        Path report = dir.resolve("report.txt");
        assertThat(Run.of("analyze", "-o", report.toString(), archive.toString()).code()).isZero();
        assertThat(Files.readString(report)).contains("Image app:1").doesNotContain("\u001b");
    }

    @Test
    void dashReadsTheArchiveFromStdin() throws Exception {
        try (InputStream stdin = Files.newInputStream(archive)) {
            Run run = Run.withStdin(stdin, "analyze", "-f", "json", "-");
            assertThat(run.code()).isZero();
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertThat(json.get("image").get("reference").asText()).isEqualTo("app:1");
            assertThat(json.get("image").get("sizeBytes").asLong()).isEqualTo(350);
        }
    }

    @Test
    void noVerifySaysSo() {
        Run run = Run.of("analyze", "--no-verify", archive.toString());
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("not verified", "350 B in 2 layers");
    }

    @Test
    void aMissingFileExitsThreeWithOneLine() {
        String missing = dir.resolve("missing.tar").toString();
        Run run = Run.of("analyze", missing);
        assertThat(run.code()).isEqualTo(ExitCodes.IMAGE_UNREADABLE);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("layerlens: cannot read " + missing + ": no such file or directory");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aCorruptLayerExitsThreeWithOneLineNamingIt() {
        ImageSpec damaged = IMAGE.mapLayer(1, l -> l.withFault(LayerFault.wrongDiffId()));
        Path path = new OciLayout().tag("1", damaged).writeArchive(dir.resolve("damaged.tar")).path();
        Run run = Run.of("analyze", path.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.IMAGE_UNREADABLE);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("layerlens: cannot read " + path + ": layer 1 (sha256:")
                .contains("diffID");
        assertThat(run.out()).as("never a partial report").isEmpty();
    }

    @Test
    void notAnImageExitsThree() {
        Path text = NotImages.textFile(dir.resolve("notes.txt"));
        Run run = Run.of("analyze", text.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.IMAGE_UNREADABLE);
        assertThat(run.err()).contains("not an image").doesNotContain("\tat ");
    }

    @Test
    void debugAddsTheStackTrace() {
        String missing = dir.resolve("missing.tar").toString();
        for (Run run : new Run[] {Run.of("analyze", "--debug", missing), Run.of("--debug", "analyze", missing)}) {
            assertThat(run.code()).isEqualTo(ExitCodes.IMAGE_UNREADABLE);
            assertThat(run.err()).startsWith("layerlens: cannot read " + missing)
                    .contains("ImageReadException", "\tat ");
        }
    }

    @Test
    void anUnreachableDaemonExitsThreeWithOneLine() {
        // no Podman socket in this environment (Run gives no XDG_RUNTIME_DIR): daemons and registries have their own tests
        Run run = Run.of("analyze", "podman:app:1");
        assertThat(run.code()).isEqualTo(ExitCodes.IMAGE_UNREADABLE);
        assertThat(run.err().lines()).singleElement().asString().startsWith("layerlens: cannot read podman:app:1: no Podman socket");
    }

    @Test
    void hostileNamesInErrorsAreSanitised() {
        Run run = Run.of("analyze", dir.resolve("x\u001b[2J.tar").toString());
        assertThat(run.code()).isEqualTo(ExitCodes.IMAGE_UNREADABLE);
        assertThat(run.err()).doesNotContain("\u001b").contains("\\x1b[2J");
    }

    @Test
    void aPlatformTheArchiveLacksExitsThree() {
        Run run = Run.of("analyze", "--platform", "linux/s390x", archive.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.IMAGE_UNREADABLE);
        assertThat(run.err()).contains("linux/amd64", "linux/s390x");
    }
}
