package dev.layerlens.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.Severity;
import dev.layerlens.core.diff.DiffFixtures;
import dev.layerlens.core.policy.PolicyConfig;
import dev.layerlens.core.policy.PolicyInput;
import dev.layerlens.core.policy.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SARIF output validated against the official SARIF 2.1.0 schema (src/test/resources/sarif, see its
 * SOURCE.md), and the properties GitHub code scanning needs: rule metadata with help and helpUri, a
 * relative artifact URI with a line region, partial fingerprints.
 */
class SarifReportWriterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SarifReportWriter.Tool TOOL = new SarifReportWriter.Tool("1.2.3",
            "https://example.org/layerlens", "https://example.org/layerlens/docs/");
    private static JsonSchema schema;
    private static Report report;

    @TempDir
    static Path dir;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = SarifReportWriterTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
        report = DiffFixtures.analyze(DiffFixtures.write(dir, "before", DiffFixtures.BEFORE), false).report();
    }

    private static JsonNode sarif(Report r, Verdict verdict, String uri) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SarifReportWriter(TOOL, uri).write(r, verdict, out);
        return MAPPER.readTree(out.toByteArray());
    }

    @Test
    void aReportWithFindingsValidatesAndCarriesRulesAndLocations() throws Exception {
        JsonNode log = sarif(report, null, "images/app.tar");
        assertThat(schema.validate(log)).isEmpty();
        assertThat(log.get("version").asText()).isEqualTo("2.1.0");
        JsonNode run = log.get("runs").get(0);
        JsonNode rule = run.at("/tool/driver/rules/0");
        assertThat(rule.get("id").asText()).isEqualTo("test/dotenv");
        assertThat(rule.get("name").asText()).isEqualTo("TestDotenv");
        assertThat(rule.at("/shortDescription/text").asText()).isEqualTo("A .env file is shipped");
        assertThat(rule.at("/help/text").asText()).contains("leave it out of the build context");
        assertThat(rule.at("/help/markdown").asText()).contains("https://example.org/layerlens/docs/rules.md");
        assertThat(rule.get("helpUri").asText()).isEqualTo("https://example.org/layerlens/docs/rules.md");
        assertThat(rule.at("/defaultConfiguration/level").asText()).isEqualTo("error");

        JsonNode result = run.at("/results/0");
        assertThat(result.get("ruleId").asText()).isEqualTo("test/dotenv");
        assertThat(result.get("ruleIndex").asInt()).isZero();
        assertThat(result.get("level").asText()).isEqualTo("error");
        assertThat(result.at("/message/text").asText()).isEqualTo("A .env file is shipped: /app/.env (layer 1)");
        JsonNode location = result.at("/locations/0");
        assertThat(location.at("/physicalLocation/artifactLocation/uri").asText()).isEqualTo("images/app.tar");
        assertThat(location.at("/physicalLocation/region/startLine").asInt()).isEqualTo(1);
        assertThat(location.at("/logicalLocations/0/name").asText()).isEqualTo("/app/.env");
        assertThat(location.at("/logicalLocations/0/fullyQualifiedName").asText()).isEqualTo("layer 1:/app/.env");
        assertThat(result.at("/partialFingerprints/layerlens~1v1").asText()).hasSize(32);
        assertThat(result.at("/properties/layerDiffId").asText()).isEqualTo(report.layers().get(1).diffId());
        assertThat(result.at("/properties/bytes").asLong()).isEqualTo(64);
        assertThat(run.at("/artifacts/0/location/uri").asText()).isEqualTo("images/app.tar");
    }

    @Test
    void failedCiRulesBecomeErrorResults() throws Exception {
        Verdict verdict = PolicyConfig.parse(".layerlens.yml", "rules: {maxImageSize: 1kB, noSecrets: true}")
                .evaluate(PolicyInput.of(report));
        JsonNode log = sarif(report, verdict, "app.tar");
        assertThat(schema.validate(log)).isEmpty();
        JsonNode run = log.get("runs").get(0);
        List<String> ruleIds = new ArrayList<>();
        run.at("/tool/driver/rules").forEach(r -> ruleIds.add(r.get("id").asText()));
        // dive's defaults pass here (efficiency and user waste are fine), noSecrets has no secret/ finding to count
        assertThat(ruleIds).containsExactly("test/dotenv", "policy/maxImageSize");
        JsonNode last = run.get("results").get(run.get("results").size() - 1);
        assertThat(last.get("ruleId").asText()).isEqualTo("policy/maxImageSize");
        assertThat(last.get("ruleIndex").asInt()).isEqualTo(1);
        assertThat(last.get("level").asText()).isEqualTo("error");
        assertThat(last.at("/message/text").asText()).startsWith("CI rule maxImageSize (1kB) failed: image size 7.77 kB");
        assertThat(run.at("/properties/ciVerdict").asText()).isEqualTo("fail");
    }

    @Test
    void fingerprintsIgnoreTheLayerButNotThePath() throws Exception {
        Finding a = new Finding("secret/x", Severity.CRITICAL, "t", 2, "/a", null, null, null);
        Finding movedLayer = new Finding("secret/x", Severity.CRITICAL, "t", 5, "/a", null, null, null);
        Finding otherPath = new Finding("secret/x", Severity.CRITICAL, "t", 2, "/b", null, null, null);
        Finding history = new Finding("secret/x", Severity.CRITICAL, "t", 4, null, null, null, null);
        Finding config = new Finding("config/x", Severity.LOW, "t", null, null, null, null, null);
        JsonNode log = sarif(withFindings(List.of(a, movedLayer, otherPath, history, config)), null, "app.tar");
        assertThat(schema.validate(log)).isEmpty();
        JsonNode results = log.at("/runs/0/results");
        String fa = results.get(0).at("/partialFingerprints/layerlens~1v1").asText();
        assertThat(results.get(1).at("/partialFingerprints/layerlens~1v1").asText()).isEqualTo(fa);
        assertThat(results.get(2).at("/partialFingerprints/layerlens~1v1").asText()).isNotEqualTo(fa);
        assertThat(results.get(3).at("/locations/0/logicalLocations/0/fullyQualifiedName").asText()).isEqualTo("layer 4");
        assertThat(results.get(4).at("/locations/0/logicalLocations/0/name").asText()).isEqualTo("image configuration");
        assertThat(results.get(4).at("/locations/0/logicalLocations/0/fullyQualifiedName").asText()).isEqualTo("image:config");
        // a secret rule is tagged for GitHub's security severity
        JsonNode rule = log.at("/runs/0/tool/driver/rules/0");
        assertThat(rule.at("/properties/security-severity").asText()).isEqualTo("9.5");
        assertThat(rule.at("/properties/tags").toString()).contains("security");
    }

    @Test
    void anImageWithoutFindingsValidatesWithEmptyResults() throws Exception {
        JsonNode log = sarif(withFindings(List.of()), null, "app.tar");
        assertThat(schema.validate(log)).isEmpty();
        assertThat(log.at("/runs/0/results")).isEmpty();
    }

    @Test
    void theSchemaCatchesWhatGitHubWouldReject() throws Exception {
        // the test's own guard: the schema does reject a broken log (wrong level, absolute helpUri missing scheme)
        ObjectNode broken = (ObjectNode) sarif(report, null, "app.tar");
        ((ObjectNode) broken.at("/runs/0/results/0")).put("level", "fatal");
        assertThat(schema.validate(broken)).isNotEmpty();
        ObjectNode badUri = (ObjectNode) sarif(report, null, "app.tar");
        ((ObjectNode) badUri.at("/runs/0/tool/driver/rules/0")).put("helpUri", "docs/rules.md");
        assertThat(schema.validate(badUri)).isNotEmpty();
    }

    private static Report withFindings(List<Finding> findings) {
        return new Report(report.schemaVersion(), report.image(), report.layers(), report.metrics(), report.reclaimable(),
                findings, report.notes(), report.timings());
    }
}
