package dev.layerlens.core.analysis.removable;

/**
 * What kind of bytes the final filesystem carries that the running application does not need. Each
 * is one finding id ({@code removable/…}); {@link #buildTime} ones are what a multi-stage build leaves
 * behind in its build stage.
 */
public enum RemovableCategory {
    APT_LISTS("removable/apt-lists", "apt package lists", true, true,
            "run apt-get update, install and rm -rf /var/lib/apt/lists/* in the same RUN"),
    APT_CACHE("removable/apt-cache", "apt's package cache and downloaded .debs", true, true,
            "finish the installing RUN with apt-get clean (or use a cache mount: RUN --mount=type=cache,target=/var/cache/apt)"),
    APK_CACHE("removable/apk-cache", "apk's package cache", true, true, "use apk add --no-cache"),
    NPM_CACHE("removable/npm-cache", "npm's cache", true, true,
            "npm ci && npm cache clean --force in the same RUN, or RUN --mount=type=cache,target=/root/.npm"),
    YARN_CACHE("removable/yarn-cache", "yarn's cache", true, true,
            "yarn install && yarn cache clean in the same RUN, or a cache mount"),
    PNPM_STORE("removable/pnpm-store", "pnpm's store", true, true,
            "pnpm install && pnpm store prune in the same RUN, or a cache mount for the store"),
    PIP_CACHE("removable/pip-cache", "pip's cache", true, true,
            "pip install --no-cache-dir (or PIP_NO_CACHE_DIR=1), or RUN --mount=type=cache,target=/root/.cache/pip"),
    GO_CACHE("removable/go-cache", "Go's build and module caches", true, true,
            "build in a separate stage, or go clean -cache -modcache in the same RUN"),
    MAVEN_CACHE("removable/maven-cache", "Maven's local repository", true, true,
            "build in a separate stage and copy only the artefact, or a cache mount for ~/.m2"),
    GRADLE_CACHE("removable/gradle-cache", "Gradle's caches", true, true,
            "build in a separate stage and copy only the artefact, or a cache mount for ~/.gradle"),
    VCS("removable/vcs-directory", "a version-control directory", false, false,
            "add .git (and .svn, .hg) to .dockerignore"),
    DEV_DEPENDENCIES("removable/dev-dependencies", "development dependencies in node_modules", false, true,
            "install with npm ci --omit=dev (yarn install --production, pnpm install --prod), or build in a separate stage"),
    BUILD_TOOLCHAIN("removable/build-toolchain", "a build toolchain (compilers, make, headers)", false, true,
            "compile in a build stage and copy only the result, or apt-get purge --auto-remove the toolchain in the same RUN"),
    DEV_PACKAGES("removable/dev-packages", "-dev packages (headers and static libraries)", false, true,
            "install -dev packages only in a build stage, or purge them in the RUN that needed them"),
    TESTS("removable/test-directories", "test directories", false, false,
            "exclude tests from the copy (.dockerignore) or delete them in the RUN that installs them"),
    DOCS("removable/docs", "documentation and man pages", false, false,
            "keep docs out with dpkg path-exclude (/etc/dpkg/dpkg.cfg.d) or delete them in the installing RUN");

    private final String id;
    private final String what;
    private final boolean cache;
    private final boolean buildTime;
    private final String remedy;

    RemovableCategory(String id, String what, boolean cache, boolean buildTime, String remedy) {
        this.id = id;
        this.what = what;
        this.cache = cache;
        this.buildTime = buildTime;
        this.remedy = remedy;
    }

    public String id() {
        return id;
    }

    public String what() {
        return what;
    }

    /** A package manager's cache: rebuilt on demand, never needed at run time. */
    public boolean cache() {
        return cache;
    }

    /** Needed to build, not to run: what a multi-stage build leaves in its build stage. */
    public boolean buildTime() {
        return buildTime;
    }

    public String remedy() {
        return remedy;
    }
}
