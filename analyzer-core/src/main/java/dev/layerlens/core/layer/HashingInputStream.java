package dev.layerlens.core.layer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Counts and (optionally) hashes every byte that passes. {@code skip} reads through, so skipped
 * bytes are hashed too.
 */
final class HashingInputStream extends FilterInputStream {
    private final MessageDigest digest;
    private final byte[] scratch = new byte[64 * 1024];
    private long count;

    /** @param digest the hasher, or null to count only */
    HashingInputStream(InputStream in, MessageDigest digest) {
        super(in);
        this.digest = digest;
    }

    long count() {
        return count;
    }

    MessageDigest digest() {
        return digest;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            count++;
            if (digest != null) {
                digest.update((byte) b);
            }
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            count += n;
            if (digest != null) {
                digest.update(b, off, n);
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        while (skipped < n) {
            int r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    /** Reads to the end of the stream (trailing tar blocks, an eStargz footer). */
    void drain() throws IOException {
        while (read(scratch, 0, scratch.length) >= 0) {
            // hashing happens in read
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
