package dev.layerlens.tui;

import dev.layerlens.core.fs.FileNode;
import java.util.ArrayList;
import java.util.List;

/** Paths of tree nodes, built without recursion (image paths can be deeper than the stack). */
final class NodePaths {
    private NodePaths() {
    }

    /** {@code /a/b/c}; {@code /} for the root. Not sanitised: for matching, not for display. */
    static String absolute(FileNode node) {
        if (node.parent() == null) {
            return "/";
        }
        List<String> names = new ArrayList<>();
        for (FileNode n = node; n.parent() != null; n = n.parent()) {
            names.add(n.name());
        }
        StringBuilder out = new StringBuilder();
        for (int i = names.size() - 1; i >= 0; i--) {
            out.append('/').append(names.get(i));
        }
        return out.toString();
    }

    /** How many directories lie between the root and {@code node}: 0 for the root's children. */
    static int depth(FileNode node) {
        int depth = -1;
        for (FileNode n = node.parent(); n != null; n = n.parent()) {
            depth++;
        }
        return depth;
    }
}
