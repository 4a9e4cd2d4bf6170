package dev.layerlens.core.source.registry;

import dev.layerlens.core.image.Digest;
import dev.layerlens.core.source.ImageReadException;
import dev.layerlens.core.source.LayerBlob;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * A layer blob in a registry, downloaded while it is read (the scanner verifies its digest and
 * size as the bytes pass). At most as many downloads run at once as {@code downloads} has permits.
 */
final class RegistryLayerBlob implements LayerBlob {
    private final RegistryCaller caller;
    private final Digest digest;
    private final Long size;
    private final Semaphore downloads;
    private final int maxResumes;

    RegistryLayerBlob(RegistryCaller caller, Digest digest, Long size, Semaphore downloads, int maxResumes) {
        this.caller = caller;
        this.digest = digest;
        this.size = size;
        this.downloads = downloads;
        this.maxResumes = maxResumes;
    }

    @Override
    public InputStream open() throws IOException {
        try {
            downloads.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to download blob " + digest.shortForm());
        }
        ResumingBlobStream stream = new ResumingBlobStream(caller, digest, size, maxResumes, downloads::release);
        try {
            stream.start();
        } catch (ImageReadException e) {
            stream.close();
            throw new IOException(e.getMessage(), e);
        }
        return stream;
    }

    @Override
    public Optional<Digest> expectedDigest() {
        return Optional.of(digest);
    }

    @Override
    public Optional<Long> expectedSize() {
        return Optional.ofNullable(size);
    }
}
