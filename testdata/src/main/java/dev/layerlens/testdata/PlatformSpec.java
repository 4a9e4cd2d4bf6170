package dev.layerlens.testdata;

/**
 * An os/architecture/variant as written into configs and index entries, verbatim (no normalisation:
 * fixtures may write {@code aarch64} on purpose).
 *
 * @param variant null when absent
 */
public record PlatformSpec(String os, String architecture, String variant) {
    public static final PlatformSpec LINUX_AMD64 = new PlatformSpec("linux", "amd64", null);
    public static final PlatformSpec LINUX_ARM64 = new PlatformSpec("linux", "arm64", null);
    public static final PlatformSpec LINUX_ARM_V7 = new PlatformSpec("linux", "arm", "v7");
    /** what BuildKit writes on attestation manifests in an index */
    public static final PlatformSpec UNKNOWN = new PlatformSpec("unknown", "unknown", null);

    public static PlatformSpec of(String os, String architecture) {
        return new PlatformSpec(os, architecture, null);
    }

    @Override
    public String toString() {
        return variant == null ? os + "/" + architecture : os + "/" + architecture + "/" + variant;
    }
}
