package dev.layerlens.core.source;

import dev.layerlens.core.image.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.Optional;

/** Re-openable access to the stored bytes of one layer (compressed or not, as the source keeps them). */
public interface LayerBlob {

    /** A fresh stream over the stored bytes. */
    InputStream open() throws IOException;

    /**
     * A seekable view of the stored bytes when they lie in a local file; lets the scanner seek past
     * file contents of an uncompressed layer that nothing needs to read.
     */
    default Optional<SeekableByteChannel> openChannel() throws IOException {
        return Optional.empty();
    }

    /** The digest the stored bytes must have, or empty when the source does not say. */
    Optional<Digest> expectedDigest();

    /** The size the stored bytes must have, or empty when the source does not say. */
    default Optional<Long> expectedSize() {
        return Optional.empty();
    }
}
