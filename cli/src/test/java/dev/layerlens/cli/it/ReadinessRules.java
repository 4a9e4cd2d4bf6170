package dev.layerlens.cli.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * docs/rules.md's removable, waste and cache definitions recomputed on a {@link ReadinessReplay},
 * written from the document and not from analyzer-core's code, so that every byte figure of a
 * report can be checked against a second, plainer computation. Paths here have no leading slash.
 */
final class ReadinessRules {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOOLCHAIN_NAMES = Set.of("make", "make-guile", "build-essential", "binutils",
            "binutils-common", "libtool", "autoconf", "automake", "cmake", "cmake-data", "pkg-config", "pkgconf",
            "pkgconf-bin", "m4", "bison", "flex", "libc-dev-bin", "dpkg-dev", "libbinutils", "libctf0",
            "libctf-nobfd0", "libgprofng0");

    static final String CLEANED_LATER = "waste/cache-cleaned-in-later-layer";
    static final String DUPLICATION = "waste/layer-duplication";
    static final String SETUID = "fs/setuid-setgid";
    static final String WORLD_WRITABLE = "fs/world-writable";
    private static final long DUPLICATION_MIN_BYTES = 100_000;
    private static final int MAX_PATHS_PER_RULE = 25;

    /** A finding as a report names it: (id, path or root or null, layer or -1). */
    record Key(String id, String root, int layer) {
    }

    /** (category id, root, shipping layer, deleting layer). */
    record HiddenKey(String id, String root, int shippedBy, int hiddenBy) {
    }

    private record Claim(String id, String root) {
    }

    private final ReadinessReplay replay;
    private final int baseLayers;
    final Map<Key, Long> removable = new HashMap<>();
    final Map<HiddenKey, Long> cleanedLater = new HashMap<>();

    /** The rules on the replay of a readiness scenario's saved image. */
    static ReadinessRules of(ReadinessImages.Built built) throws IOException {
        try (ImageFiles files = ImageFiles.dockerArchive(built.archive())) {
            return new ReadinessRules(ReadinessReplay.of(files), built.baseLayers());
        }
    }

    ReadinessRules(ReadinessReplay replay, int baseLayers) throws IOException {
        this.replay = replay;
        this.baseLayers = baseLayers;
        Map<String, String> owners = dpkgOwners();
        Map<String, String> devDirs = devDependencyDirectories();
        for (ReadinessReplay.Shipment s : replay.visible.values()) {
            if (s.size == 0) {
                continue;
            }
            String owner = owners.get(s.path);
            Claim claim = owner != null ? new Claim(owner, null) : directoryClaim(s.path, devDirs, false);
            if (claim == null) {
                claim = binaryClaim(s.path);
            }
            if (claim != null) {
                removable.merge(new Key(claim.id(), claim.root(), s.layer), s.size, Long::sum);
            }
        }
        for (ReadinessReplay.Shipment s : replay.shipments) {
            if (s.deleted && s.size > 0) {
                Claim claim = directoryClaim(s.path, Map.of(), true);
                if (claim != null) {
                    cleanedLater.merge(new HiddenKey(claim.id(), claim.root(), s.layer, s.hiddenBy), s.size, Long::sum);
                }
            }
        }
    }

    /** The ids whose findings these rules derive one by one: a report must list exactly {@link #instances()} of them. */
    static boolean derives(String id) {
        return id.startsWith("removable/") || id.equals(CLEANED_LATER) || id.equals(DUPLICATION) || id.equals(SETUID)
                || id.equals(WORLD_WRITABLE);
    }

