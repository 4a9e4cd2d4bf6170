package dev.layerlens.tui;

import dev.layerlens.core.fs.FileNode;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Which directories are collapsed: a default for all (dive starts with everything expanded) and the
 * directories the user set the other way. Kept across layers and filters, like the user's intent.
 */
final class Expansion {
    private boolean expandedByDefault = true;
    private final Set<FileNode> exceptions = Collections.newSetFromMap(new IdentityHashMap<>());

    boolean isExpanded(FileNode dir) {
        return dir.parent() == null || expandedByDefault != exceptions.contains(dir);
    }

    void toggle(FileNode dir) {
        set(dir, !isExpanded(dir));
    }

    void set(FileNode dir, boolean expanded) {
        if (expanded == expandedByDefault) {
            exceptions.remove(dir);
        } else {
            exceptions.add(dir);
        }
    }

    void setAll(boolean expanded) {
        expandedByDefault = expanded;
        exceptions.clear();
    }
}
