package dev.layerlens.core.analysis.hygiene;

import dev.layerlens.core.analysis.AnalysisContext;
import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.ImageCheck;
import dev.layerlens.core.analysis.Severity;
import dev.layerlens.core.analysis.dockerfile.BuildHistory;
import dev.layerlens.core.analysis.dockerfile.Instruction;
import dev.layerlens.core.image.Healthcheck;
import java.util.List;
import java.util.Set;

/**
 * {@code config/no-healthcheck}: nothing tells the orchestrator whether the application inside works
 * ({@code HEALTHCHECK NONE} counts as none). {@code config/healthcheck-inherited} (info): the health
 * check comes from the base image, which knows nothing about this application.
 */
public final class HealthcheckCheck implements ImageCheck {
    public static final String NONE_ID = "config/no-healthcheck";
    public static final String INHERITED_ID = "config/healthcheck-inherited";

    @Override
    public Set<String> ids() {
        return Set.of(NONE_ID, INHERITED_ID);
    }

    @Override
    public List<Finding> findings(AnalysisContext context) {
        Healthcheck healthcheck = context.image().config().healthcheck();
        if (healthcheck == null || healthcheck.disabled()) {
            String evidence = healthcheck == null ? "the config has no Healthcheck"
                    : "HEALTHCHECK NONE: the check is switched off";
            return List.of(new Finding(NONE_ID, Severity.LOW, "No HEALTHCHECK", null, null, evidence,
                    "add HEALTHCHECK CMD <a probe of the application> (e.g. wget -q --spider http://localhost:8080/health)",
                    null));
        }
        BuildHistory history = BuildHistory.of(context.image());
        Instruction last = null;
        for (Instruction i : history.instructions()) {
            if (i.is("HEALTHCHECK")) {
                last = i;
            }
        }
        if (last != null && history.isBase(last)) {
            return List.of(new Finding(INHERITED_ID, Severity.INFO, "The HEALTHCHECK comes from the base image", null,
                    null, "HEALTHCHECK " + last.arguments() + " (history entry " + last.historyIndex()
                    + ", before this image's own build steps)",
                    "check that the inherited probe tests this application; otherwise declare your own HEALTHCHECK",
                    null));
        }
        return List.of();
    }
}
