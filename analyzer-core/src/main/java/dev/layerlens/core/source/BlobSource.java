package dev.layerlens.core.source;

import dev.layerlens.core.image.Digest;

/** Content-addressed blobs: an OCI layout, an archive's blob directory, a registry. */
public interface BlobSource {

    /** Reads a small blob (manifest, config) whole, checking its digest; refuses more than {@code maxBytes}. */
    byte[] readVerified(Digest digest, long maxBytes) throws ImageReadException;

    /**
     * Reads a manifest or index whole, checking its digest. A registry keeps these apart from blobs
     * (its {@code /manifests/} endpoint); every other store keeps them as blobs.
     */
    default byte[] readManifest(Digest digest, long maxBytes) throws ImageReadException {
        return readVerified(digest, maxBytes);
    }

    /** Access to a layer blob; fails at once when the blob is absent. */
    LayerBlob layerBlob(Digest digest, Long size) throws ImageReadException;
}
