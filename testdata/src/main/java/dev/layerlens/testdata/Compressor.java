package dev.layerlens.testdata;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Stores a layer's uncompressed stream as a blob; gzip members are written by hand for full control. */
final class Compressor {
    private static final int MEMBERS = 3;

    private Compressor() {
    }

    static byte[] compress(byte[] stream, LayerCompression how) {
        return switch (how) {
            case NONE -> stream.clone();
            case GZIP -> gzipMember(stream, 0, stream.length, null);
            case GZIP_MULTI_MEMBER -> multiMember(stream);
            case ESTARGZ -> throw new IllegalArgumentException("eStargz needs the tar and its trailer apart: use estargz()");
            case ZSTD -> Zstd.compress(stream, 3);
        };
    }

    /**
     * An eStargz-like blob: the tar in one member, the trailing data (its table of contents) in the
     * next, then an empty footer member whose extra field points at the trailer, as eStargz does.
     */
    static byte[] estargz(byte[] tar, byte[] trailer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(gzipMember(tar, 0, tar.length, null));
        long trailerOffset = out.size();
        out.writeBytes(gzipMember(trailer, 0, trailer.length, null));
        byte[] footer = String.format("%016xSTARGZ", trailerOffset).getBytes(StandardCharsets.US_ASCII);
        byte[] extra = ByteBuffer.allocate(4 + footer.length).order(ByteOrder.LITTLE_ENDIAN)
                .put((byte) 'S').put((byte) 'G').putShort((short) footer.length).put(footer).array();
        out.writeBytes(gzipMember(new byte[0], 0, 0, extra));
        return out.toByteArray();
    }

    /** Breaks the first deflate block: sets its type bits (bits 1-2 of the first data byte) to the reserved 3. */
    static byte[] corruptGzip(byte[] blob) {
        if (blob.length < 11 || (blob[0] & 0xff) != 0x1f || (blob[1] & 0xff) != 0x8b || blob[3] != 0) {
            throw new IllegalArgumentException("corruptGzip needs a gzip blob without header extras");
        }
        byte[] broken = blob.clone();
        broken[10] = (byte) (broken[10] | 0b110);
        return broken;
    }

    private static byte[] multiMember(byte[] stream) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int chunk = Math.max(1, (stream.length + MEMBERS - 1) / MEMBERS);
        for (int start = 0; start < stream.length; start += chunk) {
            out.writeBytes(gzipMember(stream, start, Math.min(chunk, stream.length - start), null));
        }
        return out.toByteArray();
    }

    /** One gzip member (RFC 1952): mtime 0, OS unknown, FEXTRA when {@code extra} is given. */
    static byte[] gzipMember(byte[] data, int offset, int length, byte[] extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, (byte) (extra == null ? 0 : 4), 0, 0, 0, 0, 0, (byte) 0xff});
        if (extra != null) {
            out.write(extra.length & 0xff);
            out.write(extra.length >>> 8);
            out.writeBytes(extra);
        }
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(data, offset, length);
            deflater.finish();
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                int n = deflater.deflate(buffer);
                out.write(buffer, 0, n);
            }
        } finally {
            deflater.end();
        }
        CRC32 crc = new CRC32();
        crc.update(data, offset, length);
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                .putInt((int) crc.getValue()).putInt(length).array());
        return out.toByteArray();
    }
}
