package dev.layerlens.tui;

import dev.layerlens.core.fs.Change;
import dev.layerlens.core.fs.FileNode;
import dev.layerlens.core.fs.FileVersion;
import dev.layerlens.core.fs.LayerView;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The file tree of one layer under one {@link TreeSettings}: which paths show, in which order, with
 * which mark and size. Nothing is computed up front: a directory's entries are listed when a row
 * of it is first drawn or walked, and remembered, so the cost follows what the user looks at.
 *
 * <p>A path shows when it exists in the view, its kind of change is not hidden and the filter
 * finds its path; a directory also shows while anything below it does, to keep its entries reachable.
 */
final class TreeListing {
    private final LayerView view;
    private final TreeSettings settings;
    private final DirSizes sizes;
    private final NameOrder names;
    private final Map<FileNode, List<FileNode>> entries = new IdentityHashMap<>();
    private final Map<FileNode, Integer> positions = new IdentityHashMap<>();
    private final Map<FileNode, Boolean> shown = new IdentityHashMap<>();
    /** paths of the directories the filter has seen, so a path is one concatenation, not a walk to the root */
    private final Map<FileNode, String> directoryPaths = new IdentityHashMap<>();

    TreeListing(LayerView view, TreeSettings settings, DirSizes sizes, NameOrder names) {
        this.view = view;
        this.settings = settings;
        this.sizes = sizes;
        this.names = names;
    }

    TreeSettings settings() {
        return settings;
    }

    /** The entries of {@code dir} that show, in the settings' order. */
    List<FileNode> entries(FileNode dir) {
        List<FileNode> known = entries.get(dir);
        if (known != null) {
            return known;
        }
        List<FileNode> list = new ArrayList<>();
        for (FileNode child : names.children(dir)) {
            if (shows(child)) {
                list.add(child);
            }
        }
        if (settings.sort() == SortOrder.SIZE) {
            list.sort(Comparator.comparingLong(sizes::of).reversed().thenComparing(NameOrder.BY_NAME));
        }
        List<FileNode> fixed = List.copyOf(list);
        for (int i = 0; i < fixed.size(); i++) {
            positions.put(fixed.get(i), i);
        }
        entries.put(dir, fixed);
        return fixed;
    }

    /** Where {@code node} stands among its parent's entries; -1 when it does not show. */
    int position(FileNode node) {
        entries(node.parent());
        Integer at = positions.get(node);
        return at == null ? -1 : at;
    }

    /** The mark a row shows: a directory the layer left alone but changed something below is modified. */
    Change mark(FileNode node) {
        Change change = view.change(node);
        if (change == Change.UNMODIFIED && view.changedBelow(node)) {
            return Change.MODIFIED;
        }
        return change;
    }

    long size(FileNode node) {
        return sizes.of(node);
    }

    boolean isDirectory(FileNode node) {
        return sizes.isDirectory(node);
    }

    /** The version a row describes (type, link target), or null for a directory no entry names. */
    FileVersion version(FileNode node) {
        return view.version(node);
    }

    /** Whether {@code node} is a row of this listing (when its directories are expanded). */
    boolean shows(FileNode node) {
        if (node.parent() == null) {
            return true;
        }
        Change change = view.change(node);
        if (change == null) {
            return false;
        }
        if (passes(node, change)) {
            return true;
        }
        if (node.children().isEmpty()) {
            return false;
        }
        Boolean known = shown.get(node);
        if (known == null) {
            known = somethingBelowShows(node);
        }
        return known;
    }

    private boolean passes(FileNode node, Change change) {
        if (settings.hidden().contains(change)) {
            return false;
        }
        if (settings.mode() == ViewMode.LAYER_ONLY && change == Change.UNMODIFIED) {
            return false;
        }
        return settings.filter() == null || settings.filter().matches(pathOf(node));
    }

    private String pathOf(FileNode node) {
        FileNode parent = node.parent();
        if (parent.parent() == null) {
            return "/" + node.name();
        }
        String parentPath = directoryPaths.get(parent);
        if (parentPath == null) {
            parentPath = NodePaths.absolute(parent);
            directoryPaths.put(parent, parentPath);
        }
        return parentPath + "/" + node.name();
    }

    /**
     * A depth-first search for one path below {@code top} that passes, without recursion. When none
     * does, every directory searched is remembered as showing nothing; when one does, so are the
     * directories between it and {@code top} as showing.
     */
    private boolean somethingBelowShows(FileNode top) {
        Deque<FileNode> stack = new ArrayDeque<>();
        List<FileNode> searched = new ArrayList<>();
        pushSearchable(top, stack, searched);
        while (!stack.isEmpty()) {
            FileNode node = stack.pop();
            Change change = view.change(node);
            if (change == null) {
                continue;
            }
            Boolean known = shown.get(node);
            if (Boolean.TRUE.equals(known) || (known == null && passes(node, change))) {
                for (FileNode p = node.parent(); p != top.parent(); p = p.parent()) {
                    shown.put(p, true);
                }
                return true;
            }
            if (known == null) {
                pushSearchable(node, stack, searched);
            }
        }
        for (FileNode dir : searched) {
            shown.put(dir, false);
        }
        return false;
    }

    /** Pushes the children of {@code dir}, unless the settings rule out everything below it. */
    private void pushSearchable(FileNode dir, Deque<FileNode> stack, List<FileNode> searched) {
        if (dir.children().isEmpty()) {
            return;
        }
        searched.add(dir);
        // only changed paths can pass when unmodified ones are hidden, and none lies below here
        if (settings.unmodifiedHidden() && view.change(dir) != Change.REMOVED && !view.changedBelow(dir)) {
            return;
        }
        stack.addAll(dir.children());
    }
}
