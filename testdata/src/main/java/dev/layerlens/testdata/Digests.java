package dev.layerlens.testdata;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** {@code sha256:<hex>} of bytes. */
final class Digests {
    private Digests() {
    }

    static String sha256(byte[] bytes) {
        return "sha256:" + hex(bytes);
    }

    static String hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hex part of {@code sha256:<hex>}. */
    static String hexOf(String digest) {
        return digest.substring(digest.indexOf(':') + 1);
    }
}
