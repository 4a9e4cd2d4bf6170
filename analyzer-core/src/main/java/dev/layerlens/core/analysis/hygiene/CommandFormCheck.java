package dev.layerlens.core.analysis.hygiene;

import dev.layerlens.core.analysis.AnalysisContext;
import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.ImageCheck;
import dev.layerlens.core.analysis.Severity;
import dev.layerlens.core.image.ImageConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code config/shell-form-command}: ENTRYPOINT (or CMD, when there is no ENTRYPOINT) runs through
 * {@code sh -c}: the shell is PID 1 and does not pass SIGTERM on, so the application is killed
 * after the stop timeout instead of shutting down.
 */
public final class CommandFormCheck implements ImageCheck {
    public static final String ID = "config/shell-form-command";
    private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash", "zsh");

    @Override
    public Set<String> ids() {
        return Set.of(ID);
    }

    @Override
    public List<Finding> findings(AnalysisContext context) {
        ImageConfig config = context.image().config();
        List<Finding> out = new ArrayList<>();
        if (isShellForm(config.entrypoint())) {
            out.add(finding("ENTRYPOINT", config.entrypoint()));
        } else if (config.entrypoint().isEmpty() && isShellForm(config.cmd())) {
            out.add(finding("CMD", config.cmd()));
        }
        return out;
    }

    /** {@code ["/bin/sh", "-c", "…"]}: what Docker makes of {@code CMD node app.js}. */
    static boolean isShellForm(List<String> argv) {
        if (argv.size() < 3 || !argv.get(1).equals("-c")) {
            return false;
        }
        String program = argv.get(0);
        return SHELLS.contains(program.substring(program.lastIndexOf('/') + 1));
    }

    private static Finding finding(String what, List<String> argv) {
        return new Finding(ID, Severity.LOW, what + " uses the shell form", null, null,
                what + " " + argv.get(argv.size() - 1) + " runs as " + String.join(" ", argv.subList(0, 2)) + " …",
                "use the exec form, " + what + " [\"executable\", \"arg\"], or start it with exec inside the script",
                null);
    }
}
