package dev.layerlens.core.analysis.cache;

import com.google.re2j.Pattern;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A dependency installer as a RUN command shows it, and the manifest files that decide what it
 * installs: copy those first, install, then copy the rest, and a source change no longer reinstalls.
 * OS package managers need no manifest from the build context.
 */
enum Ecosystem {
    NODE("\\b(?:npm\\s+(?:install|i|ci|add)|pnpm\\s+(?:install|i|add)|yarn\\s+install)\\b"
            // plain yarn installs too, options and all (yarn --frozen-lockfile)
            + "|\\byarn(?:\\s+-\\S+)*\\s*(?:$|&&|;|\\|)",
            List.of("package.json", "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml",
                    "pnpm-workspace.yaml", ".npmrc", ".yarnrc", ".yarnrc.yml")),
    PYTHON("\\b(?:pip[0-9.]*\\s+install|python[0-9.]*\\s+-m\\s+pip\\s+install|poetry\\s+install|pipenv\\s+(?:install|sync)"
            + "|uv\\s+(?:sync|pip\\s+install))\\b",
            List.of("requirements.txt", "constraints.txt", "pyproject.toml", "poetry.lock", "Pipfile", "Pipfile.lock",
                    "setup.py", "setup.cfg", "uv.lock"),
            path -> name(path).startsWith("requirements") && name(path).endsWith(".txt")),
    RUBY("\\bbundle\\s+install\\b|\\bbundle\\s*(?:$|&&|;|\\|)", List.of("Gemfile", "Gemfile.lock"),
            path -> name(path).endsWith(".gemspec")),
    GO("\\bgo\\s+(?:mod\\s+download|get)\\b", List.of("go.mod", "go.sum")),
    // the wrapper script and its .mvn directory (wrapper properties, maven.config) run the install too
    MAVEN("(?:^|[\\s;&|/])mvnw?\\s", List.of("pom.xml", "mvnw"), path -> path.startsWith(".mvn/") || path.contains("/.mvn/")),
    // likewise gradlew with gradle/wrapper, and the version catalogues in gradle/ that name the dependencies
    GRADLE("(?:^|[\\s;&|/])gradlew?\\s", List.of("build.gradle", "build.gradle.kts", "settings.gradle",
            "settings.gradle.kts", "gradle.properties", "gradlew"),
            path -> parentIs(path, "gradle/wrapper") || parentIs(path, "gradle") && name(path).endsWith(".versions.toml")),
    PHP("\\bcomposer\\s+install\\b", List.of("composer.json", "composer.lock")),
    RUST("\\bcargo\\s+(?:build|fetch|install)\\b", List.of("Cargo.toml", "Cargo.lock")),
    APT("\\bapt(?:-get)?\\s+(?:-\\S+\\s+)*install\\b", List.of()),
    APK("\\bapk\\s+(?:-\\S+\\s+)*add\\b", List.of());

    /** Every installer's manifest names: one lookup for the files of every COPY layer, not one per installer. */
    private static final Set<String> MANIFEST_NAMES = Stream.of(values()).flatMap(e -> e.manifests.stream())
            .collect(Collectors.toUnmodifiableSet());

    private final Pattern command;
    private final List<String> manifests;
    private final Predicate<String> otherManifests;

    Ecosystem(String command, List<String> manifests) {
        this(command, manifests, path -> false);
    }

    /** @param otherManifests manifests by path, beyond the names in {@code manifests} */
    Ecosystem(String command, List<String> manifests, Predicate<String> otherManifests) {
        this.command = Pattern.compile(command);
        this.manifests = List.copyOf(manifests);
        this.otherManifests = otherManifests;
    }

    /**
     * Where a manifest goes in a list for people: by installer, then in each installer's own order
     * (package.json before its lockfile before .npmrc); other names last.
     */
    static int rank(String path) {
        for (Ecosystem e : values()) {
            int index = e.manifests.indexOf(name(path));
            if (index < 0 && e.isManifest(path)) {
                index = e.manifests.size();
            }
            if (index >= 0) {
                return e.ordinal() * 100 + index;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** The installers a RUN command calls. */
    static Set<Ecosystem> installedBy(String command) {
        Set<Ecosystem> out = EnumSet.noneOf(Ecosystem.class);
        for (Ecosystem e : values()) {
            if (e.command.matcher(command).find()) {
                out.add(e);
            }
        }
        return out;
    }

    /** True when the file at {@code path} (in the layer, leading slash or not) is one of this installer's manifests. */
    boolean isManifest(String path) {
        return manifests.contains(name(path)) || otherManifests.test(path);
    }

    /** Any installer's manifest. */
    static boolean anyManifest(String path) {
        if (MANIFEST_NAMES.contains(name(path))) {
            return true;
        }
        for (Ecosystem e : values()) {
            if (e.otherManifests.test(path)) {
                return true;
            }
        }
        return false;
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** {@code path}'s directory is {@code dir} or ends with it: {@code app/gradle/wrapper/x.jar} is in gradle/wrapper. */
    private static boolean parentIs(String path, String dir) {
        int slash = path.lastIndexOf('/');
        int start = slash - dir.length();
        return start >= 0 && path.startsWith(dir, start) && (start == 0 || path.charAt(start - 1) == '/');
    }
}
