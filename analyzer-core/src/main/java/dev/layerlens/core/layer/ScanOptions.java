package dev.layerlens.core.layer;

/**
 * How layers are read.
 *
 * @param verifyDigests hash every byte and check blob digests and diffIDs (the default)
 * @param hashContents  compute each regular file's {@link LayerEntry#contentHash()}
 * @param threads       layers scanned at once
 */
public record ScanOptions(boolean verifyDigests, boolean hashContents, int threads) {
    public static ScanOptions defaults() {
        return new ScanOptions(true, false, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Whether an uncompressed layer in a local file may be read by seeking from header to header:
     * only when no byte of content is needed.
     */
    boolean maySeek() {
        return !verifyDigests && !hashContents;
    }
}
