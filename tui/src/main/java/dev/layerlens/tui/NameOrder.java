package dev.layerlens.tui;

import dev.layerlens.core.fs.FileNode;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The children of each directory sorted by name, sorted once when first needed: names do not
 * change between layers, so every layer's listing filters these arrays instead of sorting again.
 */
final class NameOrder {
    static final Comparator<FileNode> BY_NAME = Comparator.comparing(FileNode::name);

    private final Map<FileNode, FileNode[]> sorted = new IdentityHashMap<>();

    FileNode[] children(FileNode dir) {
        FileNode[] known = sorted.get(dir);
        if (known == null) {
            known = dir.children().toArray(new FileNode[0]);
            Arrays.sort(known, BY_NAME);
            sorted.put(dir, known);
        }
        return known;
    }
}
