package dev.layerlens.core.analysis.grade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadinessAnalysisTest {

    private static Finding finding(String id, Severity severity, Integer layer, Long bytes) {
        return new Finding(id, severity, "t", layer, null, null, null, bytes);
    }

    @Test
    void eachIdCountsOnceAtItsWorstSeverity() {
        List<Finding> findings = List.of(
                finding("config/runs-as-root", Severity.MEDIUM, null, null),
                finding("fs/setuid-setgid", Severity.LOW, 0, null),
                finding("fs/setuid-setgid", Severity.LOW, 0, null),
                finding("fs/world-writable", Severity.MEDIUM, 1, null),
                finding("fs/world-writable", Severity.HIGH, 1, null),
                finding("config/healthcheck-inherited", Severity.INFO, null, null),
                finding("secret/aws-access-key-id", Severity.CRITICAL, 2, null));
        Grade grade = ReadinessAnalysis.grade(findings, 0, 0, 1_000);
        assertThat(grade.deductions()).extracting(Grade.Deduction::reason, Grade.Deduction::points).containsExactly(
                tuple("secret/aws-access-key-id (critical)", 40),
                tuple("fs/world-writable ×2 (high)", 20),
                tuple("config/runs-as-root (medium)", 10),
                tuple("fs/setuid-setgid ×2 (low)", 4));
        assertThat(grade.score()).isEqualTo(26);
        assertThat(grade.letter()).isEqualTo("F");
    }

    @Test
    void deadWeightIsScoredByBytesNotByFindings() {
        List<Finding> findings = List.of(
                finding("removable/npm-cache", Severity.MEDIUM, 3, 100L),
                finding("waste/layer-duplication", Severity.MEDIUM, 4, 50L),
                finding("build/use-multi-stage", Severity.LOW, null, 300L),
                finding("config/no-healthcheck", Severity.LOW, null, null));
        // (150 removable + 50 reclaimable) / 1000 = 20 % → round(60 × 0.2) = 12
        Grade grade = ReadinessAnalysis.grade(findings, 150, 50, 1_000);
        assertThat(grade.deductions()).extracting(Grade.Deduction::reason, Grade.Deduction::points).containsExactly(
                tuple("dead weight: 20.0 % of the image is removable or hidden", 12),
                tuple("config/no-healthcheck (low)", 4));
        assertThat(grade.score()).isEqualTo(84);
        assertThat(grade.letter()).isEqualTo("B");
    }

    @Test
    void deadWeightIsCapped() {
        Grade grade = ReadinessAnalysis.grade(List.of(), 900, 100, 1_000);
        assertThat(grade.deductions()).extracting(Grade.Deduction::points).containsExactly(30);
        assertThat(grade.letter()).isEqualTo("C");
    }

    @Test
    void letterBands() {
        assertThat(List.of(100, 90, 89, 80, 79, 70, 69, 60, 59, 50, 49, 0)).extracting(ReadinessAnalysis::letter)
                .containsExactly("A", "A", "B", "B", "C", "C", "D", "D", "E", "E", "F", "F");
    }

    @Test
    void winsAreGroupedByIdLargestFirst() {
        List<Finding> findings = List.of(
                finding("removable/apt-lists", Severity.LOW, 1, 9_000_000L),
                finding("removable/apt-lists", Severity.LOW, 4, 2_000_000L),
                finding("removable/dev-dependencies", Severity.LOW, 5, 30_000_000L),
                finding("waste/cache-cleaned-in-later-layer", Severity.LOW, 2, 4_000_000L),
                finding("build/apt-update-separate-layer", Severity.LOW, 2, 4_000_000L),
                finding("cache/copy-before-dependency-install", Severity.MEDIUM, 3, 60_000_000L),
                finding("config/runs-as-root", Severity.MEDIUM, null, null));
        List<Win> wins = ReadinessAnalysis.Wins.of(findings, 5_000_000);
        assertThat(wins).extracting(Win::id, Win::bytes, Win::layers).containsExactly(
                tuple("cache/copy-before-dependency-install", 60_000_000L, List.of(3)),
                tuple("removable/dev-dependencies", 30_000_000L, List.of(5)),
                tuple("removable/apt-lists", 11_000_000L, List.of(1, 4)),
                tuple("waste/cache-cleaned-in-later-layer", 4_000_000L, List.of(2)),
                tuple("reclaimable", 1_000_000L, List.of()));
    }
}
