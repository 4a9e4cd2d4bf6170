package dev.layerlens.core.analysis;

import dev.layerlens.core.layer.ContentInspector;
import java.util.List;
import java.util.Set;

/**
 * One analysis that turns what the scan found into findings. A fresh instance serves one analysis
 * run, so a check may gather file contents during the scan (through its inspector) and use them
 * when asked for findings.
 */
public interface ImageCheck {

    /** An inspector to run during the layer scan, or null when the check needs no file contents. */
    default ContentInspector contentInspector() {
        return null;
    }

    /**
     * Every finding id this check can report, each documented in docs/rules.md. Ids are a contract
     * (CI policies and SARIF rules key on them), so the analysis refuses a finding whose id its
     * check did not declare.
     */
    Set<String> ids();

    List<Finding> findings(AnalysisContext context);
}
