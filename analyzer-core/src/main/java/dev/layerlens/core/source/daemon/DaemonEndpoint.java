package dev.layerlens.core.source.daemon;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where a daemon listens, and how to talk to it.
 *
 * @param host         {@code unix:///var/run/docker.sock}, {@code tcp://host:2376}, {@code npipe://…}
 * @param tlsDirectory a directory with {@code ca.pem}, {@code cert.pem} and {@code key.pem}, or null for no TLS
 * @param origin       how it was chosen, for messages ({@code DOCKER_HOST}, {@code docker context ci}, {@code the default socket})
 */
public record DaemonEndpoint(DaemonKind kind, URI host, Path tlsDirectory, String origin) {

    public boolean tls() {
        return tlsDirectory != null;
    }

    /** {@code the Docker daemon at unix:///var/run/docker.sock}. */
    public String describe() {
        return kind.displayName() + " at " + host;
    }
}
