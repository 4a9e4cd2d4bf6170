package dev.layerlens.core.source.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One file of an image archive or layout: a byte range of a local file (an entry of an outer tar,
 * or a whole file of a directory). Re-openable, seekable.
 *
 * @param name   the name inside the archive, for messages
 */
public record ArchiveFile(String name, Path file, long offset, long length) {

    public InputStream open() throws IOException {
        return new RegionInputStream(FileChannel.open(file, StandardOpenOption.READ), offset, length);
    }

    public SeekableByteChannel openChannel() throws IOException {
        return new RegionChannel(FileChannel.open(file, StandardOpenOption.READ), offset, length);
    }

    /** Reads the whole file; refuses more than {@code maxBytes} (bounds allocations by the input). */
    public byte[] readAll(long maxBytes) throws IOException {
        if (length > maxBytes) {
            throw new IOException(name + " is " + length + " bytes, more than the " + maxBytes + " allowed");
        }
        try (InputStream in = open()) {
            byte[] bytes = in.readNBytes((int) length);
            if (bytes.length != length) {
                throw new IOException(name + " is truncated at byte " + bytes.length);
            }
            return bytes;
        }
    }
}
