package dev.layerlens.core.source.daemon;

import dev.layerlens.core.image.Digest;
import dev.layerlens.core.source.LayerBlob;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** A layer passing by in the save stream: it can be read once, while it passes. */
final class StreamedLayerBlob implements LayerBlob {
    private final LayerPipe pipe;
    private final Digest digest;
    private final long size;
    private final AtomicBoolean opened = new AtomicBoolean();

    /** @param digest the digest the save's entry name states, or null */
    StreamedLayerBlob(LayerPipe pipe, Digest digest, long size) {
        this.pipe = pipe;
        this.digest = digest;
        this.size = size;
    }

    @Override
    public InputStream open() throws IOException {
        if (!opened.compareAndSet(false, true)) {
            throw new IOException("a layer of a daemon's save stream can be read only once");
        }
        return pipe.reader();
    }

    @Override
    public Optional<Digest> expectedDigest() {
        return Optional.ofNullable(digest);
    }

    @Override
    public Optional<Long> expectedSize() {
        return Optional.of(size);
    }
}
