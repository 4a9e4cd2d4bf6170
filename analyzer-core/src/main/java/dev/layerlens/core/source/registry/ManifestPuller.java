package dev.layerlens.core.source.registry;

import dev.layerlens.core.image.Digest;
import dev.layerlens.core.image.MediaTypes;
import dev.layerlens.core.source.ImageReadException;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

/**
 * {@code GET /v2/REPO/manifests/REFERENCE}: a manifest or index by tag or digest. Every OCI and
 * Docker type is accepted, so that the registry serves what it stores instead of converting it.
 * The body's digest is checked against the one asked for, and against {@code Docker-Content-Digest}.
 */
final class ManifestPuller implements Endpoint<Manifest> {
    static final long MAX_BYTES = 4L << 20;
    static final String ACCEPT = String.join(", ", MediaTypes.OCI_INDEX, MediaTypes.OCI_MANIFEST,
            MediaTypes.DOCKER_LIST, MediaTypes.DOCKER_MANIFEST);
    private static final String SCHEMA1 = "application/vnd.docker.distribution.manifest.v1";

    private final String repository;
    private final String reference;
    private final Digest expected;

    /** @param reference a tag, or a digest's text */
    ManifestPuller(String repository, String reference) {
        this.repository = repository;
        this.reference = reference;
        this.expected = Digest.isDigest(reference) ? Digest.parse(reference) : null;
    }

    @Override
    public String path() {
        return "/v2/" + repository + "/manifests/" + reference;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Accept", ACCEPT);
    }

    @Override
    public String action() {
        return "manifest " + (expected != null ? expected.shortForm() : reference);
    }

    @Override
    public Manifest handle(Response response) throws ImageReadException, IOException {
        try (response) {
            String mediaType = response.header("Content-Type").map(ManifestPuller::bareType).orElse(null);
            if (mediaType != null && mediaType.startsWith(SCHEMA1)) {
                throw new ImageReadException(action() + " is a Docker schema 1 manifest, which layerlens does not read"
                        + " (push the image again with a current docker)");
            }
            byte[] bytes = BoundedBody.read(response.body(), MAX_BYTES, action());
            String header = response.header("Docker-Content-Digest").orElse(null);
            Digest announced = null;
            if (header != null) {
                try {
                    announced = Digest.parse(header.trim());
                } catch (IllegalArgumentException e) {
                    throw new ImageReadException(action() + ": the registry sent an invalid Docker-Content-Digest");
                }
            }
            // hash with the algorithm asked for (or announced): a sha512 reference is checked as sha512
            Digest reference = expected != null ? expected : announced;
            Digest actual = reference != null ? hash(reference, bytes) : Digest.sha256(bytes);
            if (expected != null && !expected.equals(actual)) {
                throw new ImageReadException(action() + " does not match its digest (its content hashes to "
                        + actual.shortForm() + ")");
            }
            if (announced != null && !announced.equals(hash(announced, bytes))) {
                throw new ImageReadException(action() + ": the body does not match the Docker-Content-Digest the registry"
                        + " announced (" + announced.shortForm() + ")");
            }
            return new Manifest(actual, mediaType, bytes);
        }
    }

    private static Digest hash(Digest like, byte[] bytes) {
        MessageDigest hasher = like.newHasher();
        return new Digest(like.algorithm(), HexFormat.of().formatHex(hasher.digest(bytes)));
    }

    private static String bareType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon >= 0 ? contentType.substring(0, semicolon) : contentType).trim();
    }
}
