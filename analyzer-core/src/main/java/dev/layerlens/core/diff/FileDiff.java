package dev.layerlens.core.diff;

import dev.layerlens.core.fs.FileTree;
import dev.layerlens.core.fs.FileVersion;
import dev.layerlens.core.layer.EntryType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares two final filesystems path by path, over the paths that are not directories (a
 * directory's change is the changes below it, rolled up). A regular file changed when its content
 * checksum differs (or, where checksums were not computed, its size); any path also changed when
 * its type, link target, mode or owner did.
 */
final class FileDiff {
    /** Changes roll up to their directory cut to this many levels: {@code /usr/lib/python3}. */
    static final int ROLLUP_DEPTH = 3;

    private FileDiff() {
    }

    /** What the final filesystem shows at one path. */
    private record Visible(EntryType type, long bytes, long contentHash, String linkTarget, int mode, long uid, long gid) {
        static Visible of(FileVersion v) {
            return new Visible(v.type(), v.contentBytes(), v.contentHash(), v.linkTarget(), v.mode(), v.uid(), v.gid());
        }
    }

    static ImageDiff.FileChanges compare(FileTree before, FileTree after, int top) {
        Map<String, Visible> old = visible(before);
        Map<String, Visible> now = visible(after);
        List<ImageDiff.FileChange> added = new ArrayList<>();
        List<ImageDiff.FileChange> removed = new ArrayList<>();
        List<ImageDiff.FileChange> changed = new ArrayList<>();
        for (Map.Entry<String, Visible> e : now.entrySet()) {
            Visible was = old.get(e.getKey());
            Visible is = e.getValue();
            if (was == null) {
                added.add(new ImageDiff.FileChange(e.getKey(), typeName(is.type), null, is.bytes, is.bytes, List.of()));
            } else {
                List<String> what = differences(was, is);
                if (!what.isEmpty()) {
                    changed.add(new ImageDiff.FileChange(e.getKey(), typeName(is.type), was.bytes, is.bytes,
                            is.bytes - was.bytes, what));
                }
            }
        }
        for (Map.Entry<String, Visible> e : old.entrySet()) {
            if (!now.containsKey(e.getKey())) {
                Visible was = e.getValue();
                removed.add(new ImageDiff.FileChange(e.getKey(), typeName(was.type), was.bytes, null, -was.bytes, List.of()));
            }
        }
        long addedBytes = sum(added);
        long removedBytes = -sum(removed);
        long changedDelta = sum(changed);
        List<ImageDiff.DirectoryChange> directories = rollUp(added, removed, changed);
        Comparator<ImageDiff.FileChange> largest = Comparator.comparingLong((ImageDiff.FileChange c) -> Math.abs(c.deltaBytes()))
                .reversed().thenComparing(ImageDiff.FileChange::path);
        return new ImageDiff.FileChanges(added.size(), addedBytes, removed.size(), removedBytes, changed.size(),
                changedDelta, addedBytes - removedBytes + changedDelta, topOf(added, largest, top),
                topOf(removed, largest, top), topOf(changed, largest, top), directories.subList(0,
                limit(directories.size(), top)), top);
    }

    private static Map<String, Visible> visible(FileTree tree) {
        Map<String, Visible> paths = new HashMap<>();
        tree.forEachNode(node -> {
            FileVersion v = node.visibleVersion();
            if (v != null && !v.isDirectory()) {
                paths.put("/" + node.path(), Visible.of(v));
            }
        });
        return paths;
    }

    private static List<String> differences(Visible was, Visible is) {
        List<String> what = new ArrayList<>();
        if (was.type != is.type) {
            what.add("type");
        } else if (is.type == EntryType.FILE && (was.bytes != is.bytes
                || (was.contentHash != 0 && is.contentHash != 0 && was.contentHash != is.contentHash))) {
            what.add("content");
        }
        if (was.type == is.type && !java.util.Objects.equals(was.linkTarget, is.linkTarget)) {
            what.add("link");
        }
        if (was.mode != is.mode) {
            what.add("mode");
        }
        if (was.uid != is.uid || was.gid != is.gid) {
            what.add("owner");
        }
        return what;
    }

    private static List<ImageDiff.DirectoryChange> rollUp(List<ImageDiff.FileChange> added,
                                                         List<ImageDiff.FileChange> removed,
                                                         List<ImageDiff.FileChange> changed) {
        Map<String, long[]> byDirectory = new TreeMap<>();
        for (ImageDiff.FileChange c : added) {
            tally(byDirectory, c, 0);
        }
        for (ImageDiff.FileChange c : removed) {
            tally(byDirectory, c, 1);
        }
        for (ImageDiff.FileChange c : changed) {
            tally(byDirectory, c, 2);
        }
        List<ImageDiff.DirectoryChange> rows = new ArrayList<>();
        byDirectory.forEach((dir, t) -> rows.add(new ImageDiff.DirectoryChange(dir, (int) t[0], (int) t[1], (int) t[2], t[3])));
        rows.sort(Comparator.comparingLong((ImageDiff.DirectoryChange d) -> Math.abs(d.deltaBytes())).reversed()
                .thenComparing(ImageDiff.DirectoryChange::path));
        return rows;
    }

    private static void tally(Map<String, long[]> byDirectory, ImageDiff.FileChange change, int kind) {
        long[] t = byDirectory.computeIfAbsent(directoryOf(change.path()), d -> new long[4]);
        t[kind]++;
        t[3] += change.deltaBytes();
    }

    /** The parent directory, cut to {@link #ROLLUP_DEPTH} levels; {@code /} for top-level files. */
    static String directoryOf(String path) {
        String[] parts = path.substring(1).split("/");
        int depth = Math.min(parts.length - 1, ROLLUP_DEPTH);
        return depth == 0 ? "/" : "/" + String.join("/", java.util.Arrays.copyOf(parts, depth));
    }

    private static List<ImageDiff.FileChange> topOf(List<ImageDiff.FileChange> changes,
                                                    Comparator<ImageDiff.FileChange> order, int top) {
        changes.sort(order);
        return changes.subList(0, limit(changes.size(), top));
    }

    /** {@code top} items at most; 0 means all. */
    private static int limit(int size, int top) {
        return top <= 0 ? size : Math.min(size, top);
    }

    private static long sum(List<ImageDiff.FileChange> changes) {
        long total = 0;
        for (ImageDiff.FileChange c : changes) {
            total += c.deltaBytes();
        }
        return total;
    }

    static String typeName(EntryType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }
}
