package dev.layerlens.core.source.daemon;

import dev.layerlens.core.source.ImageReadException;
import java.io.InputStream;

/** Starts the save stream of one image, and can cut it off. */
interface SaveOpener {
    InputStream open() throws ImageReadException;

    /**
     * Cuts the stream off at once. Closing it is not enough: the HTTP client drains the rest of a
     * response on close, which for a save is the rest of the image.
     */
    void abort();
}
