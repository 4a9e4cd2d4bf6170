package dev.layerlens.core.source;

import dev.layerlens.core.image.Image;
import java.io.Closeable;
import java.util.Optional;

/** An opened image: its description, and its layers' bytes on demand. */
public interface ImageSource extends Closeable {

    /**
     * The image. A source that delivers its layers ({@link #layerDelivery()}) may learn the exact
     * config only while the layers pass (a daemon's save stream): until the delivery has returned it
     * describes the image from other metadata, with the same layers, indexes and diffIDs.
     */
    Image image();

    /** The blob of layer {@code index} (0 = base). */
    LayerBlob layer(int index);

    /**
     * Present when the layers can be read only once each, in an order of the source's own (a
     * daemon's save stream): the reader then takes each layer as the source hands it over, instead
     * of opening {@link #layer(int)} at will.
     */
    default Optional<LayerDelivery> layerDelivery() {
        return Optional.empty();
    }
}
