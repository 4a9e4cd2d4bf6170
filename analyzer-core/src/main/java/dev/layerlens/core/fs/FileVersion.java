package dev.layerlens.core.fs;

import dev.layerlens.core.layer.EntryType;
import dev.layerlens.core.layer.LayerEntry;

/**
 * A path as one layer shipped it. Whether a later layer hid it is filled in while the tree is built.
 */
public final class FileVersion {
    private final int layer;
    private final EntryType type;
    private final long size;
    private final int mode;
    private final long uid;
    private final long gid;
    private final String linkTarget;
    private final long contentHash;
    private int hiddenBy = -1;
    private HideReason hideReason;
    /** For a hard link: the regular-file version whose content it names (null when it names none). */
    private FileVersion linkedContent;

    FileVersion(int layer, LayerEntry entry) {
        this.layer = layer;
        this.type = entry.type();
        this.size = entry.size();
        this.mode = entry.mode();
        this.uid = entry.uid();
        this.gid = entry.gid();
        this.linkTarget = entry.linkTarget();
        this.contentHash = entry.contentHash();
    }

    public int layer() {
        return layer;
    }

    public EntryType type() {
        return type;
    }

    /** The tar size field (content bytes for regular files, 0 otherwise in practice). */
    public long size() {
        return size;
    }

    /** Content bytes this version occupies: the size of a regular file, 0 for anything else. */
    public long contentBytes() {
        return type == EntryType.FILE ? size : 0;
    }

    /**
     * The version whose tar entry carries the bytes this path shows: itself for a regular file, the
     * file it names for a hard link (so that one content reached by several names counts once), null
     * for anything else or a hard link that names no regular file.
     */
    public FileVersion content() {
        if (type == EntryType.FILE) {
            return this;
        }
        return type == EntryType.HARDLINK ? linkedContent : null;
    }

    void linkTo(FileVersion target) {
        linkedContent = target == null ? null : target.content();
    }

    public int mode() {
        return mode;
    }

    public long uid() {
        return uid;
    }

    public long gid() {
        return gid;
    }

    public String linkTarget() {
        return linkTarget;
    }

    /** {@link LayerEntry#contentHash()}: 0 when not computed. */
    public long contentHash() {
        return contentHash;
    }

    public boolean isDirectory() {
        return type == EntryType.DIRECTORY;
    }

    /** The layer that hid this version, or -1 when it is visible in the final filesystem. */
    public int hiddenBy() {
        return hiddenBy;
    }

    public HideReason hideReason() {
        return hideReason;
    }

    public boolean isVisible() {
        return hiddenBy < 0;
    }

    /** True when this version is what the filesystem shows after stacking layers 0..{@code layerIndex}. */
    public boolean visibleAt(int layerIndex) {
        return layer <= layerIndex && (hiddenBy < 0 || hiddenBy > layerIndex);
    }

    void hide(int byLayer, HideReason reason) {
        hiddenBy = byLayer;
        hideReason = reason;
    }
}
