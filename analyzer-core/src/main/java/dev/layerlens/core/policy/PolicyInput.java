package dev.layerlens.core.policy;

import dev.layerlens.core.analysis.DiveMetrics;
import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.report.Report;
import java.util.List;

/**
 * The figures the CI rules judge, taken from a report.
 *
 * @param sizeBytes        Σ layer sizes (dive's definition)
 * @param dive             dive 0.13's metrics
 * @param reclaimableBytes bytes shipped that the final filesystem cannot see
 * @param removableBytes   visible bytes not needed at run time
 * @param grade            the production-readiness letter (A–F); null when the report has none
 * @param findings         every finding of the report
 */
public record PolicyInput(long sizeBytes, DiveMetrics dive, long reclaimableBytes, long removableBytes, String grade,
                          List<Finding> findings) {
    /** The family of the findings whose bytes make up the removable bytes (docs/rules.md). */
    static final String REMOVABLE_FAMILY = "removable/";

    public PolicyInput {
        findings = List.copyOf(findings);
    }

    /**
     * The one place a report's figures are read for the rules. Removable bytes are the sum of the
     * {@code removable/…} findings' bytes (each file counts in one such finding only, docs/rules.md);
     * the report does not carry a grade yet.
     */
    public static PolicyInput of(Report report) {
        long removable = 0;
        for (Finding f : report.findings()) {
            if (f.id().startsWith(REMOVABLE_FAMILY) && f.bytes() != null) {
                removable += f.bytes();
            }
        }
        return new PolicyInput(report.image().sizeBytes(), report.metrics().dive(), report.metrics().reclaimableBytes(),
                removable, null, report.findings());
    }
}
