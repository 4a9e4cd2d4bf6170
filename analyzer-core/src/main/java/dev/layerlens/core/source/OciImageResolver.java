package dev.layerlens.core.source;

import dev.layerlens.core.image.Digest;
import dev.layerlens.core.image.ImageConfig;
import dev.layerlens.core.image.MediaTypes;
import dev.layerlens.core.image.Platform;
import dev.layerlens.core.image.json.ConfigTranslator;
import dev.layerlens.core.image.json.DescriptorJson;
import dev.layerlens.core.image.json.IndexJson;
import dev.layerlens.core.image.json.ManifestDocument;
import dev.layerlens.core.image.json.ManifestJson;
import dev.layerlens.core.image.json.PlatformJson;
import dev.layerlens.core.image.json.WireJson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks from a manifest or index digest to one image manifest (choosing a platform in indexes,
 * skipping attestations, refusing artifacts and cycles) and reads its config.
 */
public final class OciImageResolver {
    static final long MAX_MANIFEST_BYTES = 4L << 20;
    static final long MAX_CONFIG_BYTES = 64L << 20;
    private static final int MAX_DEPTH = 8;

    private final BlobSource blobs;
    private final SourceOptions options;

    public OciImageResolver(BlobSource blobs, SourceOptions options) {
        this.blobs = blobs;
        this.options = options;
    }

    public ResolvedManifest resolve(Digest root) throws ImageReadException {
        Set<Digest> visited = new HashSet<>();
        Digest current = root;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            if (!visited.add(current)) {
                throw new ImageReadException("index " + current.shortForm() + " refers to itself");
            }
            ManifestDocument doc = read(current);
            if (doc instanceof ManifestDocument.Manifest m) {
                ResolvedManifest resolved = readImage(current, m.manifest());
                if (depth == 0) {
                    // no index chose it by platform: a platform the user insisted on must still match
                    requirePlatform(resolved);
                }
                return resolved;
            }
            current = choose(current, ((ManifestDocument.Index) doc).index());
        }
        throw new ImageReadException("indexes nested deeper than " + MAX_DEPTH + " levels under " + root.shortForm());
    }

    private ManifestDocument read(Digest digest) throws ImageReadException {
        byte[] bytes = blobs.readManifest(digest, MAX_MANIFEST_BYTES);
        try {
            return WireJson.readManifestDocument(bytes, "manifest " + digest.shortForm());
        } catch (WireJson.InvalidJsonException e) {
            throw new ImageReadException(e.getMessage());
        }
    }

    private Digest choose(Digest indexDigest, IndexJson index) throws ImageReadException {
        List<DescriptorJson> images = new ArrayList<>();
        for (DescriptorJson d : index.manifestsOrEmpty()) {
            if (!isAttestation(d)) {
                images.add(d);
            }
        }
        if (images.isEmpty()) {
            throw new ImageReadException("index " + indexDigest.shortForm() + " lists no image");
        }
        Platform wanted = options.platformOrHost();
        for (DescriptorJson d : images) {
            if (d.platform() != null && wanted.accepts(platformOf(d.platform()))) {
                return digestOf(d);
            }
        }
        boolean anyPlatform = images.stream().anyMatch(d -> d.platform() != null);
        if (images.size() == 1 && (!anyPlatform || !options.platformRequested())) {
            return digestOf(images.get(0));
        }
        if (!anyPlatform) {
            if (index.artifactType() != null) {
                throw new ImageReadException("index " + indexDigest.shortForm() + " is an artifact index ("
                        + index.artifactType() + "), not an image");
            }
            throw new ImageReadException("index " + indexDigest.shortForm() + " lists " + images.size()
                    + " manifests without platforms; cannot choose one");
        }
        List<String> available = images.stream().filter(d -> d.platform() != null)
                .map(d -> platformOf(d.platform()).toString()).toList();
        throw new ImageReadException("no image for platform " + wanted + " (available: "
                + String.join(", ", available) + "); choose one with --platform");
    }

    private void requirePlatform(ResolvedManifest resolved) throws ImageReadException {
        Platform actual = resolved.config().platform();
        if (options.platformRequested() && !options.platform().accepts(actual)) {
            throw new ImageReadException("manifest " + resolved.manifestDigest().shortForm() + " is a " + actual
                    + " image, not " + options.platform());
        }
    }

    private static boolean isAttestation(DescriptorJson d) {
        return (d.platform() != null && platformOf(d.platform()).isAttestation())
                || "attestation-manifest".equals(d.annotationsOrEmpty().get("vnd.docker.reference.type"));
    }

    private static Platform platformOf(PlatformJson p) {
        return new Platform(p.os(), p.architecture(), p.variant());
    }

    private ResolvedManifest readImage(Digest manifestDigest, ManifestJson manifest) throws ImageReadException {
        String what = "manifest " + manifestDigest.shortForm();
        if (manifest.config() == null || manifest.config().digest() == null) {
            throw new ImageReadException(what + " has no config");
        }
        String configType = manifest.config().mediaType();
        boolean imageConfig = configType == null || configType.equals(MediaTypes.OCI_CONFIG)
                || configType.equals(MediaTypes.DOCKER_CONFIG);
        if (manifest.artifactType() != null || !imageConfig) {
            String type = manifest.artifactType() != null ? manifest.artifactType() : configType;
            throw new ImageReadException(what + " is an artifact (" + type + "), not an image");
        }
        Digest configDigest = digestOf(manifest.config());
        byte[] configBytes = blobs.readVerified(configDigest, MAX_CONFIG_BYTES);
        ImageConfig config;
        try {
            config = ConfigTranslator.toImageConfig(configBytes, "config " + configDigest.shortForm());
        } catch (WireJson.InvalidJsonException e) {
            throw new ImageReadException(e.getMessage() + " (" + what + " is probably an artifact)");
        }
        List<LayerDescriptor> layers = new ArrayList<>();
        for (DescriptorJson d : manifest.layersOrEmpty()) {
            layers.add(new LayerDescriptor(digestOf(d), d.mediaType(), d.size()));
        }
        return new ResolvedManifest(manifestDigest, configDigest, config, layers);
    }

    private static Digest digestOf(DescriptorJson d) throws ImageReadException {
        try {
            return Digest.parse(d.digest());
        } catch (IllegalArgumentException e) {
            throw new ImageReadException("descriptor has an invalid digest: " + d.digest());
        }
    }
}
