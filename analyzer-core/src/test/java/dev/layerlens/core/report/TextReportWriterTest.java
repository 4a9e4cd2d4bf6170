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
        StringWriter out = new StringWriter();
        new TextReportWriter(100, colour).write(report, new PrintWriter(out));
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
}
