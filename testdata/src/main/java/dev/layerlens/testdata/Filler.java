package dev.layerlens.testdata;

/**
 * Deterministic content for files declared by size: printable bytes from a small PRNG seeded by the
 * path, so the same declaration always yields the same bytes (and digests), and different paths
 * differ. Printable text compresses a little, like real files, which keeps gzip and zstd honest.
 */
final class Filler {
    private static final int MAX_IN_MEMORY = 64 << 20;

    private Filler() {
    }

    static byte[] bytes(String path, long size) {
        if (size > MAX_IN_MEMORY) {
            throw new IllegalArgumentException("fixtures are small: " + size + " bytes is too much for " + path);
        }
        byte[] out = new byte[(int) size];
        long state = (path.hashCode() * 0x9E3779B97F4A7C15L + size) | 1L; // xorshift must not start at 0
        for (int i = 0; i < out.length; i++) {
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            out[i] = (byte) ('a' + Math.floorMod(state, 26));
        }
        return out;
    }
}
