package dev.layerlens.tui;

import dev.layerlens.core.fs.FileNode;
import dev.layerlens.core.fs.FileVersion;
import dev.layerlens.core.fs.LayerViews;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * For each directory, the bytes of the files below it that are visible after stacking layers
 * 0..N. Layer N's figures are layer N-1's plus what layer N's own paths changed, so moving to the
 * next layer costs what that layer touched, not the whole tree. A few layers are kept; a layer is
 * derived from the nearest kept one below it.
 */
final class VisibleBytes {
    private static final int LAYERS_KEPT = 8;

    private final LayerViews views;
    private final LinkedHashMap<Integer, Map<FileNode, Long>> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Map<FileNode, Long>> eldest) {
            return size() > LAYERS_KEPT;
        }
    };

    VisibleBytes(LayerViews views) {
        this.views = views;
    }

    /** Directory → visible bytes below it at {@code layer}; directories with none are absent. */
    Map<FileNode, Long> at(int layer) {
        Map<FileNode, Long> known = kept.get(layer);
        if (known != null) {
            return known;
        }
        int from = -1;
        for (int l = layer - 1; l >= 0 && from < 0; l--) {
            if (kept.containsKey(l)) {
                from = l;
            }
        }
        Map<FileNode, Long> sums = from < 0 ? new IdentityHashMap<>() : new IdentityHashMap<>(kept.get(from));
        for (int l = from + 1; l <= layer; l++) {
            apply(l, sums);
        }
        kept.put(layer, sums);
        return sums;
    }

    private void apply(int layer, Map<FileNode, Long> sums) {
        for (FileNode node : views.at(layer).touched()) {
            long delta = bytes(node, layer) - bytes(node, layer - 1);
            if (delta != 0) {
                for (FileNode p = node.parent(); p != null; p = p.parent()) {
                    sums.merge(p, delta, Long::sum);
                }
            }
        }
    }

    /** What {@code node} itself adds to the directories above it at {@code layer}. */
    private static long bytes(FileNode node, int layer) {
        if (layer < 0) {
            return 0;
        }
        FileVersion v = node.versionAt(layer);
        return v == null ? 0 : v.contentBytes();
    }
}
