package dev.layerlens.core.analysis.removable;

import com.google.re2j.Pattern;
import dev.layerlens.core.analysis.content.CapturedFiles;
import dev.layerlens.core.analysis.content.Inspectors;
import dev.layerlens.core.fs.FileTree;
import dev.layerlens.core.layer.ContentInspector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which files belong to installed build-only Debian packages: the toolchain (gcc, g++, cpp, make,
 * binutils, the compilers' private libraries) and every {@code *-dev} package. Installed means
 * {@code install ok installed} in the final {@code /var/lib/dpkg/status}; a package's files are the
 * lines of its {@code /var/lib/dpkg/info/<package>[:<arch>].list}, as the final filesystem shows it.
 */
final class DpkgPackages {
    static final String STATUS = "var/lib/dpkg/status";
    private static final String INFO = "var/lib/dpkg/info/";
    private static final int MAX_STATUS_BYTES = 32 << 20;
    private static final int MAX_LIST_BYTES = 8 << 20;
    private static final Pattern TOOLCHAIN = Pattern.compile("^(?:"
            + "(?:gcc|g\\+\\+|cpp|gfortran|clang|llvm)(?:-[0-9]+)?(?:-[a-z0-9_-]+-linux-gnu[a-z]*)?"
            + "|make|make-guile|build-essential|binutils|binutils-common|binutils-[a-z0-9_-]+-linux-gnu[a-z]*"
            + "|libtool|autoconf|automake|cmake|cmake-data|pkg-config|pkgconf|pkgconf-bin|m4|bison|flex|libc-dev-bin|dpkg-dev"
            + "|libbinutils|libctf0|libctf-nobfd0|libgprofng0|libcc1-[0-9]+|libisl[0-9]+|libmpc[0-9]+"
            + "|lib(?:asan|tsan|lsan|ubsan|hwasan|itm)[0-9]+"
            + ")$");

    private final CapturedFiles<Set<String>> status =
            new CapturedFiles<>(STATUS::equals, MAX_STATUS_BYTES, DpkgPackages::installed);
    private final CapturedFiles<List<String>> lists =
            new CapturedFiles<>(DpkgPackages::isWantedList, MAX_LIST_BYTES, DpkgPackages::lines);

    ContentInspector inspector() {
        return Inspectors.of(status, lists);
    }

    /** The category of a package whose files count as removable, or null. */
    static RemovableCategory categoryOf(String packageName) {
        if (TOOLCHAIN.matcher(packageName).matches()) {
            return RemovableCategory.BUILD_TOOLCHAIN;
        }
        return packageName.endsWith("-dev") ? RemovableCategory.DEV_PACKAGES : null;
    }

    private static boolean isWantedList(String path) {
        if (!path.startsWith(INFO) || !path.endsWith(".list") || path.indexOf('/', INFO.length()) >= 0) {
            return false;
        }
        return categoryOf(packageOf(path)) != null;
    }

    /** {@code var/lib/dpkg/info/libc6-dev:amd64.list} → {@code libc6-dev}. */
    private static String packageOf(String listPath) {
        String name = listPath.substring(INFO.length(), listPath.length() - ".list".length());
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }

    /** The installed packages of a dpkg status file. */
    static Set<String> installed(String path, byte[] content, int length) {
        Set<String> out = new HashSet<>();
        String name = null;
        boolean installed = false;
        for (String line : new String(content, 0, length, StandardCharsets.UTF_8).split("\n", -1)) {
            if (line.isBlank()) {
                if (name != null && installed) {
                    out.add(name);
                }
                name = null;
                installed = false;
            } else if (line.startsWith("Package:")) {
                name = line.substring("Package:".length()).strip();
            } else if (line.startsWith("Status:")) {
                installed = line.strip().endsWith(" installed") && line.contains(" ok ");
            }
        }
        if (name != null && installed) {
            out.add(name);
        }
        return out;
    }

    private static List<String> lines(String path, byte[] content, int length) {
        List<String> out = new ArrayList<>();
        for (String line : new String(content, 0, length, StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("/") && line.length() > 1 && !line.equals("/.")) {
                out.add(line);
            }
        }
        return out;
    }

    /**
     * Path (leading slash) → the claim of the installed build-only package that owns it. With usrmerge,
     * dpkg may list {@code /bin/x} for a file the filesystem holds at {@code /usr/bin/x}: both are indexed.
     */
    Map<String, Claim> ownership(FileTree tree) {
        Optional<CapturedFiles.Visible<Set<String>>> installed = status.visible(tree, STATUS);
        Map<String, Claim> owners = new HashMap<>();
        if (installed.isEmpty()) {
            return owners;
        }
        for (String listPath : lists.paths()) {
            String pkg = packageOf(listPath);
            if (!installed.get().value().contains(pkg)) {
                continue;
            }
            Optional<CapturedFiles.Visible<List<String>>> files = lists.visible(tree, listPath);
            if (files.isEmpty()) {
                continue;
            }
            Claim claim = new Claim(categoryOf(pkg), null, pkg);
            for (String file : files.get().value()) {
                owners.putIfAbsent(file, claim);
                if (file.startsWith("/bin/") || file.startsWith("/sbin/") || file.startsWith("/lib/")
                        || file.startsWith("/lib64/")) {
                    owners.putIfAbsent("/usr" + file, claim);
                }
            }
        }
        return owners;
    }
}
