package dev.layerlens.core.image;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** A content digest such as {@code sha256:ab12…}; validated on construction. */
public record Digest(String algorithm, String hex) {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SHA512_HEX = Pattern.compile("[0-9a-f]{128}");

    public Digest {
        Pattern expected = switch (algorithm) {
            case "sha256" -> SHA256_HEX;
            case "sha512" -> SHA512_HEX;
            default -> throw new IllegalArgumentException("unsupported digest algorithm: " + algorithm);
        };
        if (!expected.matcher(hex).matches()) {
            throw new IllegalArgumentException("malformed " + algorithm + " digest: " + hex);
        }
    }

    /** Parses {@code algorithm:hex}. */
    public static Digest parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not a digest: " + text);
        }
        return new Digest(text.substring(0, colon), text.substring(colon + 1).toLowerCase(Locale.ROOT));
    }

    /** True when {@code text} parses as a digest. */
    public static boolean isDigest(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static Digest sha256(byte[] content) {
        return new Digest("sha256", HexFormat.of().formatHex(newSha256().digest(content)));
    }

    public static Digest sha256Of(MessageDigest finished) {
        return new Digest("sha256", HexFormat.of().formatHex(finished.digest()));
    }

    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** A new hasher for this digest's algorithm. */
    public MessageDigest newHasher() {
        try {
            return MessageDigest.getInstance(algorithm.equals("sha256") ? "SHA-256" : "SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no " + algorithm, e);
        }
    }

    /** {@code sha256:ab12cd34ef56…} — for messages and narrow columns. */
    public String shortForm() {
        return algorithm + ":" + hex.substring(0, 12) + "…";
    }

    @Override
    public String toString() {
        return algorithm + ":" + hex;
    }
}
