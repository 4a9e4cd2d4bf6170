package dev.layerlens.testdata;

/**
 * Damage done to one layer as it is written. The manifest, config and file names still describe the
 * intact layer, as they would after a broken download or a bad disk: only the stored bytes (or the
 * one named field) are wrong.
 */
public sealed interface LayerFault {

    /** The stored blob ends after {@code length} bytes. */
    record Truncated(long length) implements LayerFault {
    }

    /** The first deflate block of a gzip blob gets the reserved block type 3, which no inflater accepts. */
    record CorruptGzip() implements LayerFault {
    }

    /** The config's {@code rootfs.diff_ids} entry for this layer is the digest of something else. */
    record WrongDiffId() implements LayerFault {
    }

    /** The blob is stored (and referenced) under a digest that is not the digest of its bytes. */
    record WrongBlobDigest() implements LayerFault {
    }

    /** The blob is referenced but not stored. */
    record MissingBlob() implements LayerFault {
    }

    static LayerFault truncatedAt(long length) {
        return new Truncated(length);
    }

    static LayerFault corruptGzip() {
        return new CorruptGzip();
    }

    static LayerFault wrongDiffId() {
        return new WrongDiffId();
    }

    static LayerFault wrongBlobDigest() {
        return new WrongBlobDigest();
    }

    static LayerFault missingBlob() {
        return new MissingBlob();
    }
}
