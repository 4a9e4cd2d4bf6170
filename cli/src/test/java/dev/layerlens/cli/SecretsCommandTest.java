package dev.layerlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerlens.testdata.DockerArchive;
import dev.layerlens.testdata.Entry;
import dev.layerlens.testdata.FakeSecrets;
import dev.layerlens.testdata.ImageSpec;
import dev.layerlens.testdata.SecretImages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code layerlens secrets} and the secret findings of {@code analyze}, end to end through {@link Main#run}. */
class SecretsCommandTest {
    /** The tag of {@link #tagged}: the image reference itself can carry a secret, and is printed by every command. */
    private static final String REFERENCE_TOKEN = FakeSecrets.githubToken("0202");

    @TempDir
    static Path dir;
    static Path leaky;
    static Path tagged;
    static Path clean;

    @BeforeAll
    static void write() {
        leaky = new DockerArchive(DockerArchive.Layout.DOCKER_25).image(SecretImages.leaky(), "leaky:1")
                .write(dir.resolve("leaky.tar")).path();
        tagged = new DockerArchive(DockerArchive.Layout.DOCKER_25).image(SecretImages.leaky(), "leaky:" + REFERENCE_TOKEN)
                .write(dir.resolve("tagged.tar")).path();
        clean = new DockerArchive(DockerArchive.Layout.DOCKER_25).image(ImageSpec.builder()
                        .layer("ADD base /", Entry.file("etc/os-release", "ID=fixture\n"))
                        .layer("RUN |1 REF=main /bin/sh -c make # buildkit", Entry.file("app/run.sh", "#!/bin/sh\nexec app\n"))
                        .build(), "clean:1")
                .write(dir.resolve("clean.tar")).path();
    }

    @Test
    void withoutFileContentsOnlyHistoryConfigAndNamesAreAudited() throws Exception {
        Run full = Run.of("analyze", "-f", "json", leaky.toString());
        Run light = Run.of("analyze", "-f", "json", "--no-file-secrets", leaky.toString());
        assertThat(light.code()).isZero();
        List<String> all = secretFindingsWhere(full.out());
        List<String> metadataOnly = secretFindingsWhere(light.out());
        assertThat(all).anyMatch(w -> w.startsWith("file:")).anyMatch(w -> w.startsWith("history:"));
        assertThat(metadataOnly).isNotEmpty().noneMatch(w -> w.startsWith("file-content:"));
        assertThat(metadataOnly).allMatch(all::contains);
        assertThat(all).anyMatch(w -> !metadataOnly.contains(w));
    }

    /** Each secret finding as "history:…", "file:…" (its path known by name) or "file-content:…" (its evidence is a value). */
    private static List<String> secretFindingsWhere(String json) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(json).get("findings")) {
            if (!f.get("id").asText().startsWith("secret/")) {
                continue;
            }
            String kind = f.get("path").isNull() ? "history:" : f.get("id").asText().endsWith("-file") ? "file:" : "file-content:";
            out.add(kind + f.get("id").asText() + " " + f.get("path").asText() + " " + f.get("layerIndex").asText());
        }
        return out;
    }

    @Test
    void noSecretExitsZero() {
        Run run = Run.of("secrets", clean.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("Secrets in clean:1", "No secrets found.", "2 files");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void secretsFoundExitOneAndSayWhereEachIs() {
        Run run = Run.of("secrets", leaky.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.POLICY_FAILED);
        assertThat(run.out()).contains(
                "found      20 (",
                "values     redacted (--show-secrets shows them)",
                "npm registry token in history entry 3 (RUN, build argument NPM_TOKEN), layer 1",
                "private key in /root/.ssh/id_ed25519:1, layer 5",
                "status: deleted in layer 6, still shipped in layer 5",
                "seen:   -----BEGIN OPENSSH PRIVATE KEY-----… (",
                "seen:   npm_…0102 (40 chars)",
                "seen:   the whole file (",
                "fix:    ");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void jsonSaysWhereWhetherStillVisibleAndTheFix() throws Exception {
        Run run = Run.of("secrets", "--format", "json", leaky.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.POLICY_FAILED);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.get("secretsShown").asBoolean()).isFalse();
        assertThat(json.get("findings")).hasSize(SecretImages.expectedFindings().size());
        JsonNode arg = find(json, "secret/npm-token", "history");
        assertThat(arg.get("where").get("buildArg").asText()).isEqualTo("NPM_TOKEN");
        assertThat(arg.get("where").get("historyEntry").asInt()).isEqualTo(3);
        assertThat(arg.get("where").get("layer").asInt()).isEqualTo(1);
        assertThat(arg.get("evidence").asText()).isEqualTo("npm_…0102 (40 chars)");
        assertThat(arg.get("remedy").asText()).contains("--mount=type=secret");
        JsonNode env = find(json, "secret/aws-secret-access-key", "file");
        assertThat(env.get("where").get("path").asText()).isEqualTo("/app/.env");
        assertThat(env.get("where").get("line").asInt()).isEqualTo(2);
        assertThat(env.get("inFinalImage").asBoolean()).isFalse();
        assertThat(env.get("status").asText()).isEqualTo("deleted in layer 6, still shipped in layer 3");
        assertThat(env.get("severity").asText()).isEqualTo("critical");
    }

    @Test
    void analyzeReportsTheSameFindings() throws Exception {
        Run run = Run.of("analyze", "--format", "json", leaky.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.OK);
        JsonNode findings = new ObjectMapper().readTree(run.out()).get("findings");
        List<String> ids = new ArrayList<>();
        // analyze runs the production-readiness checks too: compare the secret findings
        findings.forEach(f -> {
            if (f.get("id").asText().startsWith("secret/")) {
                ids.add(f.get("id").asText());
            }
        });
        assertThat(ids).hasSize(SecretImages.expectedFindings().size())
                .containsExactlyInAnyOrderElementsOf(SecretImages.expectedFindings().stream()
                        .map(s -> s.substring(0, s.indexOf(' '))).toList());
    }

    @Test
    void secretsWithoutFileContentsAuditsHistoryConfigAndNamesAsAnalyzeDoes() throws Exception {
        Run light = Run.of("secrets", "--format", "json", "--no-file-secrets", leaky.toString());
        assertThat(light.code()).isEqualTo(ExitCodes.POLICY_FAILED);
        JsonNode report = new ObjectMapper().readTree(light.out());
        assertThat(report.at("/scanned/fileContents").asBoolean()).isFalse();
        assertThat(report.at("/scanned/files").asLong()).isZero();
        List<String> found = new ArrayList<>();
        report.get("findings").forEach(f -> found.add(f.get("id").asText() + " " + f.at("/where/path").asText() + " "
                + f.at("/where/layer").asText()));
        List<String> analyzed = new ArrayList<>();
        new ObjectMapper().readTree(Run.of("analyze", "-f", "json", "--no-file-secrets", leaky.toString()).out()).get("findings")
                .forEach(f -> {
                    if (f.get("id").asText().startsWith("secret/")) {
                        analyzed.add(f.get("id").asText() + " " + f.get("path").asText() + " " + f.get("layerIndex").asText());
                    }
                });
        assertThat(found).containsExactlyInAnyOrderElementsOf(analyzed)
                .contains("secret/npm-token null 1", "secret/stripe-key null null", "secret/env-file /app/.env 3",
                        "secret/ssh-private-key-file /root/.ssh/id_ed25519 5")
                .noneMatch(f -> f.startsWith("secret/private-key ") || f.startsWith("secret/aws-secret-access-key "));
        assertThat(Run.of("secrets", "--format", "json", leaky.toString()).out())
                .contains("secret/private-key", "secret/aws-secret-access-key");
        Run text = Run.of("secrets", "--no-file-secrets", leaky.toString());
        assertThat(text.out()).contains("the file names of 8 layers; no file contents (--no-file-secrets)");
    }

    @Test
    void layersRedactsTheHistoryCommandsAndTheReferenceUnlessShowSecrets() throws Exception {
        List<String> values = List.of(SecretImages.planted().get("build-arg"), SecretImages.planted().get("inline-run"),
                REFERENCE_TOKEN);
        for (String format : List.of("text", "json")) {
            Run run = Run.of("layers", "--format", format, tagged.toString());
            assertThat(run.code()).isEqualTo(ExitCodes.OK);
            String listed = run.out() + decodedJson(run.out());
            assertThat(listed).as(format).contains("RUN |1 NPM_TOKEN=npm_…0102 (40 chars)", "export GITHUB_TOKEN=ghp_…0103 (40 chars)",
                    "leaky:ghp_…0202 (40 chars)");
            for (String value : values) {
                assertThat(listed).as("layers --format %s prints %s…", format, value.substring(0, 4)).doesNotContain(value);
            }
            Run shown = Run.of("--show-secrets", "layers", "--format", format, tagged.toString());
            assertThat(shown.out() + decodedJson(shown.out())).as(format).contains(values);
        }
    }

    /** Every output format, to stdout and to a file, with and without --show-secrets. */
    @Test
    void noOutputCarriesARawValueWithoutShowSecrets() throws Exception {
        StringBuilder all = new StringBuilder();
        List<String[]> commands = List.of(
                new String[] {"secrets", leaky.toString()},
                new String[] {"secrets", "--format", "json", leaky.toString()},
                new String[] {"analyze", leaky.toString()},
                new String[] {"analyze", "--format", "json", leaky.toString()},
                new String[] {"--debug", "secrets", leaky.toString()});
        for (String[] args : commands) {
            Run run = Run.of(args);
            all.append(run.out()).append(run.err()).append(decodedJson(run.out()));
        }
        Path file = dir.resolve("secrets.json");
        Run toFile = Run.of("secrets", "-f", "json", "-o", file.toString(), leaky.toString());
        assertThat(toFile.out()).isEmpty();
        String written = Files.readString(file, StandardCharsets.UTF_8);
        all.append(written).append(decodedJson(written));
        assertThat(all).contains("npm_…0102 (40 chars)");
        for (String planted : SecretImages.planted().values()) {
            assertThat(all.toString()).as("a planted value, redacted here: %s", planted.substring(0, 4) + "…")
                    .doesNotContain(planted.strip());
        }

        Run shown = Run.of("secrets", "--show-secrets", "--format", "json", leaky.toString());
        String clear = shown.out() + decodedJson(shown.out());
        assertThat(new ObjectMapper().readTree(shown.out()).get("secretsShown").asBoolean()).isTrue();
        for (String planted : SecretImages.planted().values()) {
            assertThat(clear).contains(planted.strip());
        }
        Run analyzeShown = Run.of("--show-secrets", "analyze", leaky.toString());
        assertThat(analyzeShown.out()).contains("RUN |1 NPM_TOKEN=" + SecretImages.planted().get("build-arg"));
    }

    @Test
    void errorMessagesAreRedacted() {
        String token = FakeSecrets.githubToken("0201");
        Run run = Run.of("secrets", dir.resolve("missing-" + token + ".tar").toString());
        assertThat(run.code()).isEqualTo(ExitCodes.IMAGE_UNREADABLE);
        assertThat(run.err()).startsWith("layerlens: cannot read ").contains("ghp_…0201 (40 chars)").doesNotContain(token);
        Run usage = Run.of("secrets", "--token", token, leaky.toString());
        assertThat(usage.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(usage.err()).contains("--token").doesNotContain(token);
        Run shown = Run.of("--show-secrets", "secrets", dir.resolve("missing-" + token + ".tar").toString());
        assertThat(shown.err()).contains(token);
    }

    private static JsonNode find(JsonNode json, String id, String kind) {
        for (JsonNode f : json.get("findings")) {
            if (f.get("id").asText().equals(id) && f.get("where").get("kind").asText().equals(kind)) {
                return f;
            }
        }
        throw new AssertionError("no " + id + " in " + kind);
    }

    /** Every string of a JSON document, decoded (JSON escapes the line breaks of a key). */
    private static String decodedJson(String text) {
        StringBuilder out = new StringBuilder();
        try {
            collect(new ObjectMapper().readTree(text), out);
        } catch (Exception e) {
            return ""; // not JSON: the text itself is checked
        }
        return out.toString();
    }

    private static void collect(JsonNode node, StringBuilder out) {
        if (node != null && node.isTextual()) {
            out.append(node.asText()).append('\n');
        }
        if (node != null) {
            node.forEach(child -> collect(child, out));
        }
    }
}