    /** Every finding of the {@link #derives derived} ids that docs/rules.md makes of this image, with how often it occurs. */
    Map<Key, Long> instances() {
        Map<Key, Long> out = new HashMap<>();
        removable.keySet().forEach(k -> out.merge(k, 1L, Long::sum));
        // one finding per deleting layer too
        cleanedLater.keySet().forEach(k -> out.merge(new Key(CLEANED_LATER, k.root(), k.shippedBy()), 1L, Long::sum));
        for (int layer = 0; layer < replay.layerSizes.size(); layer++) {
            if (duplicated(layer) >= DUPLICATION_MIN_BYTES) {
                out.merge(new Key(DUPLICATION, duplicatedUnder(layer), layer), 1L, Long::sum);
            }
        }
        TreeMap<String, Integer> setuid = new TreeMap<>();
        TreeMap<String, Integer> writable = new TreeMap<>();
        replay.visible.forEach((path, s) -> {
            if ((s.mode & 06000) != 0) {
                setuid.put("/" + path, s.layer);
            }
            if ((s.mode & 0002) != 0) {
                writable.put("/" + path, s.layer);
            }
        });
        replay.directories.forEach((path, d) -> {
            if ((d.mode() & 0002) != 0 && (d.mode() & 01000) == 0) {
                writable.put("/" + path, d.layer());
            }
        });
        perPath(SETUID, setuid, out);
        perPath(WORLD_WRITABLE, writable, out);
        return out;
    }

    /** One finding per path in path order up to the cap, then one (no path, no layer) for the rest. */
    private static void perPath(String id, TreeMap<String, Integer> hits, Map<Key, Long> out) {
        hits.entrySet().stream().limit(MAX_PATHS_PER_RULE).forEach(e -> out.merge(new Key(id, e.getKey(), e.getValue()), 1L,
                Long::sum));
        if (hits.size() > MAX_PATHS_PER_RULE) {
            out.merge(new Key(id, null, -1), 1L, Long::sum);
        }
    }

    /** Bytes a layer shipped again with the SHA-256 of the copy it replaced. */
    long duplicated(int layer) {
        return replay.shipments.stream().filter(s -> reshipped(s, layer)).mapToLong(s -> s.size).sum();
    }

    /** The deepest directory holding every file (with content) that a layer shipped again unchanged. */
    private String duplicatedUnder(int layer) {
        String common = null;
        for (ReadinessReplay.Shipment s : replay.shipments) {
            if (reshipped(s, layer) && s.size > 0) {
                String dir = s.path.contains("/") ? s.path.substring(0, s.path.lastIndexOf('/')) : "";
                while (common != null && !common.isEmpty() && !(dir + "/").startsWith(common + "/")) {
                    common = common.contains("/") ? common.substring(0, common.lastIndexOf('/')) : "";
                }
                common = common == null ? dir : common;
            }
        }
        return "/" + common;
    }

    private static boolean reshipped(ReadinessReplay.Shipment s, int layer) {
        return s.layer == layer && s.replaced != null && s.replaced.sha256.equals(s.sha256);
    }

    /** Bytes of every copy a layer shipped under a directory, hidden later or not. */
    long shippedUnder(String dir, int layer) {
        return replay.shipments.stream().filter(s -> s.layer == layer && s.path.startsWith(dir + "/"))
                .mapToLong(s -> s.size).sum();
    }

    long layerSize(int layer) {
        return replay.layerSizes.get(layer);
    }

    long imageSize() {
        return replay.layerSizes.stream().mapToLong(Long::longValue).sum();
    }

    /** Image size − (base + visible bytes of the own layers − build-only bytes of the own layers). */
    long multiStageSaving() {
        long base = 0;
        for (int i = 0; i < baseLayers; i++) {
            base += replay.layerSizes.get(i);
        }
        long ownVisible = replay.visible.values().stream().filter(s -> s.layer >= baseLayers).mapToLong(s -> s.size).sum();
        long buildOnly = removable.entrySet().stream()
                .filter(e -> e.getKey().layer() >= baseLayers && buildOnly(e.getKey().id()))
                .mapToLong(Map.Entry::getValue).sum();
        return imageSize() - (base + ownVisible - buildOnly);
    }

    private static boolean buildOnly(String id) {
        return !id.equals("removable/vcs-directory") && !id.equals("removable/test-directories")
                && !id.equals("removable/docs");
    }

    // ---- dpkg ----

