package dev.layerlens.cli;

import dev.layerlens.core.analysis.ImageCheck;
import java.util.List;

/** The checks {@code analyze} runs; each run gets fresh instances. */
final class Checks {
    private Checks() {
    }

    static List<ImageCheck> all() {
        return List.of();
    }
}
