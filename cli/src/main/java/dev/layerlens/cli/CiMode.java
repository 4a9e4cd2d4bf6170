package dev.layerlens.cli;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Whether the CI gate is on: {@code --ci}/{@code --no-ci} decide; otherwise {@code CI} in the environment, as dive reads it. */
final class CiMode {
    /** dive's truthy values of CI (GitHub Actions and GitLab CI set {@code true}). */
    private static final Set<String> TRUTHY = Set.of("true", "1", "yes");

    private CiMode() {
    }

    static boolean on(Boolean flag, boolean configGiven, Map<String, String> env) {
        if (flag != null) {
            return flag;
        }
        String ci = env.get("CI");
        return configGiven || (ci != null && TRUTHY.contains(ci.trim().toLowerCase(Locale.ROOT)));
    }
}
