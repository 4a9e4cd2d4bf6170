package dev.layerlens.tui;

import dev.layerlens.core.fs.Change;
import dev.layerlens.core.fs.FileNode;
import dev.layerlens.core.fs.FileVersion;
import dev.layerlens.core.fs.LayerView;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What the paths of one layer's view weigh: a file its content bytes, a directory the sum of what
 * it holds in that view. A present directory counts its present entries; a removed one what was
 * removed with it, so a removed subtree never inflates the directory above it. In the
 * {@link ViewMode#LAYER_ONLY} view, unmodified files weigh nothing: the sizes are the layer's own.
 * Each directory is summed once, when first asked for, and remembered.
 */
final class DirSizes {
    private final LayerView view;
    private final ViewMode mode;
    private final Map<FileNode, Long> dirs = new IdentityHashMap<>();

    DirSizes(LayerView view, ViewMode mode) {
        this.view = view;
        this.mode = mode;
    }

    long of(FileNode node) {
        Change change = view.change(node);
        if (change == null) {
            return 0;
        }
        if (!isDirectory(node)) {
            return fileBytes(node, change);
        }
        Long known = dirs.get(node);
        return known != null ? known : sumDirectory(node);
    }

    /** A node the view shows as a directory: one whose version is a directory, or that no entry names. */
    boolean isDirectory(FileNode node) {
        FileVersion v = view.version(node);
        return v == null || v.isDirectory();
    }

    private long fileBytes(FileNode node, Change change) {
        if (mode == ViewMode.LAYER_ONLY && change == Change.UNMODIFIED) {
            return 0;
        }
        return view.version(node).contentBytes();
    }

    /** Post-order without recursion: a directory is summed once all directories below it are. */
    private long sumDirectory(FileNode top) {
        Deque<FileNode> stack = new ArrayDeque<>();
        stack.push(top);
        while (!stack.isEmpty()) {
            FileNode dir = stack.peek();
            if (dirs.containsKey(dir)) {
                stack.pop();
                continue;
            }
            Change dirChange = view.change(dir);
            if (mode == ViewMode.LAYER_ONLY && dirChange != Change.REMOVED && !view.changedBelow(dir)) {
                dirs.put(dir, 0L); // nothing below changed: the layer's own bytes here are none
                stack.pop();
                continue;
            }
            boolean ready = true;
            for (FileNode child : dir.children()) {
                if (counts(dirChange, view.change(child)) && isDirectory(child) && !dirs.containsKey(child)) {
                    stack.push(child);
                    ready = false;
                }
            }
            if (ready) {
                long sum = 0;
                for (FileNode child : dir.children()) {
                    Change c = view.change(child);
                    if (counts(dirChange, c)) {
                        sum += isDirectory(child) ? dirs.get(child) : fileBytes(child, c);
                    }
                }
                dirs.put(dir, sum);
                stack.pop();
            }
        }
        return dirs.get(top);
    }

    /** A removed directory sums what went with it; a present one what is still there. */
    private static boolean counts(Change dirChange, Change childChange) {
        if (childChange == null) {
            return false;
        }
        return dirChange == Change.REMOVED ? childChange == Change.REMOVED : childChange != Change.REMOVED;
    }
}
