package dev.layerlens.core.conformance;

import static dev.layerlens.core.conformance.PeerArchives.analyze;
import static dev.layerlens.core.conformance.PeerArchives.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerlens.core.policy.PolicyConfig;
import dev.layerlens.core.policy.PolicyException;
import dev.layerlens.core.policy.PolicyInput;
import dev.layerlens.core.policy.RuleOutcome;
import dev.layerlens.core.policy.RuleStatus;
import dev.layerlens.core.policy.Verdict;
import dev.layerlens.core.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * dive's CI evaluator cases on its reference image ({@code testdata-peers/dive/SOURCE.md}, the
 * Test_Evaluator and Test_Evaluator_Misconfigurations tables): the same thresholds, written as a
 * {@code .dive-ci} file in both of dive's spellings, give dive's outcome for every rule and overall.
 */
class DiveCiConformanceTest {
    private static Report reference;

    @TempDir
    Path dir;

    @BeforeAll
    static void analyseReference() throws Exception {
        Path peer = PeerArchives.peer("dive");
        reference = analyze(file(peer, "test-docker-image.tar").toString()).report();
    }

    private Verdict evaluate(String fileText) throws Exception {
        Path config = dir.resolve(".dive-ci");
        Files.writeString(config, fileText);
        return PolicyConfig.read(config).evaluate(PolicyInput.of(reference));
    }

    private static Map<String, RuleStatus> statuses(Verdict verdict) {
        return verdict.outcomes().stream().collect(Collectors.toMap(RuleOutcome::key, RuleOutcome::status));
    }

    @ParameterizedTest(name = "{0}: {1} / {2} / {3}")
    @CsvSource({
            // name,        efficiency, wastedBytes, percent,  expected efficiency, wasted, percent, overall pass
            "allFail,       0.99,       1B,          0.01,     FAIL,     FAIL,     FAIL,     false",
            "allPass,       0.9,        50kB,        0.5,      PASS,     PASS,     PASS,     true",
            "allDisabled,   disabled,   disabled,    disabled, DISABLED, DISABLED, DISABLED, true",
            "mixedResults,  0.9,        1B,          0.5,      PASS,     FAIL,     PASS,     false"})
    void divesEvaluatorCases(String name, String efficiency, String wasted, String percent, RuleStatus expectEfficiency,
                             RuleStatus expectWasted, RuleStatus expectPercent, boolean pass) throws Exception {
        Map<String, RuleStatus> expected = Map.of("lowestEfficiency", expectEfficiency, "highestWastedBytes", expectWasted,
                "highestUserWastedPercent", expectPercent);

        Verdict classic = evaluate("rules:\n  lowestEfficiency: " + efficiency + "\n  highestWastedBytes: " + wasted
                + "\n  highestUserWastedPercent: " + percent + "\n");
        assertThat(statuses(classic)).isEqualTo(expected);
        assertThat(classic.passed()).isEqualTo(pass);

        Verdict dive013 = evaluate("lowest-efficiency-threshold: " + efficiency + "\nhighest-wasted-bytes: " + wasted
                + "\nhighest-user-wasted-percent: " + percent + "\n");
        assertThat(statuses(dive013)).isEqualTo(expected);
        assertThat(dive013.passed()).isEqualTo(pass);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "invalid_efficiency_too_high,   1.1,          50kB,       0.5",
            "invalid_efficiency_too_low,    -0.1,         50kB,       0.5",
            "invalid_efficiency_format,     not_a_number, 50kB,       0.5",
            "invalid_wasted_bytes_format,   0.9,          not_a_size, 0.5",
            "invalid_wasted_percent_high,   0.9,          50kB,       1.1",
            "invalid_wasted_percent_low,    0.9,          50kB,       -0.1",
            "invalid_wasted_percent_format, 0.9,          50kB,       not_a_number"})
    void divesMisconfigurationsAreConfigurationErrors(String name, String efficiency, String wasted, String percent) {
        assertThatThrownBy(() -> evaluate("rules:\n  lowestEfficiency: " + efficiency + "\n  highestWastedBytes: "
                + wasted + "\n  highestUserWastedPercent: " + percent + "\n"))
                .isInstanceOf(PolicyException.class);
    }

    @Test
    void divesAcceptanceConfigPasses() throws Exception {
        // dive's Taskfile runs its reference image against .data/.dive-ci (0.95 / 20Mb / 0.5) and expects exit 0
        Verdict verdict = evaluate("rules:\n  lowestEfficiency: 0.95\n  highestWastedBytes: 20Mb\n  highestUserWastedPercent: 0.5\n");
        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.outcomes()).extracting(RuleOutcome::measured)
                .containsExactly("98.44 %", "32025 bytes", "48.35 %");
    }

    @Test
    void divesDefaultsFailItsOwnImage() throws Exception {
        // no rules set: dive's defaults 0.9 / disabled / 0.1; 0.4835 > 0.1 fails, as `dive --ci` does
        Verdict verdict = evaluate("");
        assertThat(statuses(verdict)).isEqualTo(Map.of("lowestEfficiency", RuleStatus.PASS,
                "highestWastedBytes", RuleStatus.DISABLED, "highestUserWastedPercent", RuleStatus.FAIL));
        assertThat(verdict.passed()).isFalse();
    }
}
