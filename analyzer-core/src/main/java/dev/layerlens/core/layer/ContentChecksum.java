package dev.layerlens.core.layer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * A 64-bit checksum of a file's content: CRC-32 and CRC-32C side by side. Both run as CPU
 * intrinsics, so checksumming every file costs little; it only has to tell whether the same path
 * was re-shipped with the same bytes, not resist an attacker.
 */
final class ContentChecksum {
    private final CRC32 crc32 = new CRC32();
    private final CRC32C crc32c = new CRC32C();

    void reset() {
        crc32.reset();
        crc32c.reset();
    }

    /** Never 0, which means "not computed". */
    long value() {
        long value = (crc32.getValue() << 32) | crc32c.getValue();
        return value == 0 ? 1 : value;
    }

    /** A view of {@code in} that checksums what is read through it. */
    InputStream wrap(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                    crc32.update(b);
                    crc32c.update(b);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                if (n > 0) {
                    crc32.update(b, off, n);
                    crc32c.update(b, off, n);
                }
                return n;
            }
        };
    }
}
