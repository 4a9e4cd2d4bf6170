package dev.layerlens.core.source.daemon;

/** The daemons layerlens reads from: both speak the Docker Engine API. */
public enum DaemonKind {
    DOCKER("docker-daemon", "the Docker daemon"),
    PODMAN("podman", "Podman");

    private final String transport;
    private final String displayName;

    DaemonKind(String transport, String displayName) {
        this.transport = transport;
        this.displayName = displayName;
    }

    /** The transport prefix and {@code image.source} value. */
    public String transport() {
        return transport;
    }

    public String displayName() {
        return displayName;
    }
}
