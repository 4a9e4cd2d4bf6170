package dev.layerlens.core.source.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/** A read-only seekable view of a byte range of a file. */
final class RegionChannel implements SeekableByteChannel {
    private final FileChannel channel;
    private final long offset;
    private final long length;
    private long position;

    RegionChannel(FileChannel channel, long offset, long length) {
        this.channel = channel;
        this.offset = offset;
        this.length = length;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        long remaining = length - position;
        if (remaining <= 0) {
            return -1;
        }
        ByteBuffer view = dst;
        if (dst.remaining() > remaining) {
            view = dst.slice().limit((int) remaining);
        }
        int n = channel.read(view, offset + position);
        if (n > 0) {
            position += n;
            if (view != dst) {
                dst.position(dst.position() + n);
            }
        }
        return n;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
        position = newPosition;
        return this;
    }

    @Override
    public long size() {
        return length;
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
