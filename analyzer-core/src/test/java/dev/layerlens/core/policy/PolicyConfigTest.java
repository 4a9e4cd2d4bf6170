package dev.layerlens.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading .layerlens.yml and .dive-ci: keys, defaults, dive's spellings, and every error named. */
class PolicyConfigTest {
    @TempDir
    Path dir;

    private static List<String> keys(Policy policy) {
        return policy.rules().stream().map(PolicyRule::key).toList();
    }

    private static PolicyRule rule(Policy policy, String key) {
        return policy.rules().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void anEmptyFileGivesDivesDefaults() throws PolicyException {
        Policy policy = PolicyConfig.parse("empty", "");
        assertThat(keys(policy)).containsExactly("lowestEfficiency", "highestWastedBytes", "highestUserWastedPercent");
        assertThat(rule(policy, "lowestEfficiency")).isEqualTo(new DiveRules.LowestEfficiency("0.9", 0.9));
        assertThat(rule(policy, "highestWastedBytes")).isEqualTo(new DisabledRule("highestWastedBytes"));
        assertThat(rule(policy, "highestUserWastedPercent")).isEqualTo(new DiveRules.HighestUserWastedPercent("0.1", 0.1));
        assertThat(PolicyConfig.defaults("none").rules()).isEqualTo(policy.rules());
    }

    @Test
    void divesClassicFileIsReadAsItIs() throws PolicyException {
        // dive's own .data/.dive-ci (its Taskfile's acceptance run)
        Policy policy = PolicyConfig.parse(".dive-ci", """
                rules:
                  # If the efficiency is measured below X%, mark as failed.
                  lowestEfficiency: 0.95
                  highestWastedBytes: 20Mb
                  highestUserWastedPercent: 0.5
                """);
        assertThat(policy.rules()).containsExactly(new DiveRules.LowestEfficiency("0.95", 0.95),
                new DiveRules.HighestWastedBytes("20Mb", 20_000_000L), new DiveRules.HighestUserWastedPercent("0.5", 0.5));
    }

    @Test
    void dive013SpellingsAtTheTopLevel() throws PolicyException {
        Policy policy = PolicyConfig.parse("dive013", """
                lowest-efficiency-threshold: 0.8
                highest-wasted-bytes: 1MiB
                highest-user-wasted-percent: disabled
                """);
        assertThat(policy.rules()).containsExactly(new DiveRules.LowestEfficiency("0.8", 0.8),
                new DiveRules.HighestWastedBytes("1MiB", 1_048_576L), new DisabledRule("highestUserWastedPercent"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"disabled", "DISABLED", "off", "false", "''", " Disabled "})
    void divesWordsForOff(String word) throws PolicyException {
        Policy policy = PolicyConfig.parse("f", "rules:\n  lowestEfficiency: " + (word.startsWith(" ") ? "'" + word + "'" : word) + "\n");
        assertThat(rule(policy, "lowestEfficiency")).isEqualTo(new DisabledRule("lowestEfficiency"));
    }

    @Test
    void everyLayerlensKey() throws PolicyException {
        Policy policy = PolicyConfig.parse(".layerlens.yml", """
                rules:
                  lowestEfficiency: disabled
                  highestWastedBytes: disabled
                  highestUserWastedPercent: disabled
                  maxImageSize: 500MB
                  maxReclaimableBytes: 20MiB
                  maxRemovableBytes: 1,000kB
                  noSecrets: true
                  noRootUser: yes
                  requireHealthcheck: on
                  minimumGrade: b
                  failOn: HIGH
                """);
        assertThat(keys(policy)).containsExactlyElementsOf(PolicyConfig.KEYS);
        assertThat(rule(policy, "maxImageSize")).extracting("value").isEqualTo(500_000_000L);
        assertThat(rule(policy, "maxReclaimableBytes")).extracting("value").isEqualTo(20L << 20);
        assertThat(rule(policy, "maxRemovableBytes")).extracting("value").isEqualTo(1_000_000L);
        assertThat(rule(policy, "minimumGrade")).isEqualTo(new MinimumGradeRule("b", 'B'));
        assertThat(policy.source()).isEqualTo(".layerlens.yml");
    }

    @Test
    void rulesLeftOutAreOffExceptDivesDefaults() throws PolicyException {
        Policy policy = PolicyConfig.parse("f", "rules:\n  noSecrets: false\n  maxImageSize: 1GB\n");
        assertThat(keys(policy)).containsExactly("lowestEfficiency", "highestWastedBytes", "highestUserWastedPercent",
                "maxImageSize", "noSecrets");
        assertThat(rule(policy, "noSecrets")).isEqualTo(new DisabledRule("noSecrets"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // dive's Test_Evaluator_Misconfigurations, each one a configuration error
            "rules: {lowestEfficiency: 1.1} | lowestEfficiency: 1.1 is outside the allowed range 0-1",
            "rules: {lowestEfficiency: -0.1} | lowestEfficiency: -0.1 is outside the allowed range 0-1",
            "rules: {lowestEfficiency: not_a_number} | lowestEfficiency: \"not_a_number\" is not a number",
            "rules: {highestWastedBytes: not_a_size} | highestWastedBytes: not a size: \"not_a_size\"",
            "rules: {highestUserWastedPercent: 1.1} | highestUserWastedPercent: 1.1 is outside the allowed range 0-1",
            "rules: {highestUserWastedPercent: -0.1} | highestUserWastedPercent: -0.1 is outside",
            "rules: {highestUserWastedPercent: not_a_number} | highestUserWastedPercent: \"not_a_number\" is not a number",
            // layerlens's own
            "rules: {lowestEfficiency: NaN} | \"NaN\" is not a number",
            "rules: {maxImageSize: 5 apples} | maxImageSize: unknown size unit \"apples\"",
            "rules: {noSecrets: maybe} | noSecrets: \"maybe\" is not true or false",
            "rules: {minimumGrade: G} | minimumGrade: \"G\" is not a grade",
            "rules: {failOn: severe} | failOn: \"severe\" is not a severity",
            "rules: {lowestEficiency: 0.9} | unknown rule 'lowestEficiency'",
            "rules: {LowestEfficiency: 0.9} | did you mean 'lowestEfficiency'?",
            "lowestEfficiency: 0.9 | 'lowestEfficiency' belongs under 'rules:'",
            "colour: red | unknown key 'colour'",
            "rules: [lowestEfficiency] | 'rules' must be a mapping",
            "rules: {maxImageSize: {a: 1}} | rules.maxImageSize: expected a single value, found a mapping",
            "- a | expected a mapping with a 'rules:' key, found a list",
            "rules: {lowestEfficiency: 0.9}\\nlowest-efficiency-threshold: 0.8 | lowest-efficiency-threshold: lowestEfficiency is set twice",
            "rules:\\n  noSecrets: true\\n  noSecrets: false | not valid YAML",
            "rules: {a: [ | not valid YAML"})
    void invalidConfigsAreNamedErrors(String yaml, String message) {
        assertThatThrownBy(() -> PolicyConfig.parse("ci.yml", yaml.replace("\\n", "\n")))
                .isInstanceOf(PolicyException.class)
                .hasMessageStartingWith("ci.yml: ")
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void everyErrorOfAFileIsNamedAtOnce() {
        assertThatThrownBy(() -> PolicyConfig.parse("f", "rules: {lowestEfficiency: 2, highestWastedBytes: x, failOn: y}"))
                .hasMessageContaining("lowestEfficiency: 2 is outside")
                .hasMessageContaining("highestWastedBytes: not a size")
                .hasMessageContaining("failOn: \"y\" is not a severity");
    }

    @Test
    void filesAreFoundInTheirOrderAndAnExplicitOneMustExist() throws Exception {
        assertThat(PolicyFiles.load(null, dir).source()).startsWith("dive's defaults");
        Files.writeString(dir.resolve(".dive-ci"), "rules:\n  lowestEfficiency: 0.5\n");
        assertThat(PolicyFiles.load(null, dir).source()).endsWith(".dive-ci");
        Files.writeString(dir.resolve(".layerlens.yml"), "rules:\n  maxImageSize: 1GB\n");
        Policy found = PolicyFiles.load(null, dir);
        assertThat(found.source()).endsWith(".layerlens.yml");
        assertThat(keys(found)).contains("maxImageSize");
        assertThat(PolicyFiles.load(dir.resolve(".dive-ci"), dir).source()).endsWith(".dive-ci");
        assertThatThrownBy(() -> PolicyFiles.load(dir.resolve("missing.yml"), dir))
                .isInstanceOf(PolicyException.class).hasMessageEndingWith("missing.yml: no such file");
    }
}
