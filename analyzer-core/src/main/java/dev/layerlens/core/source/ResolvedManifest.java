package dev.layerlens.core.source;

import dev.layerlens.core.image.Digest;
import dev.layerlens.core.image.ImageConfig;
import java.util.List;

/** An image manifest reached from an index or tag, with its config read and verified. */
public record ResolvedManifest(Digest manifestDigest, Digest configDigest, ImageConfig config,
                               List<LayerDescriptor> layers) {
}