    private Map<String, String> dpkgOwners() {
        Map<String, String> owners = new HashMap<>();
        String status = replay.finalText("var/lib/dpkg/status");
        if (status == null) {
            return owners;
        }
        Set<String> installed = new HashSet<>();
        for (String stanza : status.split("\n\n")) {
            String name = null;
            boolean ok = false;
            for (String line : stanza.split("\n")) {
                if (line.startsWith("Package: ")) {
                    name = line.substring(9).trim();
                }
                if (line.startsWith("Status: ") && line.trim().equals("Status: install ok installed")) {
                    ok = true;
                }
            }
            if (name != null && ok) {
                installed.add(name);
            }
        }
        for (String path : replay.visible.keySet()) {
            if (!path.startsWith("var/lib/dpkg/info/") || !path.endsWith(".list")) {
                continue;
            }
            String file = path.substring("var/lib/dpkg/info/".length(), path.length() - 5);
            String pkg = file.contains(":") ? file.substring(0, file.indexOf(':')) : file;
            String id = isToolchain(pkg) ? "removable/build-toolchain" : pkg.endsWith("-dev") ? "removable/dev-packages" : null;
            String text = replay.finalText(path);
            if (id == null || !installed.contains(pkg) || text == null) {
                continue;
            }
            for (String line : text.split("\n")) {
                if (line.length() > 1 && line.startsWith("/")) {
                    String p = line.substring(1);
                    owners.putIfAbsent(p, id);
                    for (String merged : List.of("bin/", "sbin/", "lib/", "lib64/")) {
                        if (p.startsWith(merged)) {
                            owners.putIfAbsent("usr/" + p, id);
                        }
                    }
                }
            }
        }
        return owners;
    }

    /** docs/rules.md's toolchain packages. */
    static boolean isToolchain(String pkg) {
        if (TOOLCHAIN_NAMES.contains(pkg)) {
            return true;
        }
        if (pkg.startsWith("binutils-") && pkg.contains("-linux-gnu")) {
            return true;
        }
        for (String compiler : List.of("gcc", "g++", "cpp", "gfortran", "clang", "llvm")) {
            if (pkg.equals(compiler)) {
                return true;
            }
            if (pkg.startsWith(compiler + "-")) {
                String rest = pkg.substring(compiler.length() + 1);
                String version = rest.contains("-") ? rest.substring(0, rest.indexOf('-')) : rest;
                String target = rest.contains("-") ? rest.substring(rest.indexOf('-') + 1) : "";
                boolean numeric = !version.isEmpty() && version.chars().allMatch(Character::isDigit);
                if (numeric && (target.isEmpty() || target.contains("-linux-gnu"))) {
                    return true;
                }
                if (rest.contains("-linux-gnu") && !numeric) {
                    return true;
                }
            }
        }
        for (String lib : List.of("libcc1-", "libisl", "libmpc", "libasan", "libtsan", "liblsan", "libubsan", "libhwasan",
                "libitm")) {
            if (pkg.startsWith(lib) && pkg.length() > lib.length()
                    && pkg.substring(lib.length()).chars().allMatch(Character::isDigit)) {
                return true;
            }
        }
        return false;
    }

    // ---- Node ----

    private Map<String, String> devDependencyDirectories() throws IOException {
        Map<String, String> out = new HashMap<>();
        for (String path : replay.visible.keySet()) {
            if (!(path.equals("package.json") || path.endsWith("/package.json")) || path.contains("node_modules/")) {
                continue;
            }
            String dir = path.equals("package.json") ? "" : path.substring(0, path.length() - "/package.json".length());
            String prefix = dir.isEmpty() ? "" : dir + "/";
            boolean hasModules = replay.visible.ceilingKey(prefix + "node_modules/") != null
                    && replay.visible.ceilingKey(prefix + "node_modules/").startsWith(prefix + "node_modules/");
            boolean installedThere = List.of("package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml",
                            "node_modules/.package-lock.json", "node_modules/.yarn-integrity", "node_modules/.modules.yaml",
                            "node_modules/.yarn-state.yml")
                    .stream().anyMatch(sign -> replay.visible.containsKey(prefix + sign));
            if (!hasModules || !installedThere) {
                continue;
            }
            String lock = replay.finalText(prefix + "node_modules/.package-lock.json");
            if (lock == null) {
                lock = replay.finalText(prefix + "package-lock.json");
            }
            String root = prefix + "node_modules";
            if (lock != null) {
                JsonNode packages = JSON.readTree(lock).path("packages");
                for (Iterator<Map.Entry<String, JsonNode>> it = packages.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> p = it.next();
                    if (p.getKey().startsWith("node_modules/") && p.getValue().path("dev").asBoolean(false)) {
                        out.put(prefix + p.getKey(), root);
                    }
                }
            } else {
                JsonNode dev = JSON.readTree(replay.finalText(path)).path("devDependencies");
                dev.fieldNames().forEachRemaining(name -> out.put(root + "/" + name, root));
            }
        }
        return out;
    }

