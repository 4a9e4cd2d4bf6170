package dev.layerlens.core.analysis.secrets;

/**
 * Bounds of the secret audit.
 *
 * @param maxFileBytes how much of each file is read: the leading bytes, where configuration and
 *                     keys sit; the rest of a huge file (a database dump, a log) is not
 * @param maxMatches   matches kept from file contents over the whole image, so a hostile image
 *                     cannot make the audit hold millions of them; the rest are counted
 * @param fileContents read file contents at all; without it only history, config and file names
 *                     are audited, and the layer scan reads no file's bytes for secrets
 */
public record SecretScanOptions(int maxFileBytes, int maxMatches, boolean fileContents) {
    public static final int DEFAULT_MAX_FILE_BYTES = 1024 * 1024;
    public static final int DEFAULT_MAX_MATCHES = 10_000;

    public SecretScanOptions {
        if (maxFileBytes <= 0 || maxMatches <= 0) {
            throw new IllegalArgumentException("bounds must be positive");
        }
    }

    public static SecretScanOptions defaults() {
        return new SecretScanOptions(DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_MATCHES, true);
    }
}
