package dev.layerlens.core.analysis.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerlens.core.ImageAnalyzer;
import dev.layerlens.core.layer.ScanOptions;
import dev.layerlens.core.report.JsonReportWriter;
import dev.layerlens.core.report.Report;
import dev.layerlens.core.report.SecretsJsonWriter;
import dev.layerlens.core.report.SecretsReport;
import dev.layerlens.core.report.SecretsTextWriter;
import dev.layerlens.core.report.TextReportWriter;
import dev.layerlens.core.source.SourceOptions;
import dev.layerlens.core.source.SourceResolver;
import dev.layerlens.testdata.DockerArchive;
import dev.layerlens.testdata.LayerCompression;
import dev.layerlens.testdata.OciLayout;
import dev.layerlens.testdata.SecretImages;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The audit through the whole pipeline, on fixture archives of the leaky image in several formats:
 * the layer scanner feeds the inspector (streaming with digests verified, and seeking through an
 * uncompressed archive without verification), each planted value is found where it was planted,
 * and no report carries one unless disclosed.
 */
class SecretsPipelineTest {
    @TempDir
    static Path dir;
    static Path dockerArchive;
    static Path legacyArchive;
    static Path ociGzip;

    @BeforeAll
    static void write() {
        dockerArchive = new DockerArchive(DockerArchive.Layout.DOCKER_25).image(SecretImages.leaky(), "leaky:1")
                .write(dir.resolve("leaky.tar")).path();
        legacyArchive = new DockerArchive(DockerArchive.Layout.LEGACY).image(SecretImages.leaky(), "leaky:1")
                .write(dir.resolve("leaky-legacy.tar")).path();
        ociGzip = new OciLayout().tag("1", SecretImages.leaky()).compression(LayerCompression.GZIP)
                .writeDirectory(dir.resolve("leaky-oci")).path();
    }

    static Stream<Arguments> inputs() {
        ScanOptions verify = new ScanOptions(true, false, 2);
        ScanOptions seek = new ScanOptions(false, false, 2);
        return Stream.of(Arguments.of("docker 25, verified", dockerArchive, verify),
                Arguments.of("docker 25, seeking", dockerArchive, seek),
                Arguments.of("legacy docker save", legacyArchive, verify),
                Arguments.of("OCI layout, gzip", ociGzip, verify));
    }

    private static Run run(Path input, ScanOptions scan, Disclosure disclosure) throws Exception {
        SecretsCheck check = new SecretsCheck(SecretScanOptions.defaults(), disclosure);
        ImageAnalyzer.Result result = new ImageAnalyzer(new SourceResolver(InputStream.nullInputStream()), scan,
                () -> List.of(check), disclosure).analyze(input.toString(), SourceOptions.DEFAULT, ImageAnalyzer.ProgressFactory.NONE);
        return new Run(result, check);
    }

    record Run(ImageAnalyzer.Result result, SecretsCheck check) {
        SecretsReport secretsReport(Disclosure disclosure) {
            return SecretsReport.of(result.image(), check.secretFindings(), check.stats(), disclosure);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void eachPlantedValueIsFoundWherePlantedAndNothingElse(String label, Path input, ScanOptions scan) throws Exception {
        Run run = run(input, scan, Disclosure.REDACT);
        assertThat(run.check().secretFindings()).extracting(f -> f.id() + " @ " + f.where().describe() + " [" + f.status() + "]")
                .containsExactlyInAnyOrderElementsOf(SecretImages.expectedFindings());
        List<String> values = run.check().secretFindings().stream().map(SecretFinding::value).filter(v -> v != null).toList();
        for (String planted : SecretImages.planted().values()) {
            assertThat(values).as("planted value %s", Redaction.redact(planted)).contains(planted.strip());
        }
        // the analyze report carries the same findings
        assertThat(run.result().report().findings()).hasSize(SecretImages.expectedFindings().size());
    }

    @Test
    void theScanReadsEveryLayersFilesHiddenCopiesIncluded() throws Exception {
        SecretScanStats stats = run(dockerArchive, new ScanOptions(true, false, 2), Disclosure.REDACT).check().stats();
        // os-release, package.json, lib.txt, .env, the key twice, .npmrc, git config, docker config
        assertThat(stats.files()).isEqualTo(9);
        assertThat(stats.binaryFiles()).isZero();
        assertThat(stats.truncatedFiles()).isZero();
    }

    @Test
    void noReportCarriesASecretUnlessDisclosed() throws Exception {
        Run redacted = run(dockerArchive, new ScanOptions(true, false, 2), Disclosure.REDACT);
        String outputs = everyOutput(redacted, Disclosure.REDACT);
        for (String planted : SecretImages.planted().values()) {
            assertThat(outputs).as("%s", Redaction.redact(planted)).doesNotContain(planted.strip());
        }
        // the history commands are still there, with the value redacted in place
        Report.LayerReport layer1 = redacted.result().report().layers().get(1);
        String npm = SecretImages.planted().get("build-arg");
        assertThat(layer1.command()).isEqualTo("RUN |1 NPM_TOKEN=" + Redaction.redact(npm) + " /bin/sh -c npm ci # buildkit");

        Run revealed = run(dockerArchive, new ScanOptions(true, false, 2), Disclosure.REVEAL);
        String clear = everyOutput(revealed, Disclosure.REVEAL);
        for (String planted : List.of(npm, SecretImages.planted().get("npmrc"), SecretImages.planted().get("inline-run"))) {
            assertThat(clear).contains(planted);
        }
    }

    /** The analyze report as JSON and text, and the secrets report as JSON and text, concatenated. */
    private static String everyOutput(Run run, Disclosure disclosure) throws Exception {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        JsonReportWriter.write(run.result().report(), json);
        StringWriter text = new StringWriter();
        new TextReportWriter(200, false).write(run.result().report(), new PrintWriter(text));
        ByteArrayOutputStream secretsJson = new ByteArrayOutputStream();
        SecretsJsonWriter.write(run.secretsReport(disclosure), secretsJson);
        StringWriter secretsText = new StringWriter();
        new SecretsTextWriter(false).write(run.secretsReport(disclosure), new PrintWriter(secretsText));
        // JSON escapes line breaks (a key is multi-line): also compare against every string value, decoded
        String jsonText = json.toString(StandardCharsets.UTF_8) + secretsJson.toString(StandardCharsets.UTF_8);
        StringBuilder decoded = new StringBuilder();
        strings(new ObjectMapper().readTree(json.toByteArray()), decoded);
        strings(new ObjectMapper().readTree(secretsJson.toByteArray()), decoded);
        return jsonText + "\n" + decoded + "\n" + text + "\n" + secretsText;
    }

    private static void strings(JsonNode node, StringBuilder out) {
        if (node.isTextual()) {
            out.append(node.asText()).append('\n');
        }
        node.forEach(child -> strings(child, out));
    }
}
