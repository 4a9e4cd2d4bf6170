package dev.layerlens.core.source;

import dev.layerlens.core.image.Digest;

/** What a manifest says of one layer blob before the config's diffID is paired with it. */
public record LayerDescriptor(Digest digest, String mediaType, Long size) {
}
