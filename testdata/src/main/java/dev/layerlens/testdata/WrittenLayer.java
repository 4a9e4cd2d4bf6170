package dev.layerlens.testdata;

/**
 * What the writer made of a layer (the intact form, whatever fault was applied to the stored bytes).
 *
 * @param diffId     {@code sha256:…} of the uncompressed stream
 * @param blobDigest {@code sha256:…} of the blob
 * @param blobSize   bytes of the blob
 */
public record WrittenLayer(String diffId, String blobDigest, long blobSize, LayerCompression compression) {
}
