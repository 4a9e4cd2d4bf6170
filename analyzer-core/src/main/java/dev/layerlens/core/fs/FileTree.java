package dev.layerlens.core.fs;

import dev.layerlens.core.image.PathNames;
import dev.layerlens.core.layer.EntryType;
import dev.layerlens.core.layer.LayerEntry;
import dev.layerlens.core.layer.LayerScan;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The layers stacked into one tree: every path with every version shipped, which versions the
 * final filesystem shows, and who hid the others. Whiteouts and opaque markers apply to the layers
 * below only; a layer's markers apply before its own entries.
 */
public final class FileTree {
    private final FileNode root = new FileNode("", null);
    private final List<LayerChanges> changes = new ArrayList<>();

    private FileTree() {
    }

    public static FileTree build(List<LayerScan> scans) {
        FileTree tree = new FileTree();
        for (LayerScan scan : scans) {
            tree.apply(scan);
        }
        return tree;
    }

    public FileNode root() {
        return root;
    }

    /** Per-layer change counts, in layer order. */
    public List<LayerChanges> changes() {
        return List.copyOf(changes);
    }

    /** The node at {@code path} (normalised, no leading slash), or null. */
    public FileNode find(String path) {
        FileNode node = root;
        if (path.isEmpty()) {
            return node;
        }
        for (String part : PathNames.elements(path)) {
            node = node.child(part);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    /** Visits every node below the root, parents before children, in no particular sibling order. */
    public void forEachNode(Consumer<FileNode> visitor) {
        Deque<FileNode> stack = new ArrayDeque<>(root.children());
        while (!stack.isEmpty()) {
            FileNode node = stack.pop();
            visitor.accept(node);
            stack.addAll(node.children());
        }
    }

    /** Content bytes of the regular files the final filesystem shows, a content reached by several hard links once. */
    public long visibleBytes() {
        long total = 0;
        for (FileVersion content : reachableContents()) {
            total += content.contentBytes();
        }
        return total;
    }

    /**
     * The regular-file versions whose bytes the final filesystem still shows under some name: the
     * visible ones, and hidden ones that a visible hard link names (deleting the first name of a
     * hard-linked file keeps its bytes). Compared by identity.
     */
    public Set<FileVersion> reachableContents() {
        Set<FileVersion> contents = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        forEachNode(node -> {
            FileVersion v = node.visibleVersion();
            if (v != null && v.content() != null) {
                contents.add(v.content());
            }
        });
        return contents;
    }

    private void apply(LayerScan scan) {
        Counter counter = new Counter(scan.index());
        for (LayerEntry entry : scan.entries()) {
            if (entry.type().isMarker()) {
                FileNode node = find(entry.path());
                if (node != null) {
                    if (entry.type() == EntryType.WHITEOUT) {
                        hide(node, counter, HideReason.DELETED);
                    }
                    hideBelow(node, counter);
                }
            }
        }
        for (LayerEntry entry : scan.entries()) {
            if (!entry.type().isMarker()) {
                add(entry, counter);
            }
        }
        changes.add(counter.toChanges());
    }

    private void add(LayerEntry entry, Counter counter) {
        FileNode node = directory(PathNames.parent(entry.path()), counter).getOrCreateChild(entry.name());
        FileVersion previous = node.visibleVersion();
        boolean isDirectory = entry.type() == EntryType.DIRECTORY;
        if (previous != null) {
            previous.hide(counter.layer, HideReason.OVERWRITTEN);
            if (!previous.isDirectory() && isDirectory) {
                counter.removed(previous);
            }
        }
        if (!isDirectory) {
            // whatever was below this path (a directory shipped or only implied) is gone
            hideBelow(node, counter);
        }
        FileVersion version = new FileVersion(counter.layer, entry);
        if (entry.type() == EntryType.HARDLINK && entry.linkTarget() != null) {
            FileNode target = find(entry.linkTarget());
            version.linkTo(target == null ? null : target.visibleVersion());
        }
        node.addVersion(version);
        if (!isDirectory) {
            if (previous == null) {
                counter.added++;
                counter.addedBytes += version.contentBytes();
            } else {
                counter.modified++;
                counter.modifiedBytes += version.contentBytes();
            }
        }
    }

    /**
     * The directory node at {@code path}, created as needed; a non-directory in the way is replaced
     * by the directory the entry implies. Tars list a directory's entries together, so the last
     * directory is remembered: most entries cost one string comparison here.
     */
    private FileNode directory(String path, Counter counter) {
        if (path.equals(counter.lastDirectoryPath)) {
            return counter.lastDirectory;
        }
        FileNode node = root;
        for (String part : PathNames.elements(path)) {
            node = node.getOrCreateChild(part);
            FileVersion inTheWay = node.visibleVersion();
            if (inTheWay != null && !inTheWay.isDirectory()) {
                hide(node, counter, HideReason.OVERWRITTEN);
            }
        }
        counter.lastDirectoryPath = path;
        counter.lastDirectory = node;
        return node;
    }

    /** Hides the visible version of {@code node} itself. */
    private static void hide(FileNode node, Counter counter, HideReason reason) {
        FileVersion visible = node.visibleVersion();
        if (visible != null) {
            visible.hide(counter.layer, reason);
            counter.removed(visible);
        }
    }

    /** Hides everything visible below {@code node}. */
    private static void hideBelow(FileNode node, Counter counter) {
        Deque<FileNode> stack = new ArrayDeque<>(node.children());
        while (!stack.isEmpty()) {
            FileNode current = stack.pop();
            hide(current, counter, HideReason.DIR_REMOVED);
            stack.addAll(current.children());
        }
    }

    private static final class Counter {
        final int layer;
        int added;
        long addedBytes;
        int modified;
        long modifiedBytes;
        int removed;
        long removedBytes;
        String lastDirectoryPath;
        FileNode lastDirectory;

        Counter(int layer) {
            this.layer = layer;
        }

        void removed(FileVersion version) {
            if (!version.isDirectory()) {
                removed++;
                removedBytes += version.contentBytes();
            }
        }

        LayerChanges toChanges() {
            return new LayerChanges(layer, added, addedBytes, modified, modifiedBytes, removed, removedBytes);
        }
    }
}
