package dev.layerlens.core.fs;

/** What one layer did to a path, relative to the filesystem the layers below it make. */
public enum Change {
    /** the path did not exist below and this layer created it */
    ADDED,
    /** the path existed below and this layer shipped it again (a file), or changed its type or metadata */
    MODIFIED,
    /** the path existed below and this layer hid it (whiteout, opaque marker, or a file in place of its directory) */
    REMOVED,
    /** the path exists as the layers below left it */
    UNMODIFIED
}
