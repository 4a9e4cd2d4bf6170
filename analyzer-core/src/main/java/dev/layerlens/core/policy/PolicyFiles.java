package dev.layerlens.core.policy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where the CI rules come from when no {@code --ci-config} names a file. */
public final class PolicyFiles {
    /** Looked for in this order in the working directory; {@code .dive-ci} is dive's default name. */
    public static final List<String> NAMES = List.of(".layerlens.yml", ".layerlens.yaml", ".dive-ci");

    private PolicyFiles() {
    }

    /** The explicit file, else the first of {@link #NAMES} in {@code dir} (the working directory: {@code Path.of("")} names the files as written), else dive's defaults. */
    public static Policy load(Path explicit, Path dir) throws PolicyException {
        if (explicit != null) {
            return PolicyConfig.read(explicit);
        }
        for (String name : NAMES) {
            Path candidate = dir.resolve(name);
            if (Files.isRegularFile(candidate)) {
                return PolicyConfig.read(candidate);
            }
        }
        return PolicyConfig.defaults("dive's defaults (no " + String.join(", ", NAMES) + " found)");
    }
}
