package dev.layerlens.core.fs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-layer views of one tree, each made when first asked for and kept: a browser that goes
 * back to a layer finds its answers already computed.
 */
public final class LayerViews {
    private final FileTree tree;
    private final int layerCount;
    private final Map<Integer, LayerView> views = new HashMap<>();
    private List<List<FileNode>> touched;

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
        return views.computeIfAbsent(layer, l -> new LayerView(l, touchedBy(l)));
    }

    /**
     * The nodes a layer shipped a version of or hid a version of. One pass over the tree serves every
     * layer, so a layer's own changes are found without walking the paths it did not touch.
     */
    private List<FileNode> touchedBy(int layer) {
        if (touched == null) {
            List<List<FileNode>> lists = new ArrayList<>(layerCount);
            for (int i = 0; i < layerCount; i++) {
                lists.add(new ArrayList<>());
            }
            tree.forEachNode(node -> {
                // a layer may both hide and ship a path (a whiteout, then the path again): list it once
                int[] seen = new int[node.versions().size() * 2];
                int count = 0;
                for (FileVersion v : node.versions()) {
                    count = addOnce(seen, count, v.layer(), node, lists);
                    if (v.hiddenBy() >= 0) {
                        count = addOnce(seen, count, v.hiddenBy(), node, lists);
                    }
                }
            });
            touched = lists;
        }
        return touched.get(layer);
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
