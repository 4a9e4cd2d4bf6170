package dev.layerlens.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlens.core.ImageAnalyzer;
import dev.layerlens.core.TestImages;
import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.Severity;
import dev.layerlens.core.policy.PolicyConfig;
import dev.layerlens.core.policy.PolicyInput;
import dev.layerlens.core.policy.Verdict;
import dev.layerlens.testdata.Entry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Markdown, HTML and the CI verdict on an image whose file names and history try to break out of
 * each format: a PR comment or a report page must show them as text.
 */
class ReportWritersTest {
    static final String HOSTILE = "evil<script>alert(1)<_script>|`x`[y](javascript:z)";

    @TempDir
    static Path dir;
    static ImageAnalyzer.Result result;
    static Report report;
    static Verdict verdict;

    @BeforeAll
    static void analyse() throws Exception {
        result = TestImages.stacked(dir,
                List.of(Entry.dir("app"), Entry.file("app/" + HOSTILE, 5000), Entry.file("app/lib.so", 3000)),
                List.of(Entry.whiteout("app/" + HOSTILE), Entry.file("app/new", 100)));
        Report plain = result.report();
        Finding finding = new Finding("secret/test", Severity.CRITICAL, "Key in " + HOSTILE, 0, "/app/" + HOSTILE,
                "AKIA…MPLE (20 chars)", "rotate <it>", 5000L);
        report = new Report(plain.schemaVersion(), plain.image(), plain.layers(), plain.metrics(), plain.reclaimable(),
                List.of(finding), plain.notes(), plain.timings());
        verdict = PolicyConfig.parse("ci.yml", "rules: {lowestEfficiency: disabled, highestUserWastedPercent: disabled, noSecrets: true, "
                + "maxImageSize: 1MB, highestWastedBytes: 1kB}")
                .evaluate(PolicyInput.of(report));
    }

    private static String text(Consumer<PrintWriter> body) {
        StringWriter s = new StringWriter();
        PrintWriter w = new PrintWriter(s);
        body.accept(w);
        w.flush();
        return s.toString();
    }

    @Test
    void markdownEscapesNamesAndShowsTheVerdict() {
        String md = text(w -> MarkdownReportWriter.write(report, verdict, w));
        assertThat(md).startsWith("### layerlens: `t:1` — ❌ CI gate failed");
        assertThat(md).contains("| size | 8.10 kB in 2 layers |", "| reclaimable (hidden by later layers) | 5.00 kB (61.7 %) |");
        assertThat(md).contains("| ❌ | noSecrets | `true` | 1 finding | 1 secret: secret/test /app/evil\\<script\\>");
        assertThat(md).contains("| ✅ | maxImageSize | `1MB` |", "| ❌ | highestWastedBytes | `1kB` |");
        // outside code spans (which render their content as text) no tag and no link survives
        String outsideCode = md.replaceAll("``.*?``", "").replaceAll("(?<!\\\\)`[^`]*(?<!\\\\)`", "");
        assertThat(outsideCode).doesNotContainPattern("(?<!\\\\)<script").doesNotContainPattern("(?<!\\\\)\\]\\(");
        assertThat(md).contains("1 secret: secret/test /app/evil\\<script\\>alert(1)\\<\\_script\\>\\|\\`x\\`\\[y\\](javascript:z)");
        // the path in a code span keeps its characters, with the table's pipe escaped
        assertThat(md).contains("``/app/evil<script>alert(1)<_script>\\|`x`[y](javascript:z)``");
        assertThat(md).contains("<details><summary>Layers (2)</summary>");
    }

    @Test
    void htmlIsSelfContainedAndEscapesEverything() {
        String html = text(w -> new HtmlReportWriter("9.9").write(report, FilesystemSizes.of(result.tree(), 2, 0.0),
                verdict, w));
        assertThat(html).startsWith("<!DOCTYPE html>");
        assertThat(html).contains("Content-Security-Policy\" content=\"default-src 'none'");
        assertThat(html).doesNotContain("<script").doesNotContain("src=").doesNotContain("href=")
                .doesNotContain("@import").doesNotContain("url(");
        assertThat(html).contains("evil&lt;script&gt;alert(1)&lt;_script&gt;|`x`[y](javascript:z)");
        assertThat(html).contains("<h2>CI gate: FAIL</h2>", "<section id=\"layers\">", "<svg class=\"bars\"",
                "<svg class=\"map\"", "<section id=\"findings\"><h2>Findings (1)</h2>", "rotate &lt;it&gt;");
        // one bar per layer; layer 0's reclaimable part (the deleted 5000 of 8000) drawn hidden
        assertThat(html.split("<g class=\"layer\">", -1)).hasSize(3);
        // each bar's tooltip: its figures, then the step that made the layer on a line of its own
        assertThat(html).contains("<g class=\"layer\"><title>layer 0: 8.00 kB, reclaimable 5.00 kB&#10;"
                + Html.escape(report.layers().get(0).command()) + "</title>").doesNotContain("\\x0a");
        assertThat(html).contains("<rect class=\"hidden\"");
        assertThat(html).contains("Generated by layerlens 9.9");
    }

    @Test
    void theTreemapCountsOnlyWhatTheFinalFilesystemShows() {
        FilesystemSizes.Entry root = FilesystemSizes.of(result.tree(), 2, 0.0);
        assertThat(root.bytes()).isEqualTo(3100).isEqualTo(report.image().visibleBytes());
        FilesystemSizes.Entry app = root.children().get(0);
        assertThat(app.path()).isEqualTo("/app");
        assertThat(app.children()).extracting(FilesystemSizes.Entry::path, FilesystemSizes.Entry::bytes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/app/lib.so", 3000L),
                        org.assertj.core.groups.Tuple.tuple("/app/new", 100L));
        // with a 5 % floor, /app/new (3.2 %) folds into "1 smaller"
        FilesystemSizes.Entry folded = FilesystemSizes.of(result.tree(), 2, 0.05).children().get(0);
        assertThat(folded.children()).extracting(FilesystemSizes.Entry::name, FilesystemSizes.Entry::bytes,
                        FilesystemSizes.Entry::folded)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("lib.so", 3000L, 0),
                        org.assertj.core.groups.Tuple.tuple("1 smaller", 100L, 1));
    }

    @Test
    void theVerdictIsOneLinePerRuleThenTheTally() {
        String out = text(w -> VerdictTextWriter.write(report, verdict, w));
        assertThat(out.lines().toList()).hasSize(1 + 5 + 1 + 1);
        assertThat(out).contains("  SKIP  lowestEfficiency          disabled\n");
        assertThat(out).startsWith("layerlens CI: t:1 (8.10 kB in 2 layers), rules from ci.yml");
        assertThat(out).contains("  FAIL  highestWastedBytes        1kB       5000 bytes: wastedBytes 5000 is more than 1kB (1000 bytes)");
        assertThat(out).contains("  findings: 1 (1 critical)");
        assertThat(out).endsWith("FAIL [pass:1 fail:2 skip:2]\n");
    }
}
