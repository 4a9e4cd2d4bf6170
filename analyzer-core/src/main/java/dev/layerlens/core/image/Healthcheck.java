package dev.layerlens.core.image;

import java.util.List;

/** The config's HEALTHCHECK; a test of {@code ["NONE"]} disables an inherited one. */
public record Healthcheck(List<String> test, Long intervalNanos, Long timeoutNanos, Integer retries) {
    public Healthcheck {
        test = test == null ? List.of() : List.copyOf(test);
    }

    public boolean disabled() {
        return test.isEmpty() || test.get(0).equals("NONE");
    }
}
