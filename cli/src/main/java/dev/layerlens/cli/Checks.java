package dev.layerlens.cli;

import dev.layerlens.core.analysis.ImageCheck;
import dev.layerlens.core.analysis.grade.ReadinessChecks;
import java.util.ArrayList;
import java.util.List;

/** The checks {@code analyze} runs; each run gets fresh instances. */
final class Checks {
    private Checks() {
    }

    static List<ImageCheck> all() {
        List<ImageCheck> checks = new ArrayList<>();
        checks.addAll(ReadinessChecks.create());
        return checks;
    }
}
