package dev.layerlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerlens.testdata.DockerArchive;
import dev.layerlens.testdata.Entry;
import dev.layerlens.testdata.ImageSpec;
import dev.layerlens.testdata.OciLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code layerlens diff} through {@link Main#run}: formats, --fail-if-larger, exit codes. */
class DiffCommandTest {
    /** BEFORE: one 1000-byte layer; AFTER: the same layer and 250 bytes more (+25 %). */
    static final ImageSpec BEFORE = ImageSpec.builder().layer("ADD base /", Entry.file("base.bin", 1000)).build();
    static final ImageSpec AFTER = ImageSpec.builder().layer("ADD base /", Entry.file("base.bin", 1000))
            .layer("COPY app /app", Entry.dir("app"), Entry.file("app/run", 250)).build();

    /**
     * npm's cache (5000 + 300 bytes under /root/.npm) shipped by the install layer BEFORE, cleaned in
     * the same RUN AFTER; both share the application layer.
     */
    static final ImageSpec NPM_CACHED = ImageSpec.builder()
            .layer("COPY . /app", Entry.dir("app"), Entry.file("app/server.js", 400))
            .layer("RUN npm ci", Entry.dir("app/node_modules"), Entry.dir("app/node_modules/ms"),
                    Entry.file("app/node_modules/ms/index.js", 3000), Entry.dir("root"), Entry.dir("root/.npm"),
                    Entry.dir("root/.npm/_cacache"), Entry.file("root/.npm/_cacache/content-v2/sha512/ab/cd", 5000),
                    Entry.file("root/.npm/_cacache/index-v5/ef/01", 300))
            .build();
    static final ImageSpec NPM_CLEANED = ImageSpec.builder()
            .layer("COPY . /app", Entry.dir("app"), Entry.file("app/server.js", 400))
            .layer("RUN npm ci && npm cache clean --force", Entry.dir("app/node_modules"),
                    Entry.dir("app/node_modules/ms"), Entry.file("app/node_modules/ms/index.js", 3000))
            .build();

    @TempDir
    static Path dir;
    static String before;
    static String after;

    @BeforeAll
    static void write() {
        before = new DockerArchive(DockerArchive.Layout.LEGACY).image(BEFORE, "app:1").write(dir.resolve("before.tar"))
                .path().toString();
        // the other side from another source kind: an OCI layout
        Path layout = dir.resolve("after-layout");
        new OciLayout().tag("2", AFTER).writeDirectory(layout);
        after = "oci:" + layout + ":2";
    }

    @Test
    void textComparesTheTwoImages() {
        Run run = Run.of("diff", before, after);
        assertThat(run.code()).isZero();
        assertThat(run.out()).containsPattern("size\\s+1\\.00 kB\\s+1\\.25 kB\\s+\\+250 B\\s+\\+25\\.0 %")
                .contains("shared layers: 1 (1.00 kB), 1 at the base; 0 only before, 1 only after")
                .contains("Files: 1 added (+250 B), 0 removed (0 B), 0 changed (0 B); net +250 B");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void jsonCarriesTheDocumentedFields() throws Exception {
        Run run = Run.of("diff", "-f", "json", before, after);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.get("sizeDeltaBytes").asLong()).isEqualTo(250);
        assertThat(json.get("sizeDeltaPercent").asDouble()).isEqualTo(25.0);
        assertThat(json.at("/sharedLayers/count").asInt()).isEqualTo(1);
        assertThat(json.at("/files/added/0/path").asText()).isEqualTo("/app/run");
        assertThat(json.at("/findings/fixed").isArray()).isTrue();
        assertThat(json.at("/findings/introduced").isArray()).isTrue();
    }

    @Test
    void theRemovableBytesAPairDropsAreItsDelta() throws Exception {
        String cached = new DockerArchive(DockerArchive.Layout.LEGACY).image(NPM_CACHED, "npm:cached")
                .write(dir.resolve("npm-cached.tar")).path().toString();
        String cleaned = new DockerArchive(DockerArchive.Layout.LEGACY).image(NPM_CLEANED, "npm:cleaned")
                .write(dir.resolve("npm-cleaned.tar")).path().toString();
        Run run = Run.of("diff", "-f", "json", cached, cleaned);
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.at("/metrics/removableBytes")).isEqualTo(new ObjectMapper().readTree(
                "{\"before\": 5300, \"after\": 0, \"delta\": -5300}"));
        assertThat(json.get("sizeDeltaBytes").asLong()).as("nothing else changed").isEqualTo(-5300);
        assertThat(json.at("/metrics/reclaimableBytes/delta").asLong()).as("cleaned in the same RUN: nothing hidden").isZero();
        assertThat(json.at("/files/removedCount").asInt()).isEqualTo(2);
        assertThat(json.at("/files/removedBytes").asLong()).isEqualTo(5300);
        assertThat(json.at("/files/addedCount").asInt() + json.at("/files/changedCount").asInt()).isZero();
        List<String> fixed = new ArrayList<>();
        json.at("/findings/fixed").forEach(f -> fixed.add(f.get("id").asText() + " " + f.get("path").asText() + " "
                + f.get("layerIndex").asInt() + " " + f.get("bytes").asLong()));
        assertThat(fixed).filteredOn(f -> f.startsWith("removable/")).containsExactly("removable/npm-cache /root/.npm 1 5300");
        assertThat(json.at("/findings/introduced")).isEmpty();
    }

    @Test
    void failIfLargerIsStrict() {
        assertThat(Run.of("diff", "--fail-if-larger", "25", before, after).code()).as("exactly 25 %").isZero();
        Run over = Run.of("diff", "--fail-if-larger", "24.9%", before, after);
        assertThat(over.code()).isEqualTo(ExitCodes.POLICY_FAILED);
        assertThat(over.err()).isEqualTo("layerlens: AFTER is 25.00 % larger than BEFORE (+250 bytes), more than the "
                + "24.9 % --fail-if-larger allows\n");
        assertThat(over.out()).as("the comparison is still printed").contains("Files:");
        assertThat(Run.of("diff", "--fail-if-larger", "0", after, before).code()).as("shrinking").isZero();
    }

    @Test
    void markdownForAPullRequest() {
        Run run = Run.of("diff", "--format", "markdown", before, after);
        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("### layerlens diff: `app:1` → ");
        assertThat(run.out()).contains("| size | 1.00 kB | 1.25 kB | +250 B (+25.0 %) |");
    }

    @Test
    void errorsNameTheSideAndUseTheUsualCodes() {
        Run missing = Run.of("diff", before, dir.resolve("nope.tar").toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.IMAGE_UNREADABLE);
        assertThat(missing.err()).startsWith("layerlens: cannot read " + dir.resolve("nope.tar")).doesNotContain("\n\n");
        assertThat(Run.of("diff", "--fail-if-larger", "lots", before, after).code()).isEqualTo(ExitCodes.USAGE);
        assertThat(Run.of("diff", "-", "-").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(Run.of("diff", "--top", "-1", before, after).code()).isEqualTo(ExitCodes.USAGE);
        assertThat(Run.of("diff", before).code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void helpRendersWithoutWarnings() {
        for (String command : new String[] {"diff", "analyze"}) {
            Run help = Run.of(command, "--help");
            assertThat(help.code()).isZero();
            assertThat(help.err()).as("picocli format warnings for %s", command).isEmpty();
            assertThat(help.out()).doesNotContain("%%");
        }
        assertThat(Run.of("diff", "--help").out()).contains("more than PERCENT % above");
        assertThat(Run.of("analyze", "--help").out()).contains("--ci-config=FILE", "--[no-]ci", "sarif, markdown, html");
    }
}
