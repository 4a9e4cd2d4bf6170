package dev.layerlens.testdata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code config} object of an image config (what a container runs with). Null fields and empty
 * collections are left out of the JSON, as docker leaves them out.
 *
 * @param exposedPorts e.g. {@code 8080/tcp}
 * @param volumes      e.g. {@code /data}
 */
public record ConfigSpec(String user, List<String> env, List<String> entrypoint, List<String> cmd, String workingDir,
                         Map<String, String> labels, HealthcheckSpec healthcheck, List<String> exposedPorts,
                         List<String> volumes) {

    public static final ConfigSpec EMPTY = builder().build();

    /**
     * @param test           e.g. {@code ["CMD-SHELL", "curl -f http://localhost/"]}, or {@code ["NONE"]}
     * @param intervalNanos  null to omit
     */
    public record HealthcheckSpec(List<String> test, Long intervalNanos, Long timeoutNanos, Integer retries) {
    }

    public ConfigSpec {
        env = List.copyOf(env);
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        cmd = cmd == null ? null : List.copyOf(cmd);
        labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        exposedPorts = List.copyOf(exposedPorts);
        volumes = List.copyOf(volumes);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String user;
        private final List<String> env = new ArrayList<>();
        private List<String> entrypoint;
        private List<String> cmd;
        private String workingDir;
        private final Map<String, String> labels = new LinkedHashMap<>();
        private HealthcheckSpec healthcheck;
        private final List<String> exposedPorts = new ArrayList<>();
        private final List<String> volumes = new ArrayList<>();

        public Builder user(String value) {
            user = value;
            return this;
        }

        public Builder env(String... values) {
            env.addAll(List.of(values));
            return this;
        }

        public Builder entrypoint(String... values) {
            entrypoint = List.of(values);
            return this;
        }

        public Builder cmd(String... values) {
            cmd = List.of(values);
            return this;
        }

        public Builder workingDir(String value) {
            workingDir = value;
            return this;
        }

        public Builder label(String key, String value) {
            labels.put(key, value);
            return this;
        }

        public Builder healthcheck(HealthcheckSpec value) {
            healthcheck = value;
            return this;
        }

        public Builder expose(String... ports) {
            exposedPorts.addAll(List.of(ports));
            return this;
        }

        public Builder volume(String... paths) {
            volumes.addAll(List.of(paths));
            return this;
        }

        public ConfigSpec build() {
            return new ConfigSpec(user, env, entrypoint, cmd, workingDir, labels, healthcheck, exposedPorts, volumes);
        }
    }
}
