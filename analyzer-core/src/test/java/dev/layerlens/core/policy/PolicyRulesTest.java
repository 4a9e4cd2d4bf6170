package dev.layerlens.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlens.core.analysis.DiveMetrics;
import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule's comparison at, below and above its threshold, and the verdict over them. */
class PolicyRulesTest {
    /** efficiency 0.75, 300 wasted of 1000 user bytes (ratio 0.3), image 5000 bytes, 700 reclaimable. */
    private static PolicyInput input(String grade, List<Finding> findings) {
        DiveMetrics dive = new DiveMetrics(0.75, 300, 0.3, 5000, 1000, List.of());
        return new PolicyInput(5000, dive, 700, 1200, grade, findings);
    }

    private static PolicyInput input() {
        return input(null, List.of());
    }

    private static RuleStatus status(String yaml, PolicyInput input) throws PolicyException {
        // the one rule the yaml names ("rules: {key: value}"); dive's defaults may sit beside it
        String key = yaml.replaceAll(".*\\{(\\w+):.*", "$1");
        Verdict verdict = PolicyConfig.parse("t", yaml).evaluate(input);
        return verdict.outcomes().stream().filter(o -> o.key().equals(key)).findFirst().orElseThrow().status();
    }

    private static Finding finding(String id, Severity severity, String path) {
        return new Finding(id, severity, "title", 1, path, null, null, null);
    }

    @Test
    void divesComparisonsAreStrict() throws PolicyException {
        // exactly at the threshold passes, as in dive: threshold > efficiency, wasted > threshold, ratio > threshold
        assertThat(status("rules: {lowestEfficiency: 0.75}", input())).isEqualTo(RuleStatus.PASS);
        assertThat(status("rules: {lowestEfficiency: 0.7500001}", input())).isEqualTo(RuleStatus.FAIL);
        assertThat(status("rules: {highestWastedBytes: 300B}", input())).isEqualTo(RuleStatus.PASS);
        assertThat(status("rules: {highestWastedBytes: 299}", input())).isEqualTo(RuleStatus.FAIL);
        assertThat(status("rules: {highestUserWastedPercent: 0.3}", input())).isEqualTo(RuleStatus.PASS);
        assertThat(status("rules: {highestUserWastedPercent: 0.29}", input())).isEqualTo(RuleStatus.FAIL);
    }

    @Test
    void userWastedPercentWithNoUserBytesFollowsDivesDivision() throws PolicyException {
        // wasted 0 / user 0 = NaN: NaN > t is false, passes; wasted 10 / user 0 = +Inf: fails even at 1
        PolicyInput nan = new PolicyInput(10, new DiveMetrics(1.0, 0, null, 10, 0, List.of()), 0, 0, null, List.of());
        PolicyInput inf = new PolicyInput(10, new DiveMetrics(0.5, 10, null, 10, 0, List.of()), 0, 0, null, List.of());
        Policy policy = PolicyConfig.parse("t", "rules: {highestUserWastedPercent: 0}");
        RuleOutcome passes = policy.evaluate(nan).outcomes().get(2);
        assertThat(passes.status()).isEqualTo(RuleStatus.PASS);
        assertThat(passes.measured()).startsWith("n/a");
        Policy lenient = PolicyConfig.parse("t", "rules: {highestUserWastedPercent: 1}");
        assertThat(lenient.evaluate(inf).outcomes().get(2).status()).isEqualTo(RuleStatus.FAIL);
    }

    @Test
    void byteCeilingsAreStrict() throws PolicyException {
        assertThat(status("rules: {maxImageSize: 5kB}", input())).isEqualTo(RuleStatus.PASS);
        assertThat(status("rules: {maxImageSize: 4999}", input())).isEqualTo(RuleStatus.FAIL);
        assertThat(status("rules: {maxReclaimableBytes: 700}", input())).isEqualTo(RuleStatus.PASS);
        assertThat(status("rules: {maxReclaimableBytes: 699}", input())).isEqualTo(RuleStatus.FAIL);
        assertThat(status("rules: {maxRemovableBytes: 1.2kB}", input())).isEqualTo(RuleStatus.PASS);
        assertThat(status("rules: {maxRemovableBytes: 1.199kB}", input())).isEqualTo(RuleStatus.FAIL);
    }

