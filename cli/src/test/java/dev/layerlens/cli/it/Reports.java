package dev.layerlens.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Runs {@code layerlens analyze -f json} in-process, as a user would run it, and parses what it printed. */
final class Reports {
    private Reports() {
    }

    static JsonNode analyze(String image) {
        return analyze(Map.of(), image);
    }

    /** @param env the environment layerlens sees (CONTAINER_HOST, DOCKER_HOST, …) */
    static JsonNode analyze(Map<String, String> env, String image) {
        Cli run = Cli.run(env, "analyze", "-f", "json", image);
        assertThat(run.code()).as("analyze %s: %s", image, run).isZero();
        return run.json();
    }
}
