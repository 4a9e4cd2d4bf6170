package dev.layerlens.core.fs;

/**
 * What one layer did to the filesystem below it, counted over paths that are not directories.
 *
 * @param added         paths the layer created
 * @param modified      paths the layer shipped again over a visible one
 * @param removed       visible paths the layer hid (whiteouts, opaque markers, a file replacing a directory)
 * @param addedBytes    content bytes of the added regular files
 * @param modifiedBytes content bytes of the new versions of modified regular files
 * @param removedBytes  content bytes of the regular files it hid
 */
public record LayerChanges(int layer, int added, long addedBytes, int modified, long modifiedBytes,
                           int removed, long removedBytes) {

    /** Paths that are not directories which this layer ships (added + modified). */
    public int fileCount() {
        return added + modified;
    }
}
