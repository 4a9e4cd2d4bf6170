package dev.layerlens.core.layer;

/**
 * One tar entry of a layer.
 *
 * @param path       normalised path without a leading slash; for a whiteout the path it removes,
 *                   for an opaque marker the directory it clears
 * @param size       the tar header's size field (0 for directories, links and markers in practice)
 * @param mode       permission and special bits ({@code 07777})
 * @param linkTarget symlink or hard link target, else null
 * @param contentHash a 64-bit checksum of a regular file's content (CRC-32 and CRC-32C side by side),
 *                    0 when not computed ({@link ScanOptions#hashContents()}): tells a re-shipped
 *                    unchanged file from a changed one
 */
public record LayerEntry(String path, EntryType type, long size, int mode, long uid, long gid, String linkTarget,
                         long contentHash) {

    public LayerEntry withContentHash(long hash) {
        return new LayerEntry(path, type, size, mode, uid, gid, linkTarget, hash);
    }

    /** The last path element. */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
