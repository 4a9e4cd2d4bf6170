package dev.layerlens.core.fs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A path of the merged filesystem and every version of it the layers shipped. A node without
 * versions is a directory no layer shipped an entry for (implied by the paths below it).
 */
public final class FileNode {
    private final String name;
    private final FileNode parent;
    private Map<String, FileNode> children;
    private List<FileVersion> versions;

    FileNode(String name, FileNode parent) {
        this.name = name;
        this.parent = parent;
    }

    public String name() {
        return name;
    }

    public FileNode parent() {
        return parent;
    }

    /** The path without a leading slash ({@code ""} for the root). */
    public String path() {
        if (parent == null) {
            return "";
        }
        String parentPath = parent.path();
        return parentPath.isEmpty() ? name : parentPath + "/" + name;
    }

    public Collection<FileNode> children() {
        return children == null ? List.of() : children.values();
    }

    public FileNode child(String childName) {
        return children == null ? null : children.get(childName);
    }

    /** Every version, in layer order. */
    public List<FileVersion> versions() {
        return versions == null ? List.of() : versions;
    }

    /** The version the final filesystem shows, or null. */
    public FileVersion visibleVersion() {
        if (versions == null) {
            return null;
        }
        FileVersion last = versions.get(versions.size() - 1);
        return last.isVisible() ? last : null;
    }

    /** The version visible after stacking layers 0..{@code layerIndex}, or null. */
    public FileVersion versionAt(int layerIndex) {
        if (versions == null) {
            return null;
        }
        for (int i = versions.size() - 1; i >= 0; i--) {
            FileVersion v = versions.get(i);
            if (v.visibleAt(layerIndex)) {
                return v;
            }
        }
        return null;
    }

    FileNode getOrCreateChild(String childName) {
        if (children == null) {
            children = new HashMap<>();
        }
        return children.computeIfAbsent(childName, n -> new FileNode(n, this));
    }

    void addVersion(FileVersion version) {
        if (versions == null) {
            versions = new ArrayList<>(1);
        }
        versions.add(version);
    }
}
