package dev.layerlens.core.source.registry;

import dev.layerlens.core.image.Digest;

/** A manifest or index as the registry served it, its digest checked. */
record Manifest(Digest digest, String mediaType, byte[] bytes) {
}
