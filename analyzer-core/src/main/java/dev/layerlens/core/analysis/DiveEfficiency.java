package dev.layerlens.core.analysis;

import dev.layerlens.core.image.PathNames;
import dev.layerlens.core.layer.EntryType;
import dev.layerlens.core.layer.LayerEntry;
import dev.layerlens.core.layer.LayerScan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
 */
public final class DiveEfficiency {
    private static final String WHITEOUT_PREFIX = ".wh.";

    private DiveEfficiency() {
    }

    public static DiveMetrics compute(List<LayerScan> scans) {
        List<DiveTree> trees = new ArrayList<>();
        for (LayerScan scan : scans) {
            trees.add(DiveTree.of(scan.entries()));
        }
        Map<String, PathScore> scores = new HashMap<>();
        List<PathScore> inefficient = new ArrayList<>();
        DiveTree stacked = trees.isEmpty() ? new DiveTree() : trees.get(0).copy();
        for (int i = 0; i < trees.size(); i++) {
            if (i == 1) {
                stacked.stack(trees.get(0));
            } else if (i > 1) {
                stacked.stack(trees.get(i - 1));
            }
            score(trees.get(i).root, stacked, scores, inefficient);
        }
        long minimum = 0;
        long cumulative = 0;
        for (PathScore s : scores.values()) {
            minimum += s.minimum;
            cumulative += s.cumulative;
        }
        double efficiency = cumulative == 0 ? 1.0 : (double) minimum / (double) cumulative;
        long wasted = 0;
        for (PathScore s : inefficient) {
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
                .sorted(Comparator.comparingLong((PathScore s) -> s.cumulative).reversed().thenComparing(s -> s.path))
                .map(s -> new DiveMetrics.Inefficiency(s.path, s.count, s.cumulative))
                .toList();
        return new DiveMetrics(efficiency, wasted, userWasted, size, userSize, list);
    }

    /** Scores the leaves below {@code node}; false when a missing whiteout target ended the layer. */
    private static boolean score(DiveNode node, DiveTree stacked, Map<String, PathScore> scores,
                                 List<PathScore> inefficient) {
        for (DiveNode child : node.children.values()) {
            if (!score(child, stacked, scores, inefficient)) {
                return false;
            }
        }
        if (node.parent == null || !node.children.isEmpty()) {
            return true;
        }
        String path = node.path();
        PathScore s = scores.computeIfAbsent(path, PathScore::new);
        long size;
        if (node.isWhiteout()) {
            DiveNode previous = stacked.get(path);
            if (previous == null) {
                return false;
            }
            size = previous.isDir ? previous.subtreeSize() : 0;
        } else {
            size = node.size;
        }
        s.cumulative += size;
        if (s.minimum < 0 || size < s.minimum) {
            s.minimum = size;
        }
        s.count++;
        if (s.count == 2) {
            inefficient.add(s);
        }
        return true;
    }

    private static final class PathScore {
        final String path;
        long cumulative;
        long minimum = -1;
        int count;

        PathScore(String path) {
            this.path = path;
        }
    }

    /** A layer's tree in dive's model. */
    private static final class DiveTree {
        final DiveNode root = new DiveNode("", null);

        static DiveTree of(List<LayerEntry> entries) {
            DiveTree tree = new DiveTree();
            for (LayerEntry e : entries) {
                switch (e.type()) {
                    case OPAQUE -> tree.add(e.path(), null);
                    case WHITEOUT -> tree.add(PathNames.child(PathNames.parent(e.path()), WHITEOUT_PREFIX + e.name()), e);
                    default -> tree.add(e.path(), e);
                }
            }
            return tree;
        }

        /** Adds a path; {@code payload} null only creates the nodes on the way (an opaque marker's parent). */
        void add(String path, LayerEntry payload) {
            if (path.isEmpty()) {
                return;
            }
            DiveNode node = getOrCreate(path);
            if (payload != null) {
                node.setPayload(payload.size(), payload.type() == EntryType.DIRECTORY);
            }
        }

        /** The node at {@code path}, creating missing ones with an empty payload (not a directory, size 0). */
        DiveNode getOrCreate(String path) {
            DiveNode node = root;
            for (String part : path.split("/")) {
                DiveNode parent = node;
                node = node.children.computeIfAbsent(part, n -> new DiveNode(n, parent));
            }
            return node;
        }

        DiveNode get(String path) {
            DiveNode node = root;
            for (String part : path.split("/")) {
                if (part.isEmpty()) {
                    continue;
                }
                node = node.children.get(part);
                if (node == null) {
                    return null;
                }
            }
            return node;
        }

        DiveTree copy() {
            DiveTree copy = new DiveTree();
            copyChildren(root, copy.root);
            return copy;
        }

        private static void copyChildren(DiveNode from, DiveNode to) {
            for (DiveNode child : from.children.values()) {
                DiveNode c = new DiveNode(child.name, to);
                c.setPayload(child.size, child.isDir);
                to.children.put(c.name, c);
                copyChildren(child, c);
            }
        }

        /** dive's Stack: every node of {@code upper}, children first: whiteouts remove, others set the payload. */
        void stack(DiveTree upper) {
            stackBelow(upper.root);
        }

        private void stackBelow(DiveNode upperNode) {
            for (DiveNode child : upperNode.children.values()) {
                stackBelow(child);
            }
            if (upperNode.parent == null) {
                return;
            }
            String path = upperNode.path();
            if (upperNode.isWhiteout()) {
                DiveNode target = get(path);
                if (target != null) {
                    target.parent.children.remove(target.name);
                }
            } else {
                getOrCreate(path).setPayload(upperNode.size, upperNode.isDir);
            }
        }
    }

    private static final class DiveNode {
        final String name;
        final DiveNode parent;
        final TreeMap<String, DiveNode> children = new TreeMap<>();
        long size;
        boolean isDir;

        DiveNode(String name, DiveNode parent) {
            this.name = name;
            this.parent = parent;
        }

        void setPayload(long payloadSize, boolean payloadIsDir) {
            size = payloadSize;
            isDir = payloadIsDir;
        }

        boolean isWhiteout() {
            return name.startsWith(WHITEOUT_PREFIX);
        }

        /** dive's path: a whiteout leaf's prefix is fictitious. */
        String path() {
            List<String> parts = new ArrayList<>();
            for (DiveNode n = this; n.parent != null; n = n.parent) {
                parts.add(0, n == this && isWhiteout() ? n.name.substring(WHITEOUT_PREFIX.length()) : n.name);
            }
            return String.join("/", parts);
        }

        long subtreeSize() {
            long total = size;
            for (DiveNode child : children.values()) {
                total += child.subtreeSize();
            }
            return total;
        }
    }
}
