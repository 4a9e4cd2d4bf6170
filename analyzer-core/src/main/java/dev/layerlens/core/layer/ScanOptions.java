package dev.layerlens.core.layer;

/**
 * How layers are read.
 *
 * @param verifyDigests hash every byte and check blob digests and diffIDs (the default); without it,
 *                      uncompressed layers in local files are read by seeking past file contents
 * @param threads       layers scanned at once
 */
public record ScanOptions(boolean verifyDigests, int threads) {
    public static ScanOptions defaults() {
        return new ScanOptions(true, Runtime.getRuntime().availableProcessors());
    }
}
