package dev.layerlens.core.fs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-layer views of one tree, each made when first asked for and kept: a browser that goes
 * back to a layer finds its answers already computed. One pass over the tree, made on first use,
 * indexes what every layer touched and when each directory's contents can be visible.
 */
public final class LayerViews {
    private final FileTree tree;
    private final int layerCount;
    private final Map<Integer, LayerView> views = new HashMap<>();
    private List<List<FileNode>> touched;
    /** per directory: the first layer that ships something below it, and the layer after which nothing below it is visible */
    private Map<FileNode, int[]> spans;

    public LayerViews(FileTree tree) {
        this.tree = tree;
        this.layerCount = tree.changes().size();
    }

    public int layerCount() {
        return layerCount;
    }

    public FileTree tree() {
        return tree;
    }

    /** The view of the filesystem after stacking layers 0..{@code layer}. */
    public LayerView at(int layer) {
        if (layer < 0 || layer >= layerCount) {
            throw new IndexOutOfBoundsException("layer " + layer + " of " + layerCount);
        }
        index();
        return views.computeIfAbsent(layer, l -> new LayerView(l, touched.get(l), this));
    }

    /**
     * False when nothing below {@code dir} can be visible at {@code layer}: every version below it is
     * shipped later or hidden earlier. Lets a view skip whole subtrees that a layer has not reached
     * yet or that an earlier layer removed, instead of searching them.
     */
    boolean mayHaveVisibleBelow(FileNode dir, int layer) {
        int[] span = spans.get(dir);
        return span != null && span[0] <= layer && layer < span[1];
    }

    private void index() {
        if (touched != null) {
            return;
        }
        List<List<FileNode>> lists = new ArrayList<>(layerCount);
        for (int i = 0; i < layerCount; i++) {
            lists.add(new ArrayList<>());
        }
        Map<FileNode, int[]> dirSpans = new IdentityHashMap<>();
        tree.forEachNode(node -> {
            // a layer may both hide and ship a path (a whiteout, then the path again): list it once
            int[] seen = new int[node.versions().size() * 2];
            int count = 0;
            int first = Integer.MAX_VALUE;
            int end = Integer.MIN_VALUE;
            for (FileVersion v : node.versions()) {
                count = addOnce(seen, count, v.layer(), node, lists);
                if (v.hiddenBy() >= 0) {
                    count = addOnce(seen, count, v.hiddenBy(), node, lists);
                }
                first = Math.min(first, v.layer());
                end = Math.max(end, v.hiddenBy() < 0 ? layerCount : v.hiddenBy());
            }
            if (first != Integer.MAX_VALUE) {
                widenAncestors(node, first, end, dirSpans);
            }
        });
        spans = dirSpans;
        touched = lists;
    }

    /** Widens the spans above {@code node}; stops where a span already covers it, so each pass up is short. */
    private static void widenAncestors(FileNode node, int first, int end, Map<FileNode, int[]> dirSpans) {
        for (FileNode p = node.parent(); p != null; p = p.parent()) {
            int[] span = dirSpans.get(p);
            if (span == null) {
                dirSpans.put(p, new int[] {first, end});
            } else if (span[0] <= first && span[1] >= end) {
                return;
            } else {
                span[0] = Math.min(span[0], first);
                span[1] = Math.max(span[1], end);
            }
        }
    }

    private static int addOnce(int[] seen, int count, int layer, FileNode node, List<List<FileNode>> lists) {
        for (int i = 0; i < count; i++) {
            if (seen[i] == layer) {
                return count;
            }
        }
        seen[count] = layer;
        lists.get(layer).add(node);
        return count + 1;
    }
}
