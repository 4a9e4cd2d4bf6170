package dev.layerlens.core.analysis.grade;

import dev.layerlens.core.analysis.AnalysisContext;
import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.ImageCheck;
import dev.layerlens.core.layer.ContentInspector;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A readiness check whose findings quote history (RUN commands, CMD, HEALTHCHECK) passed through
 * the secret redaction before they leave: a token on a command line must not reach a report
 * because a rule about caches quoted the RUN that made them.
 */
final class RedactingCheck implements ImageCheck {
    private final ImageCheck check;
    private final UnaryOperator<String> untrusted;

    RedactingCheck(ImageCheck check, UnaryOperator<String> untrusted) {
        this.check = check;
        this.untrusted = untrusted;
    }

    @Override
    public ContentInspector contentInspector() {
        return check.contentInspector();
    }

    @Override
    public Set<String> ids() {
        return check.ids();
    }

    @Override
    public List<Finding> findings(AnalysisContext context) {
        return check.findings(context).stream()
                .map(f -> new Finding(f.id(), f.severity(), untrusted.apply(f.title()), f.layerIndex(), f.path(),
                        untrusted.apply(f.evidence()), untrusted.apply(f.remedy()), f.bytes()))
                .toList();
    }
}
