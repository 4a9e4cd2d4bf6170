package dev.layerlens.core.analysis.grade;

import dev.layerlens.core.analysis.ImageCheck;
import dev.layerlens.core.analysis.cache.AptUpdateSplitCheck;
import dev.layerlens.core.analysis.cache.CacheOrderCheck;
import dev.layerlens.core.analysis.hygiene.CommandFormCheck;
import dev.layerlens.core.analysis.hygiene.ConfigRulesCheck;
import dev.layerlens.core.analysis.hygiene.HealthcheckCheck;
import dev.layerlens.core.analysis.hygiene.ImageTagCheck;
import dev.layerlens.core.analysis.hygiene.RunsAsRootCheck;
import dev.layerlens.core.analysis.hygiene.SpecialPermissionsCheck;
import dev.layerlens.core.analysis.hygiene.SudoCheck;
import dev.layerlens.core.analysis.removable.LayerDuplicationCheck;
import dev.layerlens.core.analysis.removable.RemovableCheck;
import java.util.List;

/** The production-readiness checks (docs/rules.md), fresh instances for one analysis run. */
public final class ReadinessChecks {
    private ReadinessChecks() {
    }

    public static List<ImageCheck> create() {
        return List.of(new RunsAsRootCheck(), new HealthcheckCheck(), new CommandFormCheck(), new ConfigRulesCheck(),
                new ImageTagCheck(), new SudoCheck(), new SpecialPermissionsCheck(), new RemovableCheck(),
                new LayerDuplicationCheck(), new CacheOrderCheck(), new AptUpdateSplitCheck());
    }
}
