package dev.layerlens.core.source;

import dev.layerlens.core.image.Platform;

/**
 * What the user asked for beside the image name.
 *
 * @param platform the platform to pick from an index; null means the host's, not insisted on
 * @param source   a forced source kind ({@code docker-archive}, {@code oci-archive}, {@code oci},
 *                 {@code docker-daemon}, {@code podman}, {@code docker}), or null
 * @param remote   how to reach daemons and registries
 */
public record SourceOptions(Platform platform, String source, RemoteOptions remote) {
    public static final SourceOptions DEFAULT = new SourceOptions(null, null);

    public SourceOptions {
        remote = remote == null ? RemoteOptions.DEFAULT : remote;
    }

    public SourceOptions(Platform platform, String source) {
        this(platform, source, RemoteOptions.DEFAULT);
    }

    public Platform platformOrHost() {
        return platform == null ? Platform.host() : platform;
    }

    public boolean platformRequested() {
        return platform != null;
    }
}
