package dev.layerlens.core.report;

import dev.layerlens.core.fs.FileNode;
import dev.layerlens.core.fs.FileTree;
import dev.layerlens.core.fs.FileVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The final filesystem as a tree of sizes, for the treemap: each directory's bytes are the
 * regular-file bytes visible below it. Kept small enough to draw: a few levels deep, and the
 * entries too small to see folded into one "other" entry per directory.
 */
public final class FilesystemSizes {
    private FilesystemSizes() {
    }

    /**
     * @param path     with a leading slash; the folded entry's path is its directory's
     * @param children largest first; empty for files, for folded entries and below the depth limit
     * @param folded   how many entries an "other" entry stands for (0 for a real entry)
     */
    public record Entry(String name, String path, long bytes, boolean directory, List<Entry> children, int folded) {
        public Entry {
            children = List.copyOf(children);
        }
    }

    /**
     * @param depth       directory levels below the root to keep
     * @param minFraction entries smaller than this share of the whole are folded
     */
    public static Entry of(FileTree tree, int depth, double minFraction) {
        long total = bytes(tree.root());
        return entry(tree.root(), "/", depth, Math.max(1, (long) (total * minFraction)), total);
    }

    private static Entry entry(FileNode node, String path, int depth, long minBytes, long bytes) {
        List<Entry> children = new ArrayList<>();
        boolean directory = node.parent() == null || isDirectory(node);
        if (directory && depth > 0) {
            long foldedBytes = 0;
            int folded = 0;
            for (FileNode child : node.children()) {
                if (!visible(child)) {
                    continue;
                }
                long childBytes = bytes(child);
                if (childBytes == 0) {
                    continue; // nothing to draw: empty files, directories of deleted or empty entries
                }
                if (childBytes < minBytes) {
                    foldedBytes += childBytes;
                    folded++;
                } else {
                    String childPath = path.equals("/") ? "/" + child.name() : path + "/" + child.name();
                    children.add(entry(child, childPath, depth - 1, minBytes, childBytes));
                }
            }
            children.sort(Comparator.comparingLong(Entry::bytes).reversed().thenComparing(Entry::name));
            if (foldedBytes > 0) {
                children.add(new Entry(folded + " smaller", path, foldedBytes, false, List.of(), folded));
            }
        }
        return new Entry(node.parent() == null ? "/" : node.name(), path, bytes, directory, children, 0);
    }

    private static boolean visible(FileNode node) {
        return node.visibleVersion() != null || (node.versions().isEmpty() && !node.children().isEmpty());
    }

    private static boolean isDirectory(FileNode node) {
        FileVersion v = node.visibleVersion();
        return v == null ? !node.children().isEmpty() : v.isDirectory();
    }

    /** Regular-file bytes visible at or below {@code node}. */
    private static long bytes(FileNode node) {
        long total = 0;
        java.util.ArrayDeque<FileNode> stack = new java.util.ArrayDeque<>();
        stack.push(node);
        while (!stack.isEmpty()) {
            FileNode n = stack.pop();
            FileVersion v = n.visibleVersion();
            if (v != null) {
                total += v.contentBytes();
            }
            if (n.parent() == null || v == null || v.isDirectory()) {
                n.children().forEach(stack::push);
            }
        }
        return total;
    }
}
