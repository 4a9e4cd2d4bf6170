package dev.layerlens.core.analysis;

import dev.layerlens.core.layer.ContentInspector;
import java.util.List;

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

    List<Finding> findings(AnalysisContext context);
}
