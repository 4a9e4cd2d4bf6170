package dev.layerlens.core.source.registry;

import java.time.Duration;

/**
 * The transfer limits of a registry client.
 *
 * @param connectTimeout         to open a connection
 * @param responseTimeout        from sending a request to its response headers
 * @param idleTimeout            longest silence in the middle of a body before the connection counts as broken
 * @param maxConcurrentDownloads layer blobs streamed at once (Docker's default is 3)
 * @param maxResumes             times one blob download may resume after a broken connection
 */
public record RegistrySettings(RetryPolicy retry, Duration connectTimeout, Duration responseTimeout,
                               Duration idleTimeout, int maxConcurrentDownloads, int maxResumes) {
    public static final RegistrySettings DEFAULT = new RegistrySettings(RetryPolicy.DEFAULT, Duration.ofSeconds(15),
            Duration.ofSeconds(60), Duration.ofSeconds(30), 3, 5);
}
