package dev.layerlens.core.image;

import java.util.Locale;

/**
 * An os/architecture[/variant] triple, normalised the way containerd does
 * ({@code x86_64}→{@code amd64}, {@code aarch64}→{@code arm64}, {@code arm}→{@code arm/v7}).
 */
public record Platform(String os, String architecture, String variant) {

    public Platform {
        os = os == null || os.isBlank() ? "" : os.toLowerCase(Locale.ROOT);
        String arch = architecture == null ? "" : architecture.toLowerCase(Locale.ROOT);
        String var = variant == null ? "" : variant.toLowerCase(Locale.ROOT);
        switch (arch) {
            case "x86_64", "x86-64" -> arch = "amd64";
            case "aarch64" -> arch = "arm64";
            case "armhf" -> { arch = "arm"; var = var.isEmpty() ? "v7" : var; }
            case "armel" -> { arch = "arm"; var = var.isEmpty() ? "v6" : var; }
            case "i386", "i686" -> arch = "386";
            default -> { }
        }
        if (arch.equals("arm") && var.isEmpty()) {
            var = "v7";
        }
        if (arch.equals("arm64") && var.equals("v8")) {
            var = "";
        }
        if (arch.equals("amd64") && var.equals("v1")) {
            var = "";
        }
        architecture = arch;
        variant = var;
    }

    /** Parses {@code os/arch[/variant]}. */
    public static Platform parse(String text) {
        String[] parts = text.trim().split("/");
        if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new IllegalArgumentException("platform must be os/arch[/variant], got: " + text);
        }
        return new Platform(parts[0], parts[1], parts.length == 3 ? parts[2] : "");
    }

    /** The platform this JVM runs on (always linux for images: the host OS is irrelevant). */
    public static Platform host() {
        return new Platform("linux", System.getProperty("os.arch"), "");
    }

    /** Index entries of platform unknown/unknown are attestations (build provenance), not images. */
    public boolean isAttestation() {
        return os.equals("unknown") && architecture.equals("unknown");
    }

    /** True when an image of platform {@code candidate} satisfies a request for this platform. */
    public boolean accepts(Platform candidate) {
        return os.equals(candidate.os)
                && architecture.equals(candidate.architecture)
                && (variant.isEmpty() || variant.equals(candidate.variant));
    }

    @Override
    public String toString() {
        return variant.isEmpty() ? os + "/" + architecture : os + "/" + architecture + "/" + variant;
    }
}
