package dev.layerlens.core.source.daemon;

import dev.layerlens.core.image.Digest;
import dev.layerlens.core.source.LayerBlob;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * A layer of the save stream that could not be told apart before its bytes passed, kept in memory
 * (small) or in a temporary file until the stream said which layer it is.
 */
final class SpooledLayerBlob implements LayerBlob {
    private final Path file;
    private final byte[] bytes;
    private final Digest digest;
    private final long size;

    private SpooledLayerBlob(Path file, byte[] bytes, Digest digest, long size) {
        this.file = file;
        this.bytes = bytes;
        this.digest = digest;
        this.size = size;
    }

    static SpooledLayerBlob ofFile(Path file, Digest digest, long size) {
        return new SpooledLayerBlob(file, null, digest, size);
    }

    static SpooledLayerBlob ofBytes(byte[] bytes, Digest digest) {
        return new SpooledLayerBlob(null, bytes, digest, bytes.length);
    }

    @Override
    public InputStream open() throws IOException {
        return file != null ? Files.newInputStream(file) : new ByteArrayInputStream(bytes);
    }

    @Override
    public Optional<SeekableByteChannel> openChannel() throws IOException {
        return file != null ? Optional.of(FileChannel.open(file, StandardOpenOption.READ)) : Optional.empty();
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
