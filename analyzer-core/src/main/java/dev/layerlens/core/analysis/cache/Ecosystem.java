package dev.layerlens.core.analysis.cache;

import com.google.re2j.Pattern;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A dependency installer as a RUN command shows it, and the manifest files that decide what it
 * installs: copy those first, install, then copy the rest, and a source change no longer reinstalls.
 * OS package managers need no manifest from the build context.
 */
enum Ecosystem {
    NODE("\\b(?:npm\\s+(?:install|i|ci|add)|pnpm\\s+(?:install|i|add)|yarn\\s+install)\\b|\\byarn\\s*(?:$|&&|;|\\|)",
            List.of("package.json", "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml",
                    "pnpm-workspace.yaml", ".npmrc", ".yarnrc", ".yarnrc.yml")),
    PYTHON("\\b(?:pip[0-9.]*\\s+install|python[0-9.]*\\s+-m\\s+pip\\s+install|poetry\\s+install|pipenv\\s+(?:install|sync)"
            + "|uv\\s+(?:sync|pip\\s+install))\\b",
            List.of("requirements.txt", "constraints.txt", "pyproject.toml", "poetry.lock", "Pipfile", "Pipfile.lock",
                    "setup.py", "setup.cfg", "uv.lock")),
    RUBY("\\bbundle\\s+install\\b|\\bbundle\\s*(?:$|&&|;|\\|)", List.of("Gemfile", "Gemfile.lock")),
    GO("\\bgo\\s+(?:mod\\s+download|get)\\b", List.of("go.mod", "go.sum")),
    MAVEN("(?:^|[\\s;&|/])mvnw?\\s", List.of("pom.xml")),
    GRADLE("(?:^|[\\s;&|/])gradlew?\\s", List.of("build.gradle", "build.gradle.kts", "settings.gradle",
            "settings.gradle.kts", "gradle.properties")),
    PHP("\\bcomposer\\s+install\\b", List.of("composer.json", "composer.lock")),
    RUST("\\bcargo\\s+(?:build|fetch|install)\\b", List.of("Cargo.toml", "Cargo.lock")),
    APT("\\bapt(?:-get)?\\s+(?:-\\S+\\s+)*install\\b", List.of()),
    APK("\\bapk\\s+(?:-\\S+\\s+)*add\\b", List.of());

    private final Pattern command;
    private final List<String> manifests;

    Ecosystem(String command, List<String> manifests) {
        this.command = Pattern.compile(command);
        this.manifests = List.copyOf(manifests);
    }

    /**
     * Where a manifest goes in a list for people: by installer, then in each installer's own order
     * (package.json before its lockfile before .npmrc); other names last.
     */
    static int rank(String fileName) {
        for (Ecosystem e : values()) {
            int index = e.manifests.indexOf(fileName);
            if (index < 0 && e.isManifest(fileName)) {
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

    /** True when a file of this name is one of this installer's manifests. */
    boolean isManifest(String fileName) {
        return manifests.contains(fileName) || (this == PYTHON && fileName.startsWith("requirements")
                && fileName.endsWith(".txt")) || (this == RUBY && fileName.endsWith(".gemspec"));
    }

    /** Any installer's manifest. */
    static boolean anyManifest(String fileName) {
        for (Ecosystem e : values()) {
            if (e.isManifest(fileName)) {
                return true;
            }
        }
        return false;
    }

    String displayName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
