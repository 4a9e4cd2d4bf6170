package dev.layerlens.core.layer;

import dev.layerlens.core.image.Digest;
import dev.layerlens.core.source.Compression;
import java.util.List;

/**
 * What one pass over a layer found.
 *
 * @param sizeBytes  dive's layer size: the sum of the tar entries' size fields
 * @param tarBytes   length of the uncompressed tar stream read, or -1 when the tar was not read whole
 * @param blobBytes  length of the stored blob
 * @param blobDigest digest of the stored blob when it was hashed (or is named by the source), else null
 * @param verified   true when the blob digest and diffID were checked against the bytes
 */
public record LayerScan(int index, List<LayerEntry> entries, long sizeBytes, long tarBytes, long blobBytes,
                        Compression compression, Digest blobDigest, boolean verified) {

    public LayerScan {
        entries = List.copyOf(entries);
    }
}
