package dev.layerlens.core.source.archive;

import dev.layerlens.core.image.Digest;
import dev.layerlens.core.source.LayerBlob;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.Optional;

/** A layer blob stored as a file of an archive or layout. */
record ArchiveLayerBlob(ArchiveFile file, Digest digest) implements LayerBlob {

    @Override
    public InputStream open() throws IOException {
        return file.open();
    }

    @Override
    public Optional<SeekableByteChannel> openChannel() throws IOException {
        return Optional.of(file.openChannel());
    }

    @Override
    public Optional<Digest> expectedDigest() {
        return Optional.ofNullable(digest);
    }

    @Override
    public Optional<Long> expectedSize() {
        return Optional.of(file.length());
    }
}
