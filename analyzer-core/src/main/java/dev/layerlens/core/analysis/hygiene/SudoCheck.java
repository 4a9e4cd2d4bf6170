package dev.layerlens.core.analysis.hygiene;

import com.google.re2j.Pattern;
import dev.layerlens.core.analysis.AnalysisContext;
import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.ImageCheck;
import dev.layerlens.core.analysis.Severity;
import dev.layerlens.core.analysis.dockerfile.BuildHistory;
import dev.layerlens.core.analysis.dockerfile.Instruction;
import dev.layerlens.core.fs.FileNode;
import dev.layerlens.core.fs.FileVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code fs/sudo-installed}: a sudo binary is in the final filesystem (a way back to root for anyone
 * who gets a shell). {@code build/sudo-in-run}: a RUN step calls sudo (build steps already run as the
 * USER of the Dockerfile; switch USER instead).
 */
public final class SudoCheck implements ImageCheck {
    public static final String INSTALLED_ID = "fs/sudo-installed";
    public static final String USED_ID = "build/sudo-in-run";
    private static final List<String> LOCATIONS = List.of("usr/bin/sudo", "bin/sudo", "usr/sbin/sudo", "sbin/sudo",
            "usr/local/bin/sudo", "usr/local/sbin/sudo");
    /** sudo as a command word: at the start or after a separator, followed by a space. */
    private static final Pattern SUDO_WORD = Pattern.compile("(?:^|[;&|(`]|\\$\\(|\\s)sudo\\s");

    @Override
    public Set<String> ids() {
        return Set.of(INSTALLED_ID, USED_ID);
    }

    @Override
    public List<Finding> findings(AnalysisContext context) {
        List<Finding> out = new ArrayList<>();
        for (String location : LOCATIONS) {
            FileNode node = context.tree().find(location);
            FileVersion version = node == null ? null : node.visibleVersion();
            if (version != null && !version.isDirectory()) {
                out.add(new Finding(INSTALLED_ID, Severity.MEDIUM, "sudo is installed", version.layer(), "/" + location,
                        "/" + location + " (" + version.type().name().toLowerCase(java.util.Locale.ROOT) + ", layer "
                                + version.layer() + ")",
                        "do not install sudo; run as an unprivileged USER and do privileged set-up in the build", null));
            }
        }
        for (Instruction i : BuildHistory.of(context.image()).instructions()) {
            if (i.is("RUN") && SUDO_WORD.matcher(i.arguments()).find()) {
                out.add(new Finding(USED_ID, Severity.LOW, "A RUN step uses sudo", i.layerIndex(), null,
                        "history entry " + i.historyIndex() + ": RUN " + i.arguments(),
                        "drop sudo: switch USER root for the privileged steps and back to the unprivileged user after",
                        null));
            }
        }
        return out;
    }
}
