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
import dev.layerlens.core.analysis.secrets.Disclosure;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** The production-readiness checks (docs/rules.md), fresh instances for one analysis run. */
public final class ReadinessChecks {
    private ReadinessChecks() {
    }

    /** True when {@code checks} include the readiness checks: only then are removable bytes measured and a grade due. */
    public static boolean includedIn(List<ImageCheck> checks) {
        return checks.stream().anyMatch(RedactingCheck.class::isInstance);
    }

    /** The checks with secrets in their findings' text redacted. */
    public static List<ImageCheck> create() {
        return create(Disclosure.REDACT::text);
    }

    /**
     * @param untrusted applied to every finding's title, evidence and remedy (they quote history, which
     *                  can hold secrets): redaction, or identity under {@code --show-secrets}
     */
    public static List<ImageCheck> create(UnaryOperator<String> untrusted) {
        return of(untrusted, new RunsAsRootCheck(), new HealthcheckCheck(), new CommandFormCheck(), new ConfigRulesCheck(),
                new ImageTagCheck(), new SudoCheck(), new SpecialPermissionsCheck(), new RemovableCheck(),
                new LayerDuplicationCheck(), new CacheOrderCheck(), new AptUpdateSplitCheck());
    }

    /** Some readiness checks (a test of one rule): their findings' text through {@code untrusted}, the run graded. */
    public static List<ImageCheck> of(UnaryOperator<String> untrusted, ImageCheck... checks) {
        return Stream.of(checks).<ImageCheck>map(check -> new RedactingCheck(check, untrusted)).toList();
    }
}
