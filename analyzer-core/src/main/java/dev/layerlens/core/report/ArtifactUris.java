package dev.layerlens.core.report;

import java.nio.file.Path;

/**
 * Names the analysed image as a relative URI for SARIF's {@code artifactLocation.uri}: code-scanning
 * services resolve it against the checkout, and reject absolute ones (GitHub) or a string that
 * parses as a URI scheme ({@code app:1.4}, {@code docker-archive:x.tar}).
 */
public final class ArtifactUris {
    private static final String[] SOURCE_PREFIXES = {"docker-archive:", "oci-archive:", "oci:", "docker-daemon:",
            "podman:", "docker://"};

    private ArtifactUris() {
    }

    /**
     * @param image   the image argument as given
     * @param workDir the directory paths are made relative to
     */
    public static String of(String image, Path workDir) {
        String name = image;
        for (String prefix : SOURCE_PREFIXES) {
            if (name.startsWith(prefix)) {
                name = name.substring(prefix.length());
                break;
            }
        }
        Path asPath = null;
        try {
            asPath = Path.of(name);
        } catch (java.nio.file.InvalidPathException ignored) {
            // not a path: a name, encoded below
        }
        if (asPath != null && java.nio.file.Files.exists(asPath)) {
            Path absolute = asPath.toAbsolutePath().normalize();
            Path base = workDir.toAbsolutePath().normalize();
            name = absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.getFileName().toString();
            name = name.replace(java.io.File.separatorChar, '/');
        }
        return encode(name.isEmpty() ? "image" : name);
    }

    /** Percent-encodes what a relative reference may not hold: a colon before the first slash, spaces, '%', '#', '?'. */
    static String encode(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~/!$&'()*+,;=@".indexOf(c) >= 0;
            if (plain) {
                out.append(c);
            } else {
                for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    out.append('%').append(String.format("%02X", b & 0xff));
                }
            }
        }
        String encoded = out.toString();
        // a leading slash would make it absolute-path; "image.tar" is what a checkout-relative URI looks like
        return encoded.replaceFirst("^/+", "");
    }
}
