package dev.layerlens.core.image;

import java.util.List;
import java.util.Map;

/** The parts of an image config that analyses read. Collections are never null. */
public record ImageConfig(
        Platform platform,
        String created,
        String user,
        List<String> env,
        List<String> entrypoint,
        List<String> cmd,
        String workingDir,
        List<String> exposedPorts,
        List<String> volumes,
        Map<String, String> labels,
        Healthcheck healthcheck,
        List<HistoryEntry> history,
        List<Digest> diffIds) {

    public ImageConfig {
        env = List.copyOf(env);
        entrypoint = List.copyOf(entrypoint);
        cmd = List.copyOf(cmd);
        exposedPorts = List.copyOf(exposedPorts);
        volumes = List.copyOf(volumes);
        labels = Map.copyOf(labels);
        history = List.copyOf(history);
        diffIds = List.copyOf(diffIds);
    }
}
