package dev.layerlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerlens.testdata.ConfigSpec;
import dev.layerlens.testdata.DockerArchive;
import dev.layerlens.testdata.Entry;
import dev.layerlens.testdata.HistorySpec;
import dev.layerlens.testdata.ImageSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code layerlens dockerfile} and the readiness part of {@code analyze}, end to end through {@link Main#run}. */
class DockerfileCommandTest {
    /** A legacy-builder history: a base ADD and CMD, then a RUN with a build arg and a cache left behind. */
    static final ImageSpec IMAGE = ImageSpec.builder()
            .config(ConfigSpec.builder().cmd("/bin/sh", "-c", "node server.js").build())
            .layer("unused", Entry.file("etc/os-release", "ID=test\n"))
            .layer("unused", Entry.file("root/.npm/_cacache/index", 2_000), Entry.file("app/server.js", "x"))
            .build()
            .withHistory(List.of(
                    new HistorySpec("2023-01-01T00:00:00Z", "/bin/sh -c #(nop) ADD file:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef in / ", null, false),
                    new HistorySpec("2023-01-01T00:00:01Z", "/bin/sh -c #(nop)  CMD [\"sh\"]", null, true),
                    new HistorySpec("2024-01-01T00:00:00Z", "|1 NPM_TOKEN=npm_abcdefghijklmnop /bin/sh -c npm install", null, false),
                    new HistorySpec("2024-01-01T00:00:01Z", "/bin/sh -c #(nop)  CMD [\"/bin/sh\" \"-c\" \"node server.js\"]", null, true)));

    @TempDir
    static Path dir;
    static Path archive;

    @BeforeAll
    static void write() {
        archive = new DockerArchive(DockerArchive.Layout.LEGACY).image(IMAGE, "app:latest").write(dir.resolve("app.tar")).path();
    }

    @Test
    void printsTheReconstructionAnnotatedAndRedacted() {
        Run run = Run.of("dockerfile", archive.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).doesNotContain("npm_abcdefghijklmnop").contains("""
                # ── base image: layer 0, 8 B ──
                # FROM <base image>: FROM is not recorded in history
                # layer 0 · 8 B
                ADD file:0123456789ab… /
                CMD ["sh"]

                # ── this image's build: layer 1, 2.00 kB ──
                # build args: NPM_TOKEN=***
                # layer 1 · 2.00 kB · removable/npm-cache 2.00 kB
                RUN npm install
                CMD ["/bin/sh", "-c", "node server.js"]
                """);
        assertThat(run.out()).contains("# findings about the image as a whole: config/runs-as-root, config/latest-tag, "
                + "config/missing-oci-labels, config/no-healthcheck, config/shell-form-command");
    }

    @Test
    void writesToAFile() throws Exception {
        Path out = dir.resolve("Dockerfile.reconstructed");
        Run run = Run.of("dockerfile", "-o", out.toString(), archive.toString());
        assertThat(run.code()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(out)).contains("RUN npm install");
    }

    @Test
    void anUnreadableImageIsExitCodeThree() {
        Run run = Run.of("dockerfile", dir.resolve("missing.tar").toString());
        assertThat(run.code()).isEqualTo(ExitCodes.IMAGE_UNREADABLE);
        assertThat(run.err()).startsWith("layerlens: cannot read");
    }

    @Test
    void analyzeReportsTheReadinessChecks() throws Exception {
        Run text = Run.of("analyze", archive.toString());
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("Production readiness: grade", "Biggest wins first", "removable/npm-cache",
                "config/shell-form-command");
        // the report ends with the wins: after the dive metrics, nothing but their table follows
        String out = text.out();
        assertThat(out.indexOf("dive metrics")).isLessThan(out.indexOf("Production readiness"));
        assertThat(out.substring(out.indexOf("Biggest wins first")).strip().lines().skip(2))
                .isNotEmpty().allMatch(line -> line.matches(" +[0-9]+ +[0-9.]+ [kMG]?B .*\\[[a-z/-]+]"));
        Run json = Run.of("analyze", "-f", "json", archive.toString());
        JsonNode report = new ObjectMapper().readTree(json.out());
        assertThat(report.at("/readiness/removableBytes").asLong()).isEqualTo(2_000);
        assertThat(report.at("/readiness/grade/letter").asText()).matches("[A-F]");
    }
}
