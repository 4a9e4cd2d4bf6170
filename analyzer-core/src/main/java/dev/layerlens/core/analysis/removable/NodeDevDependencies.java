package dev.layerlens.core.analysis.removable;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.layerlens.core.analysis.content.CapturedFiles;
import dev.layerlens.core.analysis.content.Inspectors;
import dev.layerlens.core.fs.FileNode;
import dev.layerlens.core.fs.FileTree;
import dev.layerlens.core.layer.ContentInspector;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which {@code node_modules} directories hold development dependencies. For each application (a
 * {@code package.json} outside any {@code node_modules}, with a {@code node_modules} beside it, and a
 * sign that a package manager installed it there: a lockfile beside it, or npm's, yarn's or pnpm's
 * marker in {@code node_modules}; packaged libraries such as Debian's {@code /usr/share/nodejs/*}
 * carry a package.json and a node_modules but were not installed from it) the
 * packages npm marks {@code "dev": true} in the lockfile that describes what is installed
 * ({@code node_modules/.package-lock.json}, else {@code package-lock.json}): that includes the
 * dev-only transitive dependencies and excludes a devDependency that production code also needs.
 * Without a lockfile: the {@code devDependencies} named in package.json.
 */
final class NodeDevDependencies {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final int MAX_MANIFEST_BYTES = 4 << 20;
    private static final int MAX_LOCK_BYTES = 64 << 20;
    private static final String HIDDEN_LOCK = "node_modules/.package-lock.json";
    /** Files that show a package manager installed the dependencies of the package.json beside them. */
    private static final java.util.List<String> INSTALL_SIGNS = java.util.List.of("package-lock.json",
            "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", HIDDEN_LOCK, "node_modules/.yarn-integrity",
            "node_modules/.modules.yaml", "node_modules/.yarn-state.yml");

    private final CapturedFiles<Set<String>> manifests =
            new CapturedFiles<>(NodeDevDependencies::isAppManifest, MAX_MANIFEST_BYTES, NodeDevDependencies::devDependencies);
    private final CapturedFiles<Set<String>> locks =
            new CapturedFiles<>(NodeDevDependencies::isLockfile, MAX_LOCK_BYTES, NodeDevDependencies::devPackages);

    ContentInspector inspector() {
        return Inspectors.of(manifests, locks);
    }

    private static boolean isAppManifest(String path) {
        return (path.equals("package.json") || path.endsWith("/package.json")) && !inNodeModules(path);
    }

    private static boolean isLockfile(String path) {
        if (path.equals(HIDDEN_LOCK) || path.endsWith("/" + HIDDEN_LOCK)) {
            return !inNodeModules(path.substring(0, path.length() - HIDDEN_LOCK.length()));
        }
        return (path.equals("package-lock.json") || path.endsWith("/package-lock.json")) && !inNodeModules(path);
    }

    private static boolean inNodeModules(String path) {
        return path.startsWith("node_modules/") || path.contains("/node_modules/");
    }

    /**
     * Directory (leading slash) of each installed dev dependency → its claim, grouped under the
     * application's {@code node_modules}.
     */
    Map<String, Claim> devDirectories(FileTree tree) {
        Map<String, Claim> out = new HashMap<>();
        for (String manifest : manifests.paths()) {
            String dir = manifest.equals("package.json") ? "" : manifest.substring(0, manifest.length() - "/package.json".length());
            String prefix = dir.isEmpty() ? "" : dir + "/";
            FileNode modules = tree.find(prefix + "node_modules");
            if (modules == null || manifests.visible(tree, manifest).isEmpty() || !installed(tree, prefix)) {
                continue;
            }
            String root = "/" + prefix + "node_modules";
            Set<String> lockPaths = locks.visible(tree, prefix + HIDDEN_LOCK)
                    .or(() -> locks.visible(tree, prefix + "package-lock.json"))
                    .map(CapturedFiles.Visible::value).orElse(null);
            if (lockPaths != null) {
                for (String key : lockPaths) {
                    out.put("/" + prefix + key, new Claim(RemovableCategory.DEV_DEPENDENCIES, root, packageName(key)));
                }
            } else {
                for (String name : manifests.visible(tree, manifest).get().value()) {
                    out.put(root + "/" + name, new Claim(RemovableCategory.DEV_DEPENDENCIES, root, name));
                }
            }
        }
        return out;
    }

    private static boolean installed(FileTree tree, String prefix) {
        for (String sign : INSTALL_SIGNS) {
            FileNode node = tree.find(prefix + sign);
            if (node != null && node.visibleVersion() != null) {
                return true;
            }
        }
        return false;
    }

    /** {@code node_modules/a/node_modules/@s/b} → {@code @s/b}. */
    private static String packageName(String key) {
        int last = key.lastIndexOf("node_modules/");
        return last < 0 ? key : key.substring(last + "node_modules/".length());
    }

    /** The names under {@code devDependencies}; an unreadable manifest gives what was read before the fault. */
    static Set<String> devDependencies(String path, byte[] content, int length) {
        Set<String> out = new HashSet<>();
        try (JsonParser p = FACTORY.createParser(content, 0, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return out;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("devDependencies") && value == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        p.nextToken();
                        p.skipChildren();
                        if (isPackageName(name)) {
                            out.add(name);
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /**
     * The install paths ({@code node_modules/x}, nested ones too) npm marks dev in a lockfile: v2/v3
     * {@code packages}, or v1's nested {@code dependencies}. Streamed: lockfiles run to megabytes.
     */
    static Set<String> devPackages(String path, byte[] content, int length) {
        Set<String> out = new HashSet<>();
        try (JsonParser p = FACTORY.createParser(content, 0, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return out;
            }
            Set<String> v1 = new HashSet<>();
            boolean sawPackages = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("packages") && value == JsonToken.START_OBJECT) {
                    sawPackages = true;
                    readPackages(p, out);
                } else if (field.equals("dependencies") && value == JsonToken.START_OBJECT) {
                    readV1(p, "node_modules/", v1);
                } else {
                    p.skipChildren();
                }
            }
            if (!sawPackages) {
                out.addAll(v1);
            }
        } catch (IOException e) {
            // a truncated or broken lockfile: what was read so far stands
        }
        return out;
    }

    private static void readPackages(JsonParser p, Set<String> out) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            if (p.nextToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            boolean dev = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("dev") && value == JsonToken.VALUE_TRUE) {
                    dev = true;
                }
                p.skipChildren();
            }
            if (dev && key.startsWith("node_modules/") && safeKey(key)) {
                out.add(key);
            }
        }
    }

    private static void readV1(JsonParser p, String prefix, Set<String> out) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (p.nextToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            String key = prefix + name;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("dev") && value == JsonToken.VALUE_TRUE && isPackageName(name)) {
                    out.add(key);
                } else if (field.equals("dependencies") && value == JsonToken.START_OBJECT) {
                    readV1(p, key + "/node_modules/", out);
                } else {
                    p.skipChildren();
                }
            }
        }
    }

    /** A package name cannot climb out of node_modules. */
    private static boolean isPackageName(String name) {
        return !name.isEmpty() && !name.contains("..") && !name.startsWith("/") && name.split("/").length <= 2;
    }

    private static boolean safeKey(String key) {
        return !key.contains("..") && !key.contains("//") && !key.endsWith("/");
    }
}
