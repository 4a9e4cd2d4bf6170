package dev.layerlens.core.source.daemon;

import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.ImageHistory;
import dev.layerlens.core.image.Digest;
import dev.layerlens.core.image.Healthcheck;
import dev.layerlens.core.image.HistoryEntry;
import dev.layerlens.core.image.ImageConfig;
import dev.layerlens.core.image.Platform;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a daemon tells of an image at once (inspect and history), before its save is read: the
 * image ID, the diffIDs, and a config close to the real one. Two things cannot be had this way:
 * the history's {@code empty_layer} flags (the history API lists every step with a size, and a
 * step that made an empty layer also has size 0), and the config's exact bytes. The save stream
 * supplies the config; until then empty steps are guessed (a size, or a step that only sets
 * metadata).
 *
 * @param diffIds the layers in order ({@code RootFS.Layers})
 */
record InspectedImage(Digest id, List<Digest> diffIds, ImageConfig config) {
    /** History steps that only change the config: they make no layer. */
    private static final Pattern METADATA_STEP = Pattern.compile(
            "(?:/bin/sh -c )?#\\(nop\\) +(?!ADD |COPY ).*|(?:ENV|LABEL|CMD|ENTRYPOINT|EXPOSE|USER|ARG|VOLUME|STOPSIGNAL"
                    + "|HEALTHCHECK|ONBUILD|SHELL|MAINTAINER) .*", Pattern.DOTALL);

    static InspectedImage of(InspectImageResponse inspect, List<ImageHistory> historyNewestFirst) {
        List<Digest> diffIds = new ArrayList<>();
        if (inspect.getRootFS() != null && inspect.getRootFS().getLayers() != null) {
            for (String layer : inspect.getRootFS().getLayers()) {
                diffIds.add(Digest.parse(layer));
            }
        }
        ContainerConfig c = inspect.getConfig();
        HealthCheck hc = c == null ? null : c.getHealthcheck();
        ImageConfig config = new ImageConfig(
                new Platform(inspect.getOs(), inspect.getArch(), ""),
                inspect.getCreated(),
                c == null || c.getUser() == null ? "" : c.getUser(),
                list(c == null ? null : c.getEnv()),
                list(c == null ? null : c.getEntrypoint()),
                list(c == null ? null : c.getCmd()),
                c == null || c.getWorkingDir() == null ? "" : c.getWorkingDir(),
                ports(c == null ? null : c.getExposedPorts()),
                c == null || c.getVolumes() == null ? List.of() : List.copyOf(c.getVolumes().keySet()),
                c == null || c.getLabels() == null ? Map.of() : c.getLabels(),
                hc == null ? null : new Healthcheck(hc.getTest(), hc.getInterval(), hc.getTimeout(), hc.getRetries()),
                history(historyNewestFirst, diffIds.size()),
                diffIds);
        return new InspectedImage(Digest.parse(inspect.getId()), diffIds, config);
    }

    /** Oldest first, with {@code empty_layer} guessed so that the non-empty steps number the layers when possible. */
    static List<HistoryEntry> history(List<ImageHistory> newestFirst, int layerCount) {
        List<ImageHistory> steps = new ArrayList<>(newestFirst == null ? List.of() : newestFirst);
        java.util.Collections.reverse(steps);
        boolean[] layer = new boolean[steps.size()];
        int count = 0;
        for (int i = 0; i < steps.size(); i++) {
            Long size = steps.get(i).getSize();
            if (size != null && size > 0) {
                layer[i] = true;
                count++;
            }
        }
        for (int i = 0; i < steps.size() && count < layerCount; i++) {
            if (!layer[i] && !METADATA_STEP.matcher(createdBy(steps.get(i))).matches()) {
                layer[i] = true;
                count++;
            }
        }
        List<HistoryEntry> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            ImageHistory h = steps.get(i);
            String created = h.getCreated() == null ? null : Instant.ofEpochSecond(h.getCreated()).toString();
            out.add(new HistoryEntry(created, createdBy(h), h.getComment(), !layer[i]));
        }
        return out;
    }

    private static String createdBy(ImageHistory h) {
        return h.getCreatedBy() == null ? "" : h.getCreatedBy();
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.stream(values).filter(java.util.Objects::nonNull).toList();
    }

    private static List<String> ports(ExposedPort[] ports) {
        if (ports == null) {
            return List.of();
        }
        return Arrays.stream(ports).map(p -> p.getPort() + "/" + p.getProtocol().toString().toLowerCase(Locale.ROOT)).toList();
    }
}
