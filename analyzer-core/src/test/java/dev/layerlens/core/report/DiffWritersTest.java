package dev.layerlens.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.layerlens.core.diff.DiffFixtures;
import dev.layerlens.core.diff.ImageComparer;
import dev.layerlens.core.diff.ImageDiff;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The diff of {@link DiffFixtures}' pair in text, markdown and JSON. */
class DiffWritersTest {
    @TempDir
    static Path dir;
    static ImageDiff diff;

    @BeforeAll
    static void compare() throws Exception {
        diff = ImageComparer.compare(DiffFixtures.analyze(DiffFixtures.write(dir, "before", DiffFixtures.BEFORE), true),
                DiffFixtures.analyze(DiffFixtures.write(dir, "after", DiffFixtures.AFTER), true), 20);
    }

    @Test
    void jsonHasTheDocumentedShape() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonReportWriter.write(diff, out);
        JsonNode json = new ObjectMapper().readTree(out.toByteArray());
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("schemaVersion", "before", "after", "sizeDeltaBytes", "sizeDeltaPercent",
                "compressedSizeDeltaBytes", "compressedSizeDeltaPercent", "sharedLayers", "layers", "files", "metrics",
                "findings");
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.at("/before/reference").asText()).isEqualTo("before:1");
        assertThat(json.get("sizeDeltaBytes").asLong()).isEqualTo(1746);
        assertThat(json.at("/sharedLayers/count").asInt()).isEqualTo(1);
        assertThat(json.at("/files/added/0/path").asText()).isEqualTo("/app/config.yml");
        assertThat(json.at("/files/removed").size()).isEqualTo(2);
        assertThat(json.at("/files/changed/0/changes/0").asText()).isEqualTo("content");
        assertThat(json.at("/findings/fixed/0/id").asText()).isEqualTo("test/dotenv");
        assertThat(json.at("/findings/introduced/0/path").asText()).isEqualTo("/app/main.jar");
        assertThat(json.at("/metrics/reclaimableBytes/delta").asLong()).isEqualTo(2646);
        assertThat(json.at("/layers/1/status").asText()).isEqualTo("changed");
    }

    @Test
    void jsonValidatesAgainstDocsDiffSchemaAndTheSchemaRejectsBreakage() throws Exception {
        JsonSchema schema;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(Path.of("..", "docs", "diff.schema.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonReportWriter.write(diff, out);
        JsonNode json = new ObjectMapper().readTree(out.toByteArray());
        assertThat(schema.validate(json)).isEmpty();
        ObjectNode missing = json.deepCopy();
        ((ObjectNode) missing.get("files")).remove("netBytes");
        assertThat(schema.validate(missing)).isNotEmpty();
        ObjectNode badRow = json.deepCopy();
        ((ObjectNode) badRow.at("/layers/0")).putNull("after");
        assertThat(schema.validate(badRow)).as("a shared row needs both sides").isNotEmpty();
    }

    @Test
    void textShowsSizesLayersFilesFiguresAndFindings() {
        StringWriter s = new StringWriter();
        new DiffTextWriter(120).write(diff, new PrintWriter(s));
        String text = s.toString();
        assertThat(text).contains("Before  before:1", "After   after:1");
        assertThat(text).containsPattern("size\\s+7\\.77 kB\\s+9\\.52 kB\\s+\\+1\\.75 kB\\s+\\+22\\.5 %");
        assertThat(text).contains("shared layers: 1 (2.71 kB), 1 at the base; 2 only before, 2 only after");
        assertThat(text).containsPattern("shared\\s+0\\s+2\\.71 kB\\s+0\\s+2\\.71 kB\\s+ADD rootfs /");
        assertThat(text).contains("Files: 1 added (+300 B), 2 removed (-1.70 kB), 3 changed (+500 B); net -900 B");
        assertThat(text).containsPattern("-700 B\\s+\\+0 -1 ~0\\s+/usr/share/doc");
        assertThat(text).containsPattern("\\+500 B\\s+/app/main\\.jar\\s+\\(content\\)");
        assertThat(text).containsPattern("0 B\\s+/bin/tool\\s+\\(mode\\)");
        assertThat(text).containsPattern("reclaimable\\s+64 B\\s+2\\.71 kB\\s+\\+2\\.65 kB");
        assertThat(text).contains("Findings: 1 fixed, 1 introduced, 0 unchanged", "fixed       HIGH test/dotenv /app/.env",
                "introduced  LOW test/large-file /app/main.jar");
    }

    @Test
    void markdownIsATableForAPullRequest() {
        StringWriter s = new StringWriter();
        DiffMarkdownWriter.write(diff, new PrintWriter(s));
        String md = s.toString();
        assertThat(md).startsWith("### layerlens diff: `before:1` → `after:1`");
        assertThat(md).contains("| size | 7.77 kB | 9.52 kB | +1.75 kB (+22.5 %) |", "| layers | 3 | 3 | +0 |",
                "| reclaimable | 64 B | 2.71 kB | +2.65 kB |",
                "**Layers**: 1 shared (2.71 kB), 2 only before, 2 only after.",
                "**Findings**: 1 fixed, 1 introduced, 0 unchanged.",
                "| ✅ fixed | high | `test/dotenv` | layer 1 `/app/.env` |",
                "| ❌ introduced | low | `test/large-file` | layer 1 `/app/main.jar` |",
                "<details><summary>Files: 1 added, 2 removed, 3 changed (net -900 B)</summary>",
                "| `/usr/share/doc` | 0 | 1 | 0 | -700 B |", "| `/app/config.yml` | +300 B |  |",
                "| changed | 1 | 4.06 kB | 1 | 4.81 kB | `COPY app /app` |");
    }
}
