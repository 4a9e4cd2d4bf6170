package dev.layerlens.core.source;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Stream compression, always sniffed from the first bytes, never taken from names or media types. */
public enum Compression {
    NONE, GZIP, ZSTD;

    /** Bytes needed by {@link #sniff}. */
    public static final int MAGIC_LENGTH = 4;

    public static Compression sniff(byte[] head, int length) {
        if (length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return GZIP;
        }
        if (length >= 4 && (head[0] & 0xff) == 0x28 && (head[1] & 0xff) == 0xb5
                && (head[2] & 0xff) == 0x2f && (head[3] & 0xff) == 0xfd) {
            return ZSTD;
        }
        return NONE;
    }

    /** Wraps {@code raw}; gzip reads every member (multi-member streams, eStargz). */
    public InputStream decompress(InputStream raw) throws IOException {
        return switch (this) {
            case NONE -> raw;
            case GZIP -> new GzipCompressorInputStream(raw, true);
            case ZSTD -> new ZstdInputStreamNoFinalizer(raw);
        };
    }

    public String displayName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
