package dev.layerlens.cli;

import dev.layerlens.core.image.Image;
import dev.layerlens.core.image.Layer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * What {@code layerlens layers} tells: an image's layers as its manifest and config describe them,
 * without reading a layer. Written as JSON as is; the image reference and the history commands
 * (where build arguments leak) are redacted on the way in, as in the analyze report.
 *
 * @param manifestDigest      the manifest's digest, when the source has a manifest (registry, OCI layout)
 * @param digest              the image ID (config digest)
 * @param compressedSizeBytes Σ stored blob sizes when every layer's is known and compressed, else null
 */
public record LayerListing(int schemaVersion, String reference, String source, String manifestDigest, String digest,
                    String platform, String created, int layerCount, Long compressedSizeBytes, List<Entry> layers,
                    List<String> notes) {
    static final int SCHEMA_VERSION = 1;

    /**
     * @param digest      the stored blob's digest, when the source names it (null for docker save archives before Docker 25)
     * @param blobSize    the stored blob's size, when known before reading (null for a daemon)
     * @param compression from the media type: gzip, zstd, none; null when there is no media type
     */
    public record Entry(int index, String digest, String diffId, String mediaType, String compression, Long blobSize,
                 String command) {
    }

    /**
     * @param untrusted applied to the image reference and each history command: secret redaction, or
     *                  identity under {@code --show-secrets} (as the analyze report does)
     */
    static LayerListing of(Image image, UnaryOperator<String> untrusted) {
        List<Entry> entries = new ArrayList<>();
        long compressed = 0;
        boolean allCompressed = !image.layers().isEmpty();
        for (Layer layer : image.layers()) {
            String compression = compression(layer.mediaType());
            if (layer.blobSize() == null || compression == null || compression.equals("none")) {
                allCompressed = false;
            } else {
                compressed += layer.blobSize();
            }
            entries.add(new Entry(layer.index(), layer.digest() == null ? null : layer.digest().toString(),
                    layer.diffId().toString(), layer.mediaType(), compression, layer.blobSize(),
                    untrusted.apply(layer.createdBy())));
        }
        return new LayerListing(SCHEMA_VERSION, untrusted.apply(image.reference()), image.source(),
                image.manifestDigest() == null ? null : image.manifestDigest().toString(), image.configDigest().toString(),
                image.platform().toString(), image.config().created(), entries.size(), allCompressed ? compressed : null,
                entries, image.notes());
    }

    /** gzip, zstd or none as the media type says; null when there is none (the bytes would have to say). */
    static String compression(String mediaType) {
        if (mediaType == null) {
            return null;
        }
        String type = mediaType.toLowerCase(Locale.ROOT);
        if (type.contains("zstd")) {
            return "zstd";
        }
        if (type.contains("gzip")) {
            return "gzip";
        }
        return type.endsWith(".tar") || type.endsWith("tar") ? "none" : null;
    }
}