    // ---- directories and names ----

    /** The outermost claiming ancestor directory of {@code path}; {@code cachesOnly} for deleted copies. */
    private static Claim directoryClaim(String path, Map<String, String> devDirs, boolean cachesOnly) {
        String[] parts = path.split("/");
        StringBuilder dir = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            if (i > 0) {
                dir.append('/');
            }
            dir.append(parts[i]);
            String d = dir.toString();
            String name = parts[i];
            if (!cachesOnly && devDirs.containsKey(d)) {
                return new Claim("removable/dev-dependencies", "/" + devDirs.get(d));
            }
            String cache = cache(d, name);
            if (cache != null) {
                return new Claim(cache, "/" + d);
            }
            if (cachesOnly) {
                continue;
            }
            if (name.equals(".git") || name.equals(".svn") || name.equals(".hg")) {
                return new Claim("removable/vcs-directory", "/" + d);
            }
            if (List.of("usr/include", "usr/local/include", "usr/lib/gcc", "usr/libexec/gcc", "usr/lib/gcc-cross").contains(d)) {
                return new Claim("removable/build-toolchain", null);
            }
            if ((name.equals("test") || name.equals("tests") || name.equals("__tests__"))
                    && !(parts[0].equals("proc") || parts[0].equals("sys") || parts[0].equals("dev"))) {
                return new Claim("removable/test-directories", "/" + d);
            }
            if (List.of("usr/share/doc", "usr/share/man", "usr/share/info", "usr/local/share/doc", "usr/local/share/man",
                    "usr/local/share/info").contains(d)) {
                return new Claim("removable/docs", "/" + d);
            }
        }
        return null;
    }

    private static String cache(String dir, String name) {
        String d = "/" + dir;
        if (dir.equals("var/lib/apt/lists")) {
            return "removable/apt-lists";
        }
        if (dir.equals("var/cache/apt")) {
            return "removable/apt-cache";
        }
        if (dir.equals("var/cache/apk") || dir.equals("etc/apk/cache")) {
            return "removable/apk-cache";
        }
        if (name.equals(".npm")) {
            return "removable/npm-cache";
        }
        if (d.endsWith("/.cache/yarn") || d.endsWith("/.yarn/berry/cache") || name.equals(".yarn-cache")) {
            return "removable/yarn-cache";
        }
        if (name.equals(".pnpm-store") || d.endsWith("/.local/share/pnpm/store") || d.endsWith("/.cache/pnpm")) {
            return "removable/pnpm-store";
        }
        if (d.endsWith("/.cache/pip")) {
            return "removable/pip-cache";
        }
        if (d.endsWith("/.cache/go-build") || d.endsWith("/go/pkg/mod")) {
            return "removable/go-cache";
        }
        if (d.endsWith("/.m2/repository")) {
            return "removable/maven-cache";
        }
        if (d.endsWith("/.gradle/caches") || d.endsWith("/.gradle/wrapper/dists")) {
            return "removable/gradle-cache";
        }
        return null;
    }

    private static Claim binaryClaim(String path) {
        int slash = path.lastIndexOf('/');
        String parent = slash < 0 ? "" : path.substring(0, slash);
        if (!List.of("usr/bin", "usr/local/bin", "bin").contains(parent)) {
            return null;
        }
        String name = path.substring(slash + 1);
        String bare = name.replaceFirst("^[a-z0-9_]+-linux-[a-z]+-", "").replaceFirst("-[0-9]+$", "");
        return List.of("gcc", "g++", "c++", "cc", "cpp", "make", "gmake", "cc1", "cc1plus", "ld", "ld.bfd", "ld.gold", "as")
                .contains(bare) ? new Claim("removable/build-toolchain", null) : null;
    }
}
