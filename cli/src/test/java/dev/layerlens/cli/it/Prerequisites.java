package dev.layerlens.cli.it;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What the integration tests need from the machine (a Docker daemon, a client, busybox-static,
 * debootstrap, skopeo). Missing pieces skip the tests on a developer's machine, and fail them when
 * {@code LAYERLENS_REQUIRE_DOCKER=1} (CI), so that a broken CI machine cannot pass by skipping.
 */
final class Prerequisites {
    static final String REQUIRE_ENV = "LAYERLENS_REQUIRE_DOCKER";

    private Prerequisites() {
    }

    static boolean required() {
        return "1".equals(System.getenv(REQUIRE_ENV));
    }

    /** Skips (or, when required, fails) the calling test unless {@code present}. */
    static void need(boolean present, String what) {
        if (present) {
            return;
        }
        if (required()) {
            Assertions.fail(what + " (" + REQUIRE_ENV + "=1, so this fails instead of skipping)");
        }
        Assumptions.abort(what + " (set " + REQUIRE_ENV + "=1 to fail instead of skipping)");
    }
}
