package dev.layerlens.core.analysis;

import dev.layerlens.core.image.PathNames;
import dev.layerlens.core.layer.EntryType;
import dev.layerlens.core.layer.LayerEntry;
import dev.layerlens.core.layer.LayerScan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * dive 0.13's efficiency, re-derived from its documented behaviour rather than layerlens's own file
 * tree, because dive's figures follow dive's model and its quirks:
 * <ul>
 * <li>each layer is a tree of its entries plus implied parent directories; only leaves are scored,
 *     visited depth-first, children before parents, in byte order of names;</li>
 * <li>a leaf scores its size field; a whiteout leaf scores the whole subtree it removes from the
 *     layers below when that path was an explicit directory, else 0;</li>
 * <li>opaque markers are ignored (only their parent directory is created);</li>
 * <li>a whiteout whose path does not exist below ends the scoring of that layer, and leaves its
 *     path with a smallest size of -1;</li>
 * <li>a removed directory is one path: the files in it are not scored again.</li>
 * </ul>
 * The layer trees, the stack of the layers below, and the per-path scores are walked side by side,
 * so no path string is built except for the paths reported.
 */
public final class DiveEfficiency {
    private static final String WHITEOUT_PREFIX = ".wh.";

    private DiveEfficiency() {
    }

    public static DiveMetrics compute(List<LayerScan> scans) {
        List<Node> trees = new ArrayList<>();
        for (LayerScan scan : scans) {
            trees.add(layerTree(scan.entries()));
        }
        Score scores = new Score(null, "");
        List<Score> inefficient = new ArrayList<>();
        // the stack of layers 0..i-1 as dive builds it: a copy of layer 0, then layers 0..i-1 stacked on it
        Node stacked = trees.isEmpty() ? new Node() : trees.get(0).copy();
        for (int i = 0; i < trees.size(); i++) {
            if (i > 0) {
                stack(stacked, trees.get(i == 1 ? 0 : i - 1));
            }
            score(trees.get(i), scores, stacked, inefficient);
        }
        long[] totals = new long[2];
        scores.sum(totals);
        long minimum = totals[0];
        long cumulative = totals[1];
        double efficiency = cumulative == 0 ? 1.0 : (double) minimum / (double) cumulative;
        long wasted = 0;
        for (Score s : inefficient) {
            wasted += s.cumulative;
        }
        long size = 0;
        long userSize = 0;
        for (LayerScan scan : scans) {
            size += scan.sizeBytes();
            if (scan.index() > 0) {
                userSize += scan.sizeBytes();
            }
        }
        Double userWasted = userSize == 0 ? null : (double) wasted / (double) userSize;
        List<DiveMetrics.Inefficiency> list = inefficient.stream()
                .map(s -> new DiveMetrics.Inefficiency("/" + s.path(), s.count, s.cumulative))
                .sorted(Comparator.comparingLong(DiveMetrics.Inefficiency::cumulativeBytes).reversed()
                        .thenComparing(DiveMetrics.Inefficiency::path))
                .toList();
        return new DiveMetrics(efficiency, wasted, userWasted, size, userSize, list);
    }

    private static Node layerTree(List<LayerEntry> entries) {
        Node root = new Node();
        String lastDirectoryPath = null;
        Node lastDirectory = null;
        for (LayerEntry e : entries) {
            if (e.type() == EntryType.OPAQUE) {
                root.getOrCreate(e.path());
                continue;
            }
            // tars list a directory's entries together: remember the last directory
            String directoryPath = PathNames.parent(e.path());
            if (!directoryPath.equals(lastDirectoryPath)) {
                lastDirectoryPath = directoryPath;
                lastDirectory = root.getOrCreate(directoryPath);
            }
            if (e.type() == EntryType.WHITEOUT) {
                lastDirectory.getOrCreateChild(WHITEOUT_PREFIX + e.name()).setPayload(e.size(), false);
            } else {
                lastDirectory.getOrCreateChild(e.name()).setPayload(e.size(), e.type() == EntryType.DIRECTORY);
            }
        }
        return root;
    }

