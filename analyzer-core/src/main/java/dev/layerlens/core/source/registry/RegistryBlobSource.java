package dev.layerlens.core.source.registry;

import dev.layerlens.core.image.Digest;
import dev.layerlens.core.source.BlobSource;
import dev.layerlens.core.source.ImageReadException;
import dev.layerlens.core.source.LayerBlob;
import java.io.IOException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * One repository of a registry as a store of content-addressed blobs, so that
 * {@link dev.layerlens.core.source.OciImageResolver} walks it as it walks a layout: manifests and
 * indexes from {@code /manifests/}, the config from {@code /blobs/}, layers streamed on demand.
 */
final class RegistryBlobSource implements BlobSource {
    private final RegistryCaller caller;
    private final RegistrySettings settings;
    private final Semaphore downloads;
    private final Map<Digest, Manifest> manifests = new ConcurrentHashMap<>();

    RegistryBlobSource(RegistryCaller caller, RegistrySettings settings) {
        this.caller = caller;
        this.settings = settings;
        this.downloads = new Semaphore(Math.max(1, settings.maxConcurrentDownloads()));
    }

    /** Fetches a manifest by tag or digest (checked) and keeps it for the resolver. */
    Manifest fetchManifest(String reference) throws ImageReadException {
        Manifest manifest = caller.call(new ManifestPuller(caller.repository(), reference));
        manifests.put(manifest.digest(), manifest);
        return manifest;
    }

    @Override
    public byte[] readManifest(Digest digest, long maxBytes) throws ImageReadException {
        Manifest manifest = manifests.get(digest);
        if (manifest == null) {
            manifest = fetchManifest(digest.toString());
        }
        if (manifest.bytes().length > maxBytes) {
            throw new ImageReadException("manifest " + digest.shortForm() + " is larger than " + maxBytes + " bytes");
        }
        return manifest.bytes();
    }

    @Override
    public byte[] readVerified(Digest digest, long maxBytes) throws ImageReadException {
        BlobPuller.Body body = caller.call(new BlobPuller(caller.repository(), digest, 0));
        byte[] bytes;
        try (Response response = body.response()) {
            bytes = BoundedBody.read(response.body(), maxBytes, "blob " + digest.shortForm());
        } catch (IOException e) {
            throw new ImageReadException("blob " + digest.shortForm() + ": " + e.getMessage(), e);
        }
        Digest actual = new Digest(digest.algorithm(), HexFormat.of().formatHex(digest.newHasher().digest(bytes)));
        if (!actual.equals(digest)) {
            throw new ImageReadException("blob " + digest.shortForm() + " does not match its digest (its content hashes to "
                    + actual.shortForm() + ")");
        }
        return bytes;
    }

    /** No request yet: the blob is fetched when read (a missing one fails then, naming its layer). */
    @Override
    public LayerBlob layerBlob(Digest digest, Long size) {
        return new RegistryLayerBlob(caller, digest, size, downloads, settings.maxResumes());
    }
}
