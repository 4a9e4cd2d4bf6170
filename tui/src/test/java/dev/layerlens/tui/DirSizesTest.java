package dev.layerlens.tui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlens.core.fs.Change;
import dev.layerlens.core.fs.FileNode;
import dev.layerlens.core.fs.FileTree;
import dev.layerlens.core.fs.FileVersion;
import dev.layerlens.core.fs.LayerView;
import dev.layerlens.core.fs.LayerViews;
import dev.layerlens.core.layer.EntryType;
import dev.layerlens.core.layer.LayerEntry;
import dev.layerlens.core.layer.LayerScan;
import dev.layerlens.core.source.Compression;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Directory sizes, derived layer from layer, against their definition summed the slow way over the
 * whole subtree, on random stacks of layers visited in random order (so layers are derived from
 * kept ones both near and far).
 */
class DirSizesTest {
    private static final String[] NAMES = {"a", "b", "c", "d"};

    @Test
    void sizesAgreeWithTheirDefinitionInEveryLayerAndView() {
        Random random = new Random(7);
        for (int image = 0; image < 200; image++) {
            int layerCount = 1 + random.nextInt(12);
            FileTree tree = FileTree.build(randomLayers(random, layerCount));
            LayerViews views = new LayerViews(tree);
            VisibleBytes visible = new VisibleBytes(views);
            for (int visit = 0; visit < layerCount * 2; visit++) {
                int layer = random.nextInt(layerCount);
                LayerView view = views.at(layer);
                for (ViewMode mode : ViewMode.values()) {
                    DirSizes sizes = new DirSizes(view, mode, visible);
                    tree.forEachNode(node -> {
                        if (view.change(node) != null) {
                            assertThat(sizes.of(node)).as("layer %d %s /%s", layer, mode, node.path())
                                    .isEqualTo(expected(view, mode, node));
                        }
                    });
                }
            }
        }
    }

    private static List<LayerScan> randomLayers(Random random, int layerCount) {
        List<LayerScan> scans = new ArrayList<>();
        for (int l = 0; l < layerCount; l++) {
            List<LayerEntry> entries = new ArrayList<>();
            for (int e = 0, count = 1 + random.nextInt(10); e < count; e++) {
                StringBuilder path = new StringBuilder(NAMES[random.nextInt(NAMES.length)]);
                for (int d = random.nextInt(3); d > 0; d--) {
                    path.append('/').append(NAMES[random.nextInt(NAMES.length)]);
                }
                EntryType type = switch (random.nextInt(7)) {
                    case 0 -> EntryType.DIRECTORY;
                    case 1 -> EntryType.WHITEOUT;
                    case 2 -> EntryType.OPAQUE;
                    case 3 -> EntryType.SYMLINK;
                    default -> EntryType.FILE;
                };
                entries.add(new LayerEntry(path.toString(), type, type == EntryType.FILE ? 1 + random.nextInt(1000) : 0,
                        0644, 0, 0, type == EntryType.SYMLINK ? "a" : null, 0));
            }
            scans.add(new LayerScan(l, entries, 0, -1, 0, Compression.NONE, null, false));
        }
        return scans;
    }

    /**
     * The definition: a file its own bytes; a present directory the files visible below it (in the
     * layer-only view, those this layer added or modified); a removed directory the files removed with it.
     */
    private static long expected(LayerView view, ViewMode mode, FileNode node) {
        Change change = view.change(node);
        FileVersion version = view.version(node);
        if (version != null && !version.isDirectory()) {
            return mode == ViewMode.LAYER_ONLY && change == Change.UNMODIFIED ? 0 : version.contentBytes();
        }
        long sum = 0;
        List<FileNode> below = new ArrayList<>(node.children());
        while (!below.isEmpty()) {
            FileNode x = below.remove(below.size() - 1);
            Change c = view.change(x);
            FileVersion v = view.version(x);
            long bytes = v == null ? 0 : v.contentBytes();
            if (change == Change.REMOVED) {
                if (c == Change.REMOVED) {
                    sum += bytes;
                    below.addAll(x.children());
                }
            } else {
                if (c != null && c != Change.REMOVED && (mode == ViewMode.AGGREGATED || c != Change.UNMODIFIED)) {
                    sum += bytes;
                }
                below.addAll(x.children());
            }
        }
        return sum;
    }
}