    /**
     * Scores the leaves below {@code layerNode}; {@code stacked} is the same place in the stack of the
     * layers below (null when absent). False when a missing whiteout target ended the layer.
     */
    private static boolean score(Node layerNode, Score score, Node stacked, List<Score> inefficient) {
        for (Map.Entry<String, Node> child : layerNode.children().entrySet()) {
            String name = child.getKey();
            Node node = child.getValue();
            boolean whiteout = node.isLeaf() && name.startsWith(WHITEOUT_PREFIX);
            String pathName = whiteout ? name.substring(WHITEOUT_PREFIX.length()) : name;
            Score childScore = score.child(pathName);
            Node stackedChild = stacked == null ? null : stacked.child(pathName);
            if (!node.isLeaf()) {
                if (!score(node, childScore, stackedChild, inefficient)) {
                    return false;
                }
                continue;
            }
            long size;
            if (whiteout) {
                childScore.touch();
                if (stackedChild == null) {
                    return false;
                }
                size = stackedChild.isDir ? stackedChild.subtreeSize() : 0;
            } else {
                size = node.size;
            }
            if (childScore.add(size)) {
                inefficient.add(childScore);
            }
        }
        return true;
    }

    /** dive's Stack: every node of {@code upper}, children first; whiteouts remove, others set the payload. */
    private static void stack(Node stacked, Node upper) {
        for (Map.Entry<String, Node> child : upper.children().entrySet()) {
            String name = child.getKey();
            Node node = child.getValue();
            if (node.isLeaf() && name.startsWith(WHITEOUT_PREFIX)) {
                stacked.remove(name.substring(WHITEOUT_PREFIX.length()));
                continue;
            }
            Node target = stacked.getOrCreateChild(name);
            stack(target, node);
            target.setPayload(node.size, node.isDir);
        }
    }

    /** A node of a layer tree or of the stack, in dive's model: an implied node is not a directory. */
    private static final class Node {
        private TreeMap<String, Node> children;
        long size;
        boolean isDir;

        Map<String, Node> children() {
            return children == null ? Map.of() : children;
        }

        boolean isLeaf() {
            return children == null || children.isEmpty();
        }

        Node child(String name) {
            return children == null ? null : children.get(name);
        }

        Node getOrCreateChild(String name) {
            if (children == null) {
                children = new TreeMap<>();
            }
            return children.computeIfAbsent(name, n -> new Node());
        }

        Node getOrCreate(String path) {
            Node node = this;
            for (String part : PathNames.elements(path)) {
                node = node.getOrCreateChild(part);
            }
            return node;
        }

        void remove(String name) {
            if (children != null) {
                children.remove(name);
            }
        }

        void setPayload(long payloadSize, boolean payloadIsDir) {
            size = payloadSize;
            isDir = payloadIsDir;
        }

        long subtreeSize() {
            long total = size;
            for (Node child : children().values()) {
                total += child.subtreeSize();
            }
            return total;
        }

        Node copy() {
            Node copy = new Node();
            copy.setPayload(size, isDir);
            for (Map.Entry<String, Node> child : children().entrySet()) {
                if (copy.children == null) {
                    copy.children = new TreeMap<>();
                }
                copy.children.put(child.getKey(), child.getValue().copy());
            }
            return copy;
        }
    }

    /** The scores of one path across layers, in a tree parallel to the paths. */
    private static final class Score {
        private final Score parent;
        private final String name;
        private java.util.HashMap<String, Score> children;
        private boolean seen;
        long cumulative;
        long minimum = -1;
        int count;

        Score(Score parent, String name) {
            this.parent = parent;
            this.name = name;
        }

        Score child(String childName) {
            if (children == null) {
                children = new java.util.HashMap<>();
            }
            return children.computeIfAbsent(childName, n -> new Score(this, n));
        }

        /** The path enters dive's score map (even when nothing is added to it). */
        void touch() {
            seen = true;
        }

        /** Records one sighting; true on the second one (the path becomes inefficient). */
        boolean add(long size) {
            seen = true;
            cumulative += size;
            if (minimum < 0 || size < minimum) {
                minimum = size;
            }
            count++;
            return count == 2;
        }

        void sum(long[] totals) {
            if (seen) {
                totals[0] += minimum;
                totals[1] += cumulative;
            }
            if (children != null) {
                for (Score child : children.values()) {
                    child.sum(totals);
                }
            }
        }

        String path() {
            return parent == null || parent.parent == null ? name : parent.path() + "/" + name;
        }
    }
}
