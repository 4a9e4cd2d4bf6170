package dev.layerlens.core.source.registry;

import dev.layerlens.core.image.Image;
import dev.layerlens.core.source.ImageSource;
import dev.layerlens.core.source.LayerBlob;
import java.util.List;

/** An image in a registry: its manifest and config already read, its layers downloaded when read. */
record RegistryImageSource(Image image, List<LayerBlob> blobs) implements ImageSource {

    @Override
    public LayerBlob layer(int index) {
        return blobs.get(index);
    }

    @Override
    public void close() {
        // nothing held open between reads: each blob's connection closes with its stream
    }
}
