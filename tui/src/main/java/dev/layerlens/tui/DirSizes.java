package dev.layerlens.tui;

import dev.layerlens.core.fs.Change;
import dev.layerlens.core.fs.FileNode;
import dev.layerlens.core.fs.FileVersion;
import dev.layerlens.core.fs.LayerView;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What the paths of one layer's view weigh: a file its content bytes, a directory the sum of what
 * it holds in that view. A present directory counts its present files; a removed one what was
 * removed with it, so a removed subtree never inflates the directory above it. In the
 * {@link ViewMode#LAYER_ONLY} view, unmodified files weigh nothing: the sizes are the layer's own.
 * Only the whole-filesystem sums need more than the layer's own paths, and {@link VisibleBytes}
 * derives those layer from layer.
 */
final class DirSizes {
    private final LayerView view;
    private final ViewMode mode;
    private final VisibleBytes visible;
    private Map<FileNode, Long> own;
    private Map<FileNode, Long> removed;

    DirSizes(LayerView view, ViewMode mode, VisibleBytes visible) {
        this.view = view;
        this.mode = mode;
        this.visible = visible;
    }

    long of(FileNode node) {
        Change change = view.change(node);
        if (change == null) {
            return 0;
        }
        if (!isDirectory(node)) {
            return mode == ViewMode.LAYER_ONLY && change == Change.UNMODIFIED ? 0 : view.version(node).contentBytes();
        }
        if (change == Change.REMOVED) {
            return removedBelow().getOrDefault(node, 0L);
        }
        Map<FileNode, Long> sums = mode == ViewMode.AGGREGATED ? visible.at(view.layer()) : ownBelow();
        return sums.getOrDefault(node, 0L);
    }

    /** A node the view shows as a directory: one whose version is a directory, or that no entry names. */
    boolean isDirectory(FileNode node) {
        FileVersion v = view.version(node);
        return v == null || v.isDirectory();
    }

    /** Bytes of the files this layer added or modified, summed into every directory above them. */
    private Map<FileNode, Long> ownBelow() {
        if (own == null) {
            own = new IdentityHashMap<>();
            for (FileNode node : view.touched()) {
                Change c = view.change(node);
                if (c == Change.ADDED || c == Change.MODIFIED) {
                    long bytes = contentBytes(node);
                    for (FileNode p = node.parent(); p != null && bytes != 0; p = p.parent()) {
                        own.merge(p, bytes, Long::sum);
                    }
                }
            }
        }
        return own;
    }

    /** Bytes of the files this layer removed, summed into the removed directories above them. */
    private Map<FileNode, Long> removedBelow() {
        if (removed == null) {
            removed = new IdentityHashMap<>();
            for (FileNode node : view.touched()) {
                if (view.change(node) == Change.REMOVED) {
                    long bytes = contentBytes(node);
                    for (FileNode p = node.parent(); p != null && bytes != 0 && view.change(p) == Change.REMOVED;
                         p = p.parent()) {
                        removed.merge(p, bytes, Long::sum);
                    }
                }
            }
        }
        return removed;
    }

    /** A file's own bytes; nothing for a directory, named by an entry or not. */
    private long contentBytes(FileNode node) {
        FileVersion v = view.version(node);
        return v == null ? 0 : v.contentBytes();
    }
}
