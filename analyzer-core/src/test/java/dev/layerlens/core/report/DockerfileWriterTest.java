package dev.layerlens.core.report;

import static dev.layerlens.testdata.Entry.file;
import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlens.core.analysis.ImageCheck;
import dev.layerlens.core.analysis.grade.ReadinessChecks;
import dev.layerlens.core.analysis.testimage.TestImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class DockerfileWriterTest {

    static Report report(TestImage image) {
        return image.analyze(ReadinessChecks.create().toArray(ImageCheck[]::new)).report();
    }

    private static String render(TestImage image) {
        TestImage.Result result = image.analyze(ReadinessChecks.create().toArray(ImageCheck[]::new));
        StringWriter out = new StringWriter();
        DockerfileWriter.write(result.image(), result.report(), new PrintWriter(out));
        return out.toString();
    }

    @Test
    void buildKitHistoryWithBaseAndAnnotations() {
        String text = render(TestImage.builder().tag("app:1.0").user("")
                .recorded("2023-01-01T00:00:00Z", "Imported from -").layer("", file("etc/os-release", 1_000))
                .recorded("2024-01-01T00:00:00Z", "buildkit.dockerfile.v0")
                .emptyStep("ARG NPM_TOKEN=npm_s3cr3t")
                .emptyStep("WORKDIR /app")
                .layer("COPY . . # buildkit", file("app/package.json", "{}"), file("app/index.js", 500))
                .layer("RUN |1 NPM_TOKEN=npm_s3cr3t /bin/sh -c npm install && npm cache ls # buildkit",
                        file("root/.npm/_cacache/x", 2_000_000), file("app/node_modules/ms/index.js", 3_000))
                .emptyStep("EXPOSE map[3000/tcp:{}]")
                .emptyStep("CMD [\"node\" \"index.js\"]")
                .build());
        assertThat(text).doesNotContain("npm_s3cr3t");
        assertThat(text.substring(text.indexOf("\n\n") + 2)).isEqualTo("""
                # ── base image: layer 0, 1.00 kB ──
                # FROM <base image>: FROM is not recorded in history
                # layer 0 · 1.00 kB
                # (no instruction recorded: an imported filesystem?)

                # ── this image's build: layers 1–2, 2.00 MB ──
                ARG NPM_TOKEN=***
                WORKDIR /app
                # layer 1 · 502 B · cache/copy-before-dependency-install 2.00 MB
                COPY . .
                # build args: NPM_TOKEN=***
                # layer 2 · 2.00 MB · removable/npm-cache 2.00 MB
                RUN npm install && npm cache ls
                EXPOSE 3000/tcp
                CMD ["node", "index.js"]

                # findings about the image as a whole: config/runs-as-root
                """);
        assertThat(text).startsWith("# Dockerfile reconstructed by layerlens from the history of app:1.0\n");
        assertThat(text).contains("3 layers, 2.00 MB; recorded by BuildKit and the legacy builder\n");
    }
}
