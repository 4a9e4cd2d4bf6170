package dev.layerlens.core.fs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlens.core.layer.EntryType;
import dev.layerlens.core.layer.LayerEntry;
import dev.layerlens.core.layer.LayerScan;
import dev.layerlens.core.source.Compression;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link LayerView} against a plain restatement of its contract on random stacks of layers
 * (files, directories, implied directories, whiteouts, opaque markers): the index that lets views
 * skip subtrees must never change an answer.
 */
class LayerViewRandomTest {
    private static final String[] NAMES = {"a", "b", "c"};

    @Test
    void agreesWithTheDefinitionOnRandomImages() {
        Random random = new Random(42);
        for (int image = 0; image < 300; image++) {
            int layers = 1 + random.nextInt(5);
            List<LayerScan> scans = new ArrayList<>();
            for (int l = 0; l < layers; l++) {
                List<LayerEntry> entries = new ArrayList<>();
                int count = 1 + random.nextInt(8);
                for (int e = 0; e < count; e++) {
                    entries.add(randomEntry(random));
                }
                scans.add(new LayerScan(l, entries, 0, -1, 0, Compression.NONE, null, false));
            }
            FileTree tree = FileTree.build(scans);
            LayerViews views = new LayerViews(tree);
            for (int l = 0; l < layers; l++) {
                LayerView view = views.at(l);
                int layer = l;
                tree.forEachNode(node -> assertThat(view.change(node))
                        .as("image %d layer %d /%s", tree.hashCode(), layer, node.path())
                        .isEqualTo(expectedChange(node, layer)));
            }
        }
    }

    private static LayerEntry randomEntry(Random random) {
        int depth = 1 + random.nextInt(3);
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            path.append(i == 0 ? "" : "/").append(NAMES[random.nextInt(NAMES.length)]);
        }
        EntryType type = switch (random.nextInt(6)) {
            case 0 -> EntryType.DIRECTORY;
            case 1 -> EntryType.WHITEOUT;
            case 2 -> EntryType.OPAQUE;
            default -> EntryType.FILE;
        };
        int mode = random.nextBoolean() ? 0644 : 0755;
        return new LayerEntry(path.toString(), type, type == EntryType.FILE ? 1 + random.nextInt(100) : 0, mode, 0, 0,
                null, 0);
    }

    /** The contract, restated naively: presence by searching every descendant, no index. */
    private static Change expectedChange(FileNode node, int layer) {
        boolean now = present(node, layer);
        boolean before = layer > 0 && present(node, layer - 1);
        if (!now) {
            return before ? Change.REMOVED : null;
        }
        if (!before) {
            return Change.ADDED;
        }
        FileVersion current = node.versionAt(layer);
        FileVersion previous = node.versionAt(layer - 1);
        if (current == null) {
            return previous != null && !previous.isDirectory() ? Change.MODIFIED : Change.UNMODIFIED;
        }
        if (current.layer() != layer) {
            return Change.UNMODIFIED;
        }
        if (previous == null) {
            return current.isDirectory() ? Change.UNMODIFIED : Change.MODIFIED;
        }
        boolean sameDirectory = current.isDirectory() && previous.isDirectory() && current.mode() == previous.mode()
                && current.uid() == previous.uid() && current.gid() == previous.gid();
        return sameDirectory ? Change.UNMODIFIED : Change.MODIFIED;
    }

    private static boolean present(FileNode node, int layer) {
        if (node.versionAt(layer) != null) {
            return true;
        }
        for (FileNode child : node.children()) {
            if (present(child, layer)) {
                return true;
            }
        }
        return false;
    }
}
