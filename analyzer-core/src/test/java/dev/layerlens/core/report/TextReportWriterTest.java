package dev.layerlens.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlens.core.TestImages;
import dev.layerlens.testdata.DockerArchive;
import dev.layerlens.testdata.Entry;
import dev.layerlens.testdata.ImageSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The human report: the figures, and nothing from the image that a terminal would interpret. */
class TextReportWriterTest {
    @TempDir
    Path dir;

    private static String text(Report report, boolean colour) {
        return text(report, colour, 100);
    }

    private static String text(Report report, boolean colour, int width) {
        StringWriter out = new StringWriter();
        new TextReportWriter(width, colour).write(report, new PrintWriter(out));
        return out.toString();
    }

    @Test
    void showsTheFiguresOfTheReferenceImage() throws Exception {
        Path path = new DockerArchive(DockerArchive.Layout.DOCKER_25).image(TestImages.reference(), "app:1")
                .write(dir.resolve("ref.tar")).path();
        String text = text(TestImages.report(path), false);

        assertThat(text).contains("Image app:1", "10.8 kB in 4 layers", "3.82 kB", "/bin/tool", "overwritten",
                "chmod +x /bin/tool", "wastedBytes         4620 bytes");
        assertThat(text).doesNotContain("/bin/sh -c #(nop)");
    }

    @Test
    void escapeSequencesFromTheImageNeverReachTheTerminal() throws Exception {
        String hostile = "\u001b]0;owned\u0007\u001b[2J";
        ImageSpec image = ImageSpec.builder()
                .layer("RUN echo " + hostile + "\nsecond line", Entry.file("evil" + hostile, 10))
                .layer("RUN rm " + hostile + " \u009b31m", Entry.whiteout("evil" + hostile))
                .build();
        Path path = new DockerArchive(DockerArchive.Layout.LEGACY).image(image, "evil:1").write(dir.resolve("evil.tar")).path();
        Report report = TestImages.report(path);

        String plain = text(report, false);
        assertThat(plain).doesNotContain("\u001b", "\u0007", "\u009b").contains("\\x1b]0;owned\\x07", "/evil\\x1b");

        String coloured = text(report, true).replace("\u001b[1m", "").replace("\u001b[0m", "");
        assertThat(coloured).doesNotContain("\u001b", "\u0007", "\u009b");
    }

    @Test
    void layerCommandsAreCutToTheTerminalWidth() throws Exception {
        String command = "RUN /bin/sh -c apt-get update && apt-get install -y --no-install-recommends curl ca-certificates";
        ImageSpec image = ImageSpec.builder().layer(command, Entry.file("a", 10)).build();
        Path path = new DockerArchive(DockerArchive.Layout.LEGACY).image(image, "long:1").write(dir.resolve("long.tar")).path();
        Report report = TestImages.report(path);

        // the columns before the command take 39 characters: at 60 columns 21 are left for it
        String row = text(report, false, 60).lines().filter(l -> l.startsWith("    0 ")).findFirst().orElseThrow();
        assertThat(row).hasSize(60).endsWith("  RUN apt-get update &…");
        String wide = text(report, false, 200).lines().filter(l -> l.startsWith("    0 ")).findFirst().orElseThrow();
        assertThat(wide).endsWith("  RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates");
    }
}
