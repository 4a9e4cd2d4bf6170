package dev.layerlens.cli.it;

import static dev.layerlens.cli.it.Prerequisites.need;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The CI report formats on a real image (the {@code debian-apt-lists} scenario, built by the engine):
 * SARIF validated against the official 2.1.0 schema, and the HTML page opened in headless Chromium
 * (Debian's package) with the network off: a screenshot is taken and the rendered page's text checked.
 */
@ExtendWith(ItEnvironment.class)
class ReportFormatsIT {
    private static final Path SARIF_SCHEMA = Path.of("..", "analyzer-core", "src", "test", "resources", "sarif",
            "sarif-schema-2.1.0.json");

    private static ItContext.BuiltScenario image(ItContext it) {
        return it.scenario("debian-apt-lists", Docker.Builder.LEGACY);
    }

    @Test
    void sarifOfARealImageValidates(ItContext it) throws IOException {
        ItContext.BuiltScenario built = image(it);
        Path config = Files.writeString(it.workDir.resolve("strict.layerlens.yml"), "rules:\n  maxReclaimableBytes: 1MB\n");
        Path sarif = it.workDir.resolve("apt.sarif");
        DiffPairsIT.Cli run = DiffPairsIT.Cli.run("analyze", "--ci-config", config.toString(), "-f", "sarif", "-o",
                sarif.toString(), built.archive().toString());
        assertThat(run.code()).as("the lists are reclaimable: maxReclaimableBytes fails; stderr %s", run.err()).isEqualTo(1);
        JsonNode log = new ObjectMapper().readTree(sarif.toFile());
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(SARIF_SCHEMA)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
        assertThat(schema.validate(log)).isEmpty();
        List<String> ruleIds = log.at("/runs/0/results").findValuesAsText("ruleId");
        assertThat(ruleIds).contains("policy/maxReclaimableBytes");
        assertThat(log.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
                .doesNotStartWith("/").doesNotContain(":");
    }

    @Test
    void theHtmlPageRendersOfflineInChromium(ItContext it) throws IOException {
        Path chromium = Command.which("chromium");
        need(chromium != null, "chromium is missing (apt-get install chromium)");
        ItContext.BuiltScenario built = image(it);
        Path html = it.workDir.resolve("apt-report.html");
        DiffPairsIT.Cli run = DiffPairsIT.Cli.run("analyze", "--ci", "--ci-config", writeDiveCi(it).toString(), "-f", "html",
                "-o", html.toString(), built.archive().toString());
        assertThat(run.code()).as("stderr %s", run.err()).isIn(0, 1);

        Path profile = Files.createTempDirectory(it.workDir, "chromium-profile");
        Path screenshot = it.workDir.resolve("apt-report.png");
        Files.deleteIfExists(screenshot);
        List<String> common = List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile);
        Command.Result shot = Command.run(concat(common, "--screenshot=" + screenshot, "--window-size=1280,1024",
                html.toUri().toString()), Map.of(), Duration.ofMinutes(2));
        assertThat(shot.exitCode()).as("chromium --screenshot: %s", shot.stderr()).isZero();
        assertThat(screenshot).isRegularFile();
        byte[] png = Files.readAllBytes(screenshot);
        assertThat(png.length).as("a real screenshot").isGreaterThan(10_000);
        assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");

        Command.Result dom = Command.run(concat(common, "--dump-dom", html.toUri().toString()), Map.of(),
                Duration.ofMinutes(2));
        assertThat(dom.exitCode()).as("chromium --dump-dom: %s", dom.stderr()).isZero();
        String page = dom.stdout();
        JsonNode report = Reports.analyze(built.archive().toString());
        assertThat(page).contains("layerlens report", "CI gate: PASS", "Rules from " + writeDiveCi(it));
        assertThat(page).contains(report.at("/image/reference").asText(), report.at("/image/digest").asText());
        assertThat(page).contains("<svg class=\"bars\"", "<svg class=\"map\"", "Final filesystem by size",
                "Reclaimable paths", "/var/lib/apt/lists/");
        assertThat(page.split("<g class=\"layer\">", -1)).hasSize(report.get("layers").size() + 1);
        assertThat(page).as("the treemap labels /usr, the largest directory of a Debian image").contains(">usr ");
    }

    private static Path writeDiveCi(ItContext it) throws IOException {
        // dive's own acceptance config (.data/.dive-ci): 0.95 / 20Mb / 0.5 — apt lists are far from 20 MB here
        return Files.writeString(it.workDir.resolve(".dive-ci"),
                "rules:\n  lowestEfficiency: 0.5\n  highestWastedBytes: 200MB\n  highestUserWastedPercent: 0.99\n");
    }

    private static List<String> concat(List<String> a, String... more) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(List.of(more));
        return all;
    }
}
