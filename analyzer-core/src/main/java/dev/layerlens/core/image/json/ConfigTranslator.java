package dev.layerlens.core.image.json;

import dev.layerlens.core.image.Digest;
import dev.layerlens.core.image.Healthcheck;
import dev.layerlens.core.image.HistoryEntry;
import dev.layerlens.core.image.ImageConfig;
import dev.layerlens.core.image.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns a config blob into the {@link ImageConfig} model. */
public final class ConfigTranslator {
    private ConfigTranslator() {
    }

    public static ImageConfig toImageConfig(byte[] configBytes, String what) throws WireJson.InvalidJsonException {
        ConfigJson json = WireJson.readConfig(configBytes, what);
        if (json.rootfs() == null) {
            throw new WireJson.InvalidJsonException(what + " has no rootfs: it is not an image config");
        }
        List<Digest> diffIds = new ArrayList<>();
        for (String id : orEmpty(json.rootfs().diffIds())) {
            try {
                diffIds.add(Digest.parse(id));
            } catch (IllegalArgumentException e) {
                throw new WireJson.InvalidJsonException(what + " lists an invalid diff_id: " + id);
            }
        }
        List<HistoryEntry> history = new ArrayList<>();
        for (ConfigJson.History h : orEmpty(json.history())) {
            history.add(new HistoryEntry(h.created(), h.createdBy(), h.comment(), Boolean.TRUE.equals(h.emptyLayer())));
        }
        ConfigJson.ContainerConfig c = json.config();
        ConfigJson.HealthcheckJson hc = c == null ? null : c.healthcheck();
        return new ImageConfig(
                new Platform(json.os(), json.architecture(), json.variant()),
                json.created(),
                c == null || c.user() == null ? "" : c.user(),
                c == null ? List.of() : orEmpty(c.env()),
                c == null ? List.of() : orEmpty(c.entrypoint()),
                c == null ? List.of() : orEmpty(c.cmd()),
                c == null || c.workingDir() == null ? "" : c.workingDir(),
                c == null ? List.of() : orEmpty(c.exposedPorts()),
                c == null ? List.of() : orEmpty(c.volumes()),
                c == null || c.labels() == null ? Map.of() : c.labels(),
                hc == null ? null : new Healthcheck(hc.test(), hc.interval(), hc.timeout(),
                        hc.retries() == null ? null : hc.retries().intValue()),
                history,
                diffIds);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        if (list == null) {
            return List.of();
        }
        List<T> out = new ArrayList<>(list);
        out.removeIf(java.util.Objects::isNull);
        return out;
    }
}
