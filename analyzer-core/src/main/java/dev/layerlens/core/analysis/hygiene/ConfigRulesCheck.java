package dev.layerlens.core.analysis.hygiene;

import dev.layerlens.core.analysis.AnalysisContext;
import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.ImageCheck;
import dev.layerlens.core.analysis.Severity;
import dev.layerlens.core.image.ImageConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Map;

/**
 * The config's one-line rules: {@code config/exposes-ssh} (EXPOSE 22), {@code config/volume-on-system-path}
 * (VOLUME on /sys, /dev, /proc or below) and {@code config/missing-oci-labels}.
 */
public final class ConfigRulesCheck implements ImageCheck {
    public static final String SSH_ID = "config/exposes-ssh";
    public static final String VOLUME_ID = "config/volume-on-system-path";
    public static final String LABELS_ID = "config/missing-oci-labels";
    static final List<String> OCI_LABELS = List.of("org.opencontainers.image.version",
            "org.opencontainers.image.revision", "org.opencontainers.image.source");
    private static final List<String> SYSTEM_PATHS = List.of("/sys", "/dev", "/proc");

    @Override
    public Set<String> ids() {
        return Set.of(SSH_ID, VOLUME_ID, LABELS_ID);
    }

    @Override
    public List<Finding> findings(AnalysisContext context) {
        ImageConfig config = context.image().config();
        List<Finding> out = new ArrayList<>();
        for (String port : config.exposedPorts()) {
            if (port.equals("22") || port.equals("22/tcp")) {
                out.add(new Finding(SSH_ID, Severity.MEDIUM, "The image exposes the SSH port", null, null,
                        "EXPOSE " + port, "drop EXPOSE 22 and the SSH server: use docker exec / kubectl exec to get a shell",
                        null));
            }
        }
        for (String volume : config.volumes()) {
            String path = volume.length() > 1 && volume.endsWith("/") ? volume.substring(0, volume.length() - 1) : volume;
            for (String system : SYSTEM_PATHS) {
                if (path.equals(system) || path.startsWith(system + "/")) {
                    out.add(new Finding(VOLUME_ID, Severity.MEDIUM, "A VOLUME sits on a kernel filesystem", null, path,
                            "VOLUME " + volume + " hides the " + system + " the runtime mounts there",
                            "remove the VOLUME; mount what the container needs at run time (-v, a Kubernetes volume)",
                            null));
                }
            }
        }
        Map<String, String> labels = config.labels();
        List<String> missing = OCI_LABELS.stream().filter(l -> labels.getOrDefault(l, "").isBlank()).toList();
        if (!missing.isEmpty()) {
            out.add(new Finding(LABELS_ID, Severity.LOW, "OCI labels are missing", null, null,
                    "no " + String.join(", ", missing),
                    "add LABEL " + String.join("=… ", missing) + "=… (docker build --label, or the build tool's metadata)",
                    null));
        }
        return out;
    }
}
