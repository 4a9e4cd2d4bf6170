package dev.layerlens.core.source;

import dev.layerlens.core.image.Image;
import java.io.Closeable;

/** An opened image: its description, and its layers' bytes on demand. */
public interface ImageSource extends Closeable {

    Image image();

    /** The blob of layer {@code index} (0 = base). */
    LayerBlob layer(int index);
}
