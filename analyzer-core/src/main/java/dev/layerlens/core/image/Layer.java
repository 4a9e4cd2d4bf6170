package dev.layerlens.core.image;

/**
 * One layer of an image, keyed by its index (the same diffID may occur twice).
 *
 * @param digest         digest of the blob as the source stores it (equals {@code diffId} for an uncompressed blob)
 * @param diffId         digest of the uncompressed tar, from the config's {@code rootfs.diff_ids}
 * @param mediaType      the media type the manifest declares, or null when the source has none (docker save)
 * @param blobSize       size of the blob as stored, or null when unknown before reading
 * @param history        the non-empty history entry that made this layer, or null when history is missing
 */
public record Layer(int index, Digest digest, Digest diffId, String mediaType, Long blobSize, HistoryEntry history) {

    /** The history {@code created_by} text, or empty when unknown. */
    public String createdBy() {
        return history == null || history.createdBy() == null ? "" : history.createdBy();
    }
}
