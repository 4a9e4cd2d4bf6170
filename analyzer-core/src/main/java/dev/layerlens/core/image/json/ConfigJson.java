package dev.layerlens.core.image.json;

import java.util.ArrayList;
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

    static ConfigJson from(JsonObject o) throws WireJson.InvalidJsonException {
        JsonObject config = o.object("config");
        JsonObject rootfs = o.object("rootfs");
        List<History> history = new ArrayList<>();
        List<JsonObject> entries = o.objects("history");
        if (entries != null) {
            for (JsonObject h : entries) {
                history.add(new History(h.string("created"), h.string("created_by"), h.string("comment"),
                        h.bool("empty_layer")));
            }
        }
        return new ConfigJson(o.string("architecture"), o.string("os"), o.string("variant"), o.string("created"),
                config == null ? null : ContainerConfig.from(config), history,
                rootfs == null ? null : new RootFs(rootfs.string("type"), rootfs.strings("diff_ids")));
    }

    /** The {@code config} object: what a container of this image runs with. */
    public record ContainerConfig(
            String user,
            List<String> env,
            List<String> entrypoint,
            List<String> cmd,
            String workingDir,
            List<String> exposedPorts,
            List<String> volumes,
            Map<String, String> labels,
            HealthcheckJson healthcheck) {

        static ContainerConfig from(JsonObject c) throws WireJson.InvalidJsonException {
            JsonObject hc = c.object("Healthcheck");
            return new ContainerConfig(c.string("User"), c.strings("Env"), c.strings("Entrypoint"), c.strings("Cmd"),
                    c.string("WorkingDir"), c.keys("ExposedPorts"), c.keys("Volumes"), c.stringMap("Labels"),
                    hc == null ? null : new HealthcheckJson(hc.strings("Test"), hc.number("Interval"),
                            hc.number("Timeout"), hc.number("Retries")));
        }
    }

    public record HealthcheckJson(List<String> test, Long interval, Long timeout, Long retries) {
    }

    public record History(String created, String createdBy, String comment, Boolean emptyLayer) {
    }

    public record RootFs(String type, List<String> diffIds) {
    }
}
