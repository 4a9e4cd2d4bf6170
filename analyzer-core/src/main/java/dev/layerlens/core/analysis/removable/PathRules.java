package dev.layerlens.core.analysis.removable;

import com.google.re2j.Pattern;
import java.util.Set;

/**
 * Where package managers, version control and toolchains leave their files, by path. A directory
 * rule claims the whole subtree; paths have a leading slash. Package databases (dpkg) and the
 * Node manifests are more precise and are asked first (see {@link RemovableFiles}).
 */
final class PathRules {
    private static final Set<String> VCS = Set.of(".git", ".svn", ".hg");
    private static final Set<String> TESTS = Set.of("test", "tests", "__tests__");
    private static final Set<String> DOCS = Set.of("/usr/share/doc", "/usr/share/man", "/usr/share/info",
            "/usr/local/share/doc", "/usr/local/share/man", "/usr/local/share/info");
    private static final Set<String> TOOLCHAIN_DIRS = Set.of("/usr/include", "/usr/local/include", "/usr/lib/gcc",
            "/usr/libexec/gcc", "/usr/lib/gcc-cross");
    private static final Set<String> BIN_DIRS = Set.of("/usr/bin", "/usr/local/bin", "/bin");
    /** gcc, g++, cc, c++, cpp, make, cc1, ld, as, optionally target-prefixed and versioned (x86_64-linux-gnu-gcc-12). */
    private static final Pattern TOOLCHAIN_BINARY = Pattern.compile(
            "^(?:[a-z0-9_]+-linux-[a-z]+-)?(?:gcc|g\\+\\+|c\\+\\+|cc|cpp|make|gmake|cc1|cc1plus|ld|ld\\.bfd|ld\\.gold|as)(?:-[0-9]+)?$");
    private static final Set<String> KERNEL_DIRS = Set.of("/proc", "/sys", "/dev");

    private PathRules() {
    }

    /** The claim a directory makes on everything below it, or null. */
    static Claim directory(String path, String name) {
        RemovableCategory cache = cacheDirectory(path, name);
        if (cache != null) {
            return new Claim(cache, path, null);
        }
        if (VCS.contains(name)) {
            return new Claim(RemovableCategory.VCS, path, null);
        }
        if (TOOLCHAIN_DIRS.contains(path)) {
            return new Claim(RemovableCategory.BUILD_TOOLCHAIN, null, path);
        }
        if (TESTS.contains(name) && !KERNEL_DIRS.contains(topLevel(path))) {
            return new Claim(RemovableCategory.TESTS, path, null);
        }
        if (DOCS.contains(path)) {
            return new Claim(RemovableCategory.DOCS, path, null);
        }
        return null;
    }

    private static RemovableCategory cacheDirectory(String path, String name) {
        if (path.equals("/var/lib/apt/lists")) {
            return RemovableCategory.APT_LISTS;
        }
        if (path.equals("/var/cache/apt")) {
            return RemovableCategory.APT_CACHE;
        }
        if (path.equals("/var/cache/apk") || path.equals("/etc/apk/cache")) {
            return RemovableCategory.APK_CACHE;
        }
        if (name.equals(".npm")) {
            return RemovableCategory.NPM_CACHE;
        }
        if (path.endsWith("/.cache/yarn") || path.endsWith("/.yarn/berry/cache") || name.equals(".yarn-cache")) {
            return RemovableCategory.YARN_CACHE;
        }
        if (name.equals(".pnpm-store") || path.endsWith("/.local/share/pnpm/store") || path.endsWith("/.cache/pnpm")) {
            return RemovableCategory.PNPM_STORE;
        }
        if (path.endsWith("/.cache/pip")) {
            return RemovableCategory.PIP_CACHE;
        }
        if (path.endsWith("/.cache/go-build") || path.endsWith("/go/pkg/mod")) {
            return RemovableCategory.GO_CACHE;
        }
        if (path.endsWith("/.m2/repository")) {
            return RemovableCategory.MAVEN_CACHE;
        }
        if (path.endsWith("/.gradle/caches") || path.endsWith("/.gradle/wrapper/dists")) {
            return RemovableCategory.GRADLE_CACHE;
        }
        return null;
    }

    /** The claim on a single file outside any claimed directory (compiler and make binaries), or null. */
    static Claim file(String parentPath, String name) {
        if (BIN_DIRS.contains(parentPath) && TOOLCHAIN_BINARY.matcher(name).matches()) {
            return new Claim(RemovableCategory.BUILD_TOOLCHAIN, null, parentPath + "/" + name);
        }
        return null;
    }

    private static String topLevel(String path) {
        int second = path.indexOf('/', 1);
        return second < 0 ? path : path.substring(0, second);
    }
}
