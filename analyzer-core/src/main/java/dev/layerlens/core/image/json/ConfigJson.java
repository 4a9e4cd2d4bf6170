package dev.layerlens.core.image.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** Wire form of an image config blob (OCI image config / Docker container image v1). */
public record ConfigJson(
        String architecture,
        String os,
        String variant,
        String created,
        ContainerConfig config,
        List<History> history,
        RootFs rootfs) {

    /** The {@code config} object: what a container of this image runs with. */
    public record ContainerConfig(
            @JsonProperty("User") String user,
            @JsonProperty("Env") List<String> env,
            @JsonProperty("Entrypoint") List<String> entrypoint,
            @JsonProperty("Cmd") List<String> cmd,
            @JsonProperty("WorkingDir") String workingDir,
            @JsonProperty("ExposedPorts") Map<String, Object> exposedPorts,
            @JsonProperty("Volumes") Map<String, Object> volumes,
            @JsonProperty("Labels") Map<String, String> labels,
            @JsonProperty("Healthcheck") HealthcheckJson healthcheck) {
    }

    public record HealthcheckJson(
            @JsonProperty("Test") List<String> test,
            @JsonProperty("Interval") Long interval,
            @JsonProperty("Timeout") Long timeout,
            @JsonProperty("Retries") Integer retries) {
    }

    public record History(
            String created,
            @JsonProperty("created_by") String createdBy,
            String comment,
            @JsonProperty("empty_layer") Boolean emptyLayer) {
    }

    public record RootFs(String type, @JsonProperty("diff_ids") List<String> diffIds) {
    }
}
