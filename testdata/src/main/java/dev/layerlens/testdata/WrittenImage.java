package dev.layerlens.testdata;

import java.util.List;

/**
 * What the writer made of one image.
 *
 * @param names          the tags it was written with (may be empty)
 * @param configDigest   {@code sha256:…} of the config: the image ID, the same in every format
 * @param manifestDigest {@code sha256:…} of its image manifest, or null in formats that have none
 */
public record WrittenImage(List<String> names, PlatformSpec platform, String configDigest, String manifestDigest,
                           List<WrittenLayer> layers) {
    public WrittenImage {
        names = List.copyOf(names);
        layers = List.copyOf(layers);
    }
}
