package dev.layerlens.core.report;

import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.Severity;
import dev.layerlens.core.policy.RuleOutcome;
import dev.layerlens.core.policy.RuleStatus;
import dev.layerlens.core.policy.Verdict;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The CI gate's concise verdict: one line per rule, then PASS or FAIL with the tally (dive's shape). */
public final class VerdictTextWriter {
    private VerdictTextWriter() {
    }

    public static void write(Report report, Verdict verdict, PrintWriter out) {
        Report.ImageSummary image = report.image();
        out.printf("layerlens CI: %s (%s in %d layers), rules from %s%n", TerminalText.sanitize(image.reference()),
                Sizes.si(image.sizeBytes()), image.layerCount(), TerminalText.sanitize(verdict.source()));
        int keyWidth = verdict.outcomes().stream().mapToInt(o -> o.key().length()).max().orElse(10);
        int thresholdWidth = verdict.outcomes().stream().mapToInt(o -> TerminalText.sanitize(o.threshold()).length())
                .max().orElse(8);
        for (RuleOutcome o : verdict.outcomes()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-4s  %-" + keyWidth + "s  %-"
                    + thresholdWidth + "s", label(o.status()), o.key(), TerminalText.sanitize(o.threshold())));
            if (o.measured() != null) {
                line.append("  ").append(o.measured());
            }
            if (o.message() != null) {
                line.append(": ").append(TerminalText.sanitize(o.message()));
            }
            out.println(line.toString().stripTrailing());
        }
        if (!report.findings().isEmpty()) {
            out.println("  findings: " + findingCounts(report));
        }
        out.printf("%s [pass:%d fail:%d skip:%d]%n", verdict.passed() ? "PASS" : "FAIL", verdict.count(RuleStatus.PASS),
                verdict.count(RuleStatus.FAIL), verdict.count(RuleStatus.DISABLED));
        out.flush();
    }

    static String label(RuleStatus status) {
        return status == RuleStatus.DISABLED ? "SKIP" : status.name();
    }

    /** {@code 3 (1 critical, 2 medium)}. */
    static String findingCounts(Report report) {
        Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
        for (Finding f : report.findings()) {
            bySeverity.merge(f.severity(), 1L, Long::sum);
        }
        return report.findings().size() + " (" + bySeverity.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().id()).collect(Collectors.joining(", ")) + ")";
    }
}
