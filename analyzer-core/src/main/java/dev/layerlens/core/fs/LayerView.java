package dev.layerlens.core.fs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The filesystem after stacking layers 0..{@link #layer()}, and what that layer changed in it.
 * Answers are computed per path when asked and remembered, so that a browser pays only for the
 * paths it shows. Get one from {@link LayerViews}.
 *
 * <p>A directory that no entry of these layers names (it exists because paths below it do) counts as
 * present while anything below it is.
 */
public final class LayerView {
    private final int layer;
    private final List<FileNode> touched;
    private final LayerViews index;
    private final Map<FileNode, Boolean> presentBelowNow = new IdentityHashMap<>();
    private final Map<FileNode, Boolean> presentBelowBefore = new IdentityHashMap<>();
    private Set<FileNode> changedAncestors;

    LayerView(int layer, List<FileNode> touched, LayerViews index) {
        this.layer = layer;
        this.touched = Collections.unmodifiableList(touched);
        this.index = index;
    }

    public int layer() {
        return layer;
    }

    /** The nodes this layer shipped a version of or hid a version of, each once, in no particular order. */
    public List<FileNode> touched() {
        return touched;
    }

    /**
     * What this layer did to {@code node}: null when the path exists neither in this layer's
     * filesystem nor in the one below (so a view need not show it).
     * A file shipped again counts as modified even when its bytes are the same, as in
     * {@link LayerChanges}; a directory shipped again with the same type, mode and owner is unmodified.
     */
    public Change change(FileNode node) {
        FileVersion current = node.versionAt(layer);
        if (current != null) {
            if (current.layer() != layer) {
                return Change.UNMODIFIED;
            }
            FileVersion before = layer == 0 ? null : node.versionAt(layer - 1);
            if (before == null) {
                if (!existedBefore(node)) {
                    return Change.ADDED;
                }
                // it was a directory implied by the paths below; naming it changes nothing
                return current.isDirectory() ? Change.UNMODIFIED : Change.MODIFIED;
            }
            return sameDirectory(current, before) ? Change.UNMODIFIED : Change.MODIFIED;
        }
        if (hasVisibleBelow(node, layer, presentBelowNow)) {
            if (!existedBefore(node)) {
                return Change.ADDED;
            }
            // a directory no entry names: modified only when it was something else before
            FileVersion before = node.versionAt(layer - 1);
            return before != null && !before.isDirectory() ? Change.MODIFIED : Change.UNMODIFIED;
        }
        return existedBefore(node) ? Change.REMOVED : null;
    }

    /**
     * The version this view shows for {@code node}: the visible one, or for a removed path the one the
     * layer removed; null for a directory no entry names.
     */
    public FileVersion version(FileNode node) {
        FileVersion current = node.versionAt(layer);
        if (current != null || layer == 0 || hasVisibleBelow(node, layer, presentBelowNow)) {
            return current;
        }
        return node.versionAt(layer - 1);
    }

    /** True when this layer added, modified or removed something strictly below {@code node}. */
    public boolean changedBelow(FileNode node) {
        if (changedAncestors == null) {
            Set<FileNode> ancestors = Collections.newSetFromMap(new IdentityHashMap<>());
            for (FileNode t : touched) {
                Change c = change(t);
                if (c != null && c != Change.UNMODIFIED) {
                    for (FileNode p = t.parent(); p != null && ancestors.add(p); p = p.parent()) {
                        // walks up until it meets a path already marked
                    }
                }
            }
            changedAncestors = ancestors;
        }
        return changedAncestors.contains(node);
    }

    private boolean existedBefore(FileNode node) {
        return layer > 0 && (node.versionAt(layer - 1) != null
                || hasVisibleBelow(node, layer - 1, presentBelowBefore));
    }

    private static boolean sameDirectory(FileVersion a, FileVersion b) {
        return a.isDirectory() && b.isDirectory() && a.mode() == b.mode() && a.uid() == b.uid() && a.gid() == b.gid();
    }

    /**
     * Whether some path below {@code node} is visible after stacking layers 0..{@code at}. Subtrees
     * whose contents all come later or went earlier are skipped unsearched; the rest is searched
     * without recursion (image paths can be deeper than the stack), and every directory searched in
     * full is remembered, so the rows of one listing do not search the same subtree twice.
     */
    private boolean hasVisibleBelow(FileNode node, int at, Map<FileNode, Boolean> memo) {
        if (!index.mayHaveVisibleBelow(node, at)) {
            return false;
        }
        Boolean known = memo.get(node);
        if (known != null) {
            return known;
        }
        Deque<FileNode> stack = new ArrayDeque<>(node.children());
        List<FileNode> searched = new ArrayList<>();
        while (!stack.isEmpty()) {
            FileNode n = stack.pop();
            if (n.versionAt(at) != null) {
                markPresent(n.parent(), node, memo);
                return true;
            }
            Boolean k = memo.get(n);
            if (k != null) {
                if (k) {
                    markPresent(n, node, memo);
                    return true;
                }
                continue;
            }
            if (index.mayHaveVisibleBelow(n, at)) {
                searched.add(n);
                stack.addAll(n.children());
            }
        }
        memo.put(node, false);
        for (FileNode n : searched) {
            memo.put(n, false);
        }
        return false;
    }

    private static void markPresent(FileNode from, FileNode top, Map<FileNode, Boolean> memo) {
        for (FileNode p = from; ; p = p.parent()) {
            memo.put(p, true);
            if (p == top) {
                return;
            }
        }
    }
}
