package dev.layerlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerlens.testdata.DockerArchive;
import dev.layerlens.testdata.Entry;
import dev.layerlens.testdata.FakeSecrets;
import dev.layerlens.testdata.ImageSpec;
import dev.layerlens.testdata.SecretImages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
            String listed = run.out() + SecretOutputs.jsonStrings(run.out());
            assertThat(listed).as(format).contains("RUN |1 NPM_TOKEN=npm_…0102 (40 chars)", "export GITHUB_TOKEN=ghp_…0103 (40 chars)",
                    "leaky:ghp_…0202 (40 chars)");
            for (String value : values) {
                assertThat(listed).as("layers --format %s prints %s…", format, value.substring(0, 4)).doesNotContain(value);
            }
            Run shown = Run.of("--show-secrets", "layers", "--format", format, tagged.toString());
            assertThat(shown.out() + SecretOutputs.jsonStrings(shown.out())).as(format).contains(values);
        }
    }

    /**
     * Every command and format that prints what the image holds, to stdout and with {@code -o} to a
     * file (where text is laid out to another width), stderr included, JSON strings decoded.
     */
    @Test
    void noOutputCarriesARawValueWithoutShowSecrets() throws Exception {
        Map<String, String> planted = new LinkedHashMap<>(SecretImages.planted());
        planted.put("image reference", REFERENCE_TOKEN);
        Path file = dir.resolve("output");
        for (List<String> args : SecretOutputs.commands(clean.toString(), tagged.toString())) {
            String redacted = SecretOutputs.printed(args, file, false);
            for (Map.Entry<String, String> value : planted.entrySet()) {
                assertThat(redacted).as("%s prints the planted %s", args, value.getKey()).doesNotContain(value.getValue().strip());
            }
            // no redacted form keeps the fakes' marker: this catches a value cut short by a column too
            assertThat(redacted.toLowerCase(Locale.ROOT)).as("%s prints part of a planted value", args)
                    .doesNotContain("layerlensfake", "llfake");
            String clear = SecretOutputs.printed(args, file, true);
            assertThat(planted.values()).as("%s --show-secrets shows what the redacted run hid", args)
                    .anyMatch(value -> clear.contains(value.strip()));
        }

        Run debug = Run.of("--debug", "secrets", leaky.toString());
        for (String value : planted.values()) {
            assertThat(debug.out() + debug.err()).doesNotContain(value.strip());
        }
        Run shown = Run.of("secrets", "--show-secrets", "--format", "json", leaky.toString());
        String clear = shown.out() + SecretOutputs.jsonStrings(shown.out());
        assertThat(new ObjectMapper().readTree(shown.out()).get("secretsShown").asBoolean()).isTrue();
        for (String value : SecretImages.planted().values()) {
            assertThat(clear).contains(value.strip());
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
}
