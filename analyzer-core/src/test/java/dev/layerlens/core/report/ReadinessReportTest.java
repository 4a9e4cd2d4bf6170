package dev.layerlens.core.report;

import static dev.layerlens.testdata.Entry.file;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerlens.core.analysis.testimage.TestImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The readiness part of the text and JSON reports. */
class ReadinessReportTest {

    private static final String LOCK = "{\"packages\":{\"node_modules/typescript\":{\"dev\":true}}}";
    private static final TestImage IMAGE = TestImage.builder().tag("app:latest")
            .recorded("2023-01-01T00:00:00Z", "Imported from -").layer("", file("usr/lib/libc.so", 6_000_000))
            .recorded("2024-01-01T00:00:00Z", "buildkit.dockerfile.v0")
            .emptyStep("WORKDIR /app")
            .layer("COPY . . # buildkit", file("app/package.json", "{\"devDependencies\": {\"typescript\": \"5\"}}"),
                    file("app/index.js", 1_000))
            .layer("RUN /bin/sh -c npm install # buildkit", file("root/.npm/_cacache/x", 3_000_000),
                    file("app/node_modules/typescript/lib/tsc.js", 1_000_000), file("app/node_modules/ms/index.js", 2_000),
                    file("app/node_modules/.package-lock.json", LOCK))
            .build();

    @Test
    void textShowsGradeBreakdownExposureAndWins() {
        StringWriter out = new StringWriter();
        new TextReportWriter(120, false).write(DockerfileWriterTest.report(IMAGE), new PrintWriter(out));
        String text = out.toString();
        // the readiness part ends the report: the dive metrics come before it
        assertThat(text.indexOf("dive metrics")).isPositive().isLessThan(text.indexOf("Production readiness"));
        String part = text.substring(text.indexOf("Production readiness"));
        // dead weight (3.00 MB + 1.00 MB) / 10.0 MB = 40 % → 24 points; 100 − 24 − 10 − 4 = 62: D
        // (120 columns: the first win's line is cut)
        assertThat(part).isEqualTo("""
                Production readiness: grade D (62/100)
                   −24  dead weight: 40.0 % of the image is removable or hidden
                   −10  cache/copy-before-dependency-install (medium)
                    −4  config/latest-tag (low)
                  removable        4.00 MB (40.0 % of the image): visible, not needed at run time
                  cache exposure   4.00 MB rebuilt and re-pushed per source-only change (layers 1–top), 1.04 kB after the fix

                Biggest wins first
                   #      BYTES  LAYERS    FIX
                   1    4.00 MB  1         copy manifests, install, then copy sources (per source change) [cache/copy-before-dependency…
                   2    3.00 MB  2         clean npm's cache in the installing RUN [removable/npm-cache]
                   3    1.00 MB  2         install production dependencies only [removable/dev-dependencies]

                """);
    }

    @Test
    void textEndsWithTheWinsAfterTheNotes() {
        Report r = DockerfileWriterTest.report(IMAGE);
        Report noted = new Report(r.schemaVersion(), r.image(), r.layers(), r.metrics(), r.reclaimable(), r.findings(),
                List.of("history has 4 non-empty entries for 3 layers"), r.timings(), r.readiness());
        StringWriter out = new StringWriter();
        new TextReportWriter(200, false).write(noted, new PrintWriter(out));
        String text = out.toString();
        assertThat(text.indexOf("Notes\n  - history has 4 non-empty entries for 3 layers\n\n")).isPositive()
                .isLessThan(text.indexOf("Production readiness"));
        assertThat(text).endsWith("""
                Biggest wins first
                   #      BYTES  LAYERS    FIX
                   1    4.00 MB  1         copy manifests, install, then copy sources (per source change) [cache/copy-before-dependency-install]
                   2    3.00 MB  2         clean npm's cache in the installing RUN [removable/npm-cache]
                   3    1.00 MB  2         install production dependencies only [removable/dev-dependencies]

                """);
    }

    @Test
    void markdownShowsTheGrade() {
        StringWriter out = new StringWriter();
        MarkdownReportWriter.write(DockerfileWriterTest.report(IMAGE), null, new PrintWriter(out));
        assertThat(out.toString()).contains("| readiness grade | D (62/100) |", "| removable (not needed at run time) | 4.00 MB");
    }

    @Test
    void jsonCarriesTheReadinessRecord() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonReportWriter.write(DockerfileWriterTest.report(IMAGE), out);
        JsonNode readiness = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toByteArray()).get("readiness");
        assertThat(readiness.get("grade").get("letter").asText()).isEqualTo("D");
        assertThat(readiness.get("grade").get("score").asInt()).isEqualTo(62);
        assertThat(readiness.get("grade").get("deductions").get(0).get("points").asInt()).isEqualTo(24);
        assertThat(readiness.get("removableBytes").asLong()).isEqualTo(4_000_000);
        JsonNode exposure = readiness.get("cacheExposure");
        assertThat(exposure.get("fromLayer").asInt()).isEqualTo(1);
        assertThat(exposure.get("nowBytes").asLong()).isEqualTo(1_040 + 4_002_000 + LOCK.length());
        assertThat(exposure.get("afterFixBytes").asLong()).isEqualTo(1_040);
        assertThat(exposure.size()).isEqualTo(3);
        JsonNode win = readiness.get("wins").get(1);
        assertThat(win.get("id").asText()).isEqualTo("removable/npm-cache");
        assertThat(win.get("bytes").asLong()).isEqualTo(3_000_000);
        assertThat(win.get("layers").get(0).asInt()).isEqualTo(2);
    }
}
