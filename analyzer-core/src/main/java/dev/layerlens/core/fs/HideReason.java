package dev.layerlens.core.fs;

/** Why a version of a path shipped in a layer is not visible in the final filesystem. */
public enum HideReason {
    /** a later layer shipped the same path again */
    OVERWRITTEN("overwritten"),
    /** a later layer's whiteout removed this path */
    DELETED("deleted"),
    /** a later layer removed a directory above it (whiteout, opaque marker, or a file in its place) */
    DIR_REMOVED("dir-removed");

    private final String id;

    HideReason(String id) {
        this.id = id;
    }

    /** The stable name used in reports. */
    public String id() {
        return id;
    }
}
