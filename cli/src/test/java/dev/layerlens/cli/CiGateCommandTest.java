package dev.layerlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerlens.testdata.DockerArchive;
import dev.layerlens.testdata.Entry;
import dev.layerlens.testdata.ImageSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code analyze --ci}: when the gate is on, what it prints where, and its exit codes. */
class CiGateCommandTest {
    /** 300 bytes deleted by the next layer: dive's efficiency 50/350, userWastedPercent 300/50 = 6. */
    static final ImageSpec WASTEFUL = AnalyzeCommandTest.IMAGE;
    /** Nothing shipped twice: efficiency 1, wasted 0. */
    static final ImageSpec CLEAN = ImageSpec.builder()
            .layer("ADD base /", Entry.file("etc/base.conf", 300))
            .layer("COPY app /app", Entry.dir("app"), Entry.file("app/run", 50))
            .build();

    @TempDir
    static Path dir;
    static String wasteful;
    static String clean;

    @BeforeAll
    static void write() {
        wasteful = new DockerArchive(DockerArchive.Layout.DOCKER_25).image(WASTEFUL, "waste:1")
                .write(dir.resolve("waste.tar")).path().toString();
        clean = new DockerArchive(DockerArchive.Layout.DOCKER_25).image(CLEAN, "clean:1")
                .write(dir.resolve("clean.tar")).path().toString();
    }

    private static Path config(String name, String yaml) throws Exception {
        return Files.writeString(dir.resolve(name), yaml);
    }

    @Test
    void divesDefaultsFailAWastefulImageAndPassACleanOne() {
        Run failing = Run.of("analyze", "--ci", wasteful);
        assertThat(failing.code()).isEqualTo(ExitCodes.POLICY_FAILED);
        assertThat(failing.out()).startsWith("layerlens CI: waste:1 (350 B in 2 layers), rules from dive's defaults")
                .contains("FAIL  lowestEfficiency          0.9       14.29 %")
                .contains("FAIL  highestUserWastedPercent  0.1       600.00 %")
                .endsWith("FAIL [pass:0 fail:2 skip:1]\n");
        assertThat(failing.out()).as("a concise verdict, not the report").doesNotContain("Layers");
        Run passing = Run.of("analyze", "--ci", clean);
        assertThat(passing.code()).isEqualTo(ExitCodes.OK);
        assertThat(passing.out()).endsWith("PASS [pass:2 fail:0 skip:1]\n");
    }

    @Test
    void ciInTheEnvironmentTurnsTheGateOnAndNoCiTurnsItOff() {
        assertThat(Run.withEnv(Map.of("CI", "true"), "analyze", wasteful).code()).isEqualTo(ExitCodes.POLICY_FAILED);
        assertThat(Run.withEnv(Map.of("CI", "1"), "analyze", wasteful).code()).isEqualTo(ExitCodes.POLICY_FAILED);
        Run off = Run.withEnv(Map.of("CI", "true"), "analyze", "--no-ci", wasteful);
        assertThat(off.code()).isEqualTo(ExitCodes.OK);
        assertThat(off.out()).contains("Layers").doesNotContain("layerlens CI:");
        assertThat(Run.withEnv(Map.of("CI", "false"), "analyze", wasteful).code()).isEqualTo(ExitCodes.OK);
        assertThat(Run.of("analyze", wasteful).code()).as("no CI, no gate").isEqualTo(ExitCodes.OK);
    }

    @Test
    void aConfigFileImpliesTheGateAndItsRulesDecide() throws Exception {
        Path lenient = config("lenient.yml", "rules:\n  lowestEfficiency: 0.1\n  highestUserWastedPercent: disabled\n  maxImageSize: 350B\n");
        Run run = Run.of("analyze", "--ci-config", lenient.toString(), wasteful);
        assertThat(run.code()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("rules from " + lenient, "PASS  maxImageSize", "SKIP  highestUserWastedPercent");
        Path strict = config("strict.yml", "rules:\n  lowestEfficiency: 0.1\n  highestUserWastedPercent: disabled\n  maxImageSize: 349B\n");
        Run failing = Run.of("analyze", "--ci-config", strict.toString(), wasteful);
        assertThat(failing.code()).isEqualTo(ExitCodes.POLICY_FAILED);
        assertThat(failing.out()).contains("FAIL  maxImageSize              349B      350 bytes (350 B): image size 350 B is more than 349B");
    }

    @Test
    void anInvalidConfigIsAUsageErrorBeforeTheImageIsRead() throws Exception {
        Path bad = config("bad.yml", "rules:\n  lowestEfficiency: 1.1\n  maxImageSize: lots\n");
        Run run = Run.of("analyze", "--ci-config", bad.toString(), dir.resolve("missing.tar").toString());
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).isEqualTo("layerlens: invalid CI config: " + bad
                + ": lowestEfficiency: 1.1 is outside the allowed range 0-1 (a ratio: 0.9 means 90 %); maxImageSize: not a size: "
                + "\"lots\" (write e.g. 20MB, 20MiB or 1500000)\n");
        assertThat(Run.of("analyze", "--ci-config", dir.resolve("nope.yml").toString(), clean).code())
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aMachineReadableReportOnStdoutKeepsTheVerdictOnStderr() throws Exception {
        Run run = Run.of("analyze", "--ci", "-f", "json", wasteful);
        assertThat(run.code()).isEqualTo(ExitCodes.POLICY_FAILED);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.at("/image/sizeBytes").asLong()).isEqualTo(350);
        assertThat(run.err()).startsWith("layerlens CI: waste:1").endsWith("FAIL [pass:0 fail:2 skip:1]\n");
    }

    @Test
    void aReportToAFileLeavesTheVerdictOnStdout() throws Exception {
        Path sarif = dir.resolve("report.sarif");
        Run run = Run.of("analyze", "--ci", "-f", "sarif", "-o", sarif.toString(), wasteful);
        assertThat(run.code()).isEqualTo(ExitCodes.POLICY_FAILED);
        assertThat(run.out()).startsWith("layerlens CI:");
        JsonNode log = new ObjectMapper().readTree(sarif.toFile());
        assertThat(log.at("/runs/0/results/0/ruleId").asText()).isEqualTo("policy/lowestEfficiency");
        assertThat(log.at("/runs/0/results/1/ruleId").asText()).isEqualTo("policy/highestUserWastedPercent");
        assertThat(log.at("/runs/0/tool/driver/version").asText()).isNotBlank().doesNotContain("${");
        assertThat(log.at("/runs/0/tool/driver/rules/0/helpUri").asText()).startsWith("https://").endsWith("/docs/ci.md");
        assertThat(log.at("/runs/0/properties/ciVerdict").asText()).isEqualTo("fail");
    }

    @Test
    void markdownAndHtmlCarryTheVerdict() throws Exception {
        Run md = Run.of("analyze", "--ci", "-f", "markdown", clean);
        assertThat(md.code()).isZero();
        assertThat(md.out()).startsWith("### layerlens: `clean:1` — ✅ CI gate passed");
        assertThat(md.err()).contains("PASS [pass:2 fail:0 skip:1]");
        Path html = dir.resolve("report.html");
        Run page = Run.of("analyze", "-f", "html", "-o", html.toString(), clean);
        assertThat(page.code()).isZero();
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("clean:1").doesNotContain("CI gate:");
    }
}
