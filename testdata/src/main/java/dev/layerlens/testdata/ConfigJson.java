package dev.layerlens.testdata;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The image config blob, in docker's field order. */
final class ConfigJson {
    private ConfigJson() {
    }

    static ObjectNode of(ImageSpec spec, List<String> diffIds) {
        ObjectNode root = Json.object();
        root.put("architecture", spec.platform().architecture());
        root.set("config", container(spec.config()));
        root.put("created", spec.created());
        if (spec.history() != null) {
            ArrayNode history = root.putArray("history");
            for (HistorySpec h : spec.history()) {
                history.add(history(h));
            }
        }
        root.put("os", spec.platform().os());
        ObjectNode rootfs = root.putObject("rootfs");
        rootfs.put("type", "layers");
        rootfs.set("diff_ids", Json.strings(diffIds));
        if (spec.platform().variant() != null) {
            root.put("variant", spec.platform().variant());
        }
        return root;
    }

    private static ObjectNode container(ConfigSpec c) {
        ObjectNode node = Json.object();
        if (c.user() != null) {
            node.put("User", c.user());
        }
        if (!c.exposedPorts().isEmpty()) {
            ObjectNode ports = node.putObject("ExposedPorts");
            c.exposedPorts().forEach(p -> ports.putObject(p));
        }
        if (!c.env().isEmpty()) {
            node.set("Env", Json.strings(c.env()));
        }
        if (c.entrypoint() != null) {
            node.set("Entrypoint", Json.strings(c.entrypoint()));
        }
        if (c.cmd() != null) {
            node.set("Cmd", Json.strings(c.cmd()));
        }
        if (c.healthcheck() != null) {
            node.set("Healthcheck", healthcheck(c.healthcheck()));
        }
        if (!c.volumes().isEmpty()) {
            ObjectNode volumes = node.putObject("Volumes");
            c.volumes().forEach(v -> volumes.putObject(v));
        }
        if (c.workingDir() != null) {
            node.put("WorkingDir", c.workingDir());
        }
        if (!c.labels().isEmpty()) {
            ObjectNode labels = node.putObject("Labels");
            c.labels().forEach(labels::put);
        }
        return node;
    }

    private static ObjectNode healthcheck(ConfigSpec.HealthcheckSpec h) {
        ObjectNode node = Json.object();
        node.set("Test", Json.strings(h.test()));
        if (h.intervalNanos() != null) {
            node.put("Interval", h.intervalNanos());
        }
        if (h.timeoutNanos() != null) {
            node.put("Timeout", h.timeoutNanos());
        }
        if (h.retries() != null) {
            node.put("Retries", h.retries());
        }
        return node;
    }

    private static ObjectNode history(HistorySpec h) {
        ObjectNode node = Json.object();
        if (h.created() != null) {
            node.put("created", h.created());
        }
        if (h.createdBy() != null) {
            node.put("created_by", h.createdBy());
        }
        if (h.comment() != null) {
            node.put("comment", h.comment());
        }
        if (h.emptyLayer()) {
            node.put("empty_layer", true);
        }
        return node;
    }
}
