package dev.layerlens.core.layer;

/** What a tar entry of a layer is. Whiteouts and opaque markers are decoded from their names. */
public enum EntryType {
    FILE, DIRECTORY, SYMLINK, HARDLINK,
    /** character or block device, fifo */
    SPECIAL,
    /** {@code dir/.wh.name}: removes {@code dir/name} from the layers below */
    WHITEOUT,
    /** {@code dir/.wh..wh..opq}: hides everything the layers below put in {@code dir} */
    OPAQUE;

    public boolean isMarker() {
        return this == WHITEOUT || this == OPAQUE;
    }
}
