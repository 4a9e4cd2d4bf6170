package dev.layerlens.core.analysis;

import dev.layerlens.core.fs.FileNode;
import dev.layerlens.core.fs.FileTree;
import dev.layerlens.core.fs.FileVersion;
import dev.layerlens.core.fs.HideReason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Finds the bytes shipped in some layer that the final filesystem cannot see, per path and per layer. */
public final class ReclaimableAnalysis {
    private ReclaimableAnalysis() {
    }

    public static Reclaimable compute(FileTree tree, int layerCount) {
        long[] perLayer = new long[layerCount];
        List<ReclaimablePath> paths = new ArrayList<>();
        Set<FileVersion> reachable = tree.reachableContents();
        tree.forEachNode(node -> {
            ReclaimablePath path = hiddenCopies(node, perLayer, reachable);
            if (path != null) {
                paths.add(path);
            }
        });
        paths.sort(Comparator.comparingLong(ReclaimablePath::bytes).reversed().thenComparing(ReclaimablePath::path));
        long total = 0;
        for (ReclaimablePath p : paths) {
            total += p.bytes();
        }
        List<Long> layers = new ArrayList<>();
        for (long bytes : perLayer) {
            layers.add(bytes);
        }
        return new Reclaimable(total, paths, layers);
    }

    /** The copies of this path that no name of the final filesystem reaches (a hidden name still hard-linked is not one). */
    private static ReclaimablePath hiddenCopies(FileNode node, long[] perLayer, Set<FileVersion> reachable) {
        long bytes = 0;
        TreeSet<Integer> layers = new TreeSet<>();
        FileVersion lastHidden = null;
        for (FileVersion v : node.versions()) {
            if (!v.isVisible() && v.contentBytes() > 0 && !reachable.contains(v)) {
                bytes += v.contentBytes();
                perLayer[v.layer()] += v.contentBytes();
                layers.add(v.layer());
                lastHidden = v;
            }
        }
        if (lastHidden == null) {
            return null;
        }
        List<FileVersion> versions = node.versions();
        FileVersion last = versions.get(versions.size() - 1);
        HideReason reason = last.isVisible() ? HideReason.OVERWRITTEN : last.hideReason();
        return new ReclaimablePath("/" + node.path(), bytes, new ArrayList<>(layers), lastHidden.hiddenBy(), reason);
    }
}