    @Test
    void findingRulesCountTheirFindings() throws PolicyException {
        List<Finding> findings = List.of(finding("secret/aws-access-key-id", Severity.CRITICAL, "/app/.env"),
                finding("config/runs-as-root", Severity.MEDIUM, null),
                finding("fs/world-writable", Severity.MEDIUM, "/srv"));
        PolicyInput with = input(null, findings);
        PolicyInput without = input(null, List.of(finding("fs/world-writable", Severity.MEDIUM, "/srv")));
        assertThat(status("rules: {noSecrets: true}", with)).isEqualTo(RuleStatus.FAIL);
        assertThat(status("rules: {noSecrets: true}", without)).isEqualTo(RuleStatus.PASS);
        assertThat(status("rules: {noRootUser: true}", with)).isEqualTo(RuleStatus.FAIL);
        assertThat(status("rules: {noRootUser: true}", without)).isEqualTo(RuleStatus.PASS);
        assertThat(status("rules: {requireHealthcheck: true}", with)).isEqualTo(RuleStatus.PASS);
        assertThat(status("rules: {requireHealthcheck: true}",
                input(null, List.of(finding("config/no-healthcheck", Severity.LOW, null))))).isEqualTo(RuleStatus.FAIL);
        assertThat(status("rules: {failOn: critical}", with)).isEqualTo(RuleStatus.FAIL);
        assertThat(status("rules: {failOn: critical}", without)).isEqualTo(RuleStatus.PASS);
        assertThat(status("rules: {failOn: medium}", without)).isEqualTo(RuleStatus.FAIL);
        assertThat(status("rules: {failOn: high}", without)).isEqualTo(RuleStatus.PASS);

        RuleOutcome secrets = PolicyConfig.parse("t", "rules: {noSecrets: true}").evaluate(with).outcomes().get(3);
        assertThat(secrets.message()).isEqualTo("1 secret: secret/aws-access-key-id /app/.env (layer 1)");
    }

    @Test
    void minimumGradeComparesLettersAndFailsWithoutAGrade() throws PolicyException {
        assertThat(status("rules: {minimumGrade: B}", input("A", List.of()))).isEqualTo(RuleStatus.PASS);
        assertThat(status("rules: {minimumGrade: B}", input("B", List.of()))).isEqualTo(RuleStatus.PASS);
        assertThat(status("rules: {minimumGrade: B}", input("C", List.of()))).isEqualTo(RuleStatus.FAIL);
        assertThat(status("rules: {minimumGrade: F}", input("F", List.of()))).isEqualTo(RuleStatus.PASS);
        RuleOutcome none = PolicyConfig.parse("t", "rules: {minimumGrade: F}").evaluate(input()).outcomes().get(3);
        assertThat(none.status()).isEqualTo(RuleStatus.FAIL);
        assertThat(none.message()).contains("no readiness grade");
    }

    @Test
    void theVerdictFailsWhenOneRuleFailsAndIgnoresDisabledOnes() throws PolicyException {
        Verdict verdict = PolicyConfig.parse("t", """
                rules:
                  lowestEfficiency: 0.5
                  highestWastedBytes: disabled
                  highestUserWastedPercent: 0.1
                """).evaluate(input());
        assertThat(verdict.outcomes()).extracting(RuleOutcome::status)
                .containsExactly(RuleStatus.PASS, RuleStatus.DISABLED, RuleStatus.FAIL);
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failed()).extracting(RuleOutcome::key).containsExactly("highestUserWastedPercent");
        assertThat(verdict.count(RuleStatus.DISABLED)).isEqualTo(1);
    }
}
