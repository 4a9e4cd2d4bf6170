package dev.layerlens.core.source.registry;

import dev.layerlens.core.image.Digest;
import dev.layerlens.core.source.ImageReadException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * A blob's bytes from the registry, carried over broken connections: when the connection drops
 * (or stalls) mid-body, the rest is asked for with {@code Range} from the byte reached, so the
 * reader sees one unbroken stream and hashes it whole. Nothing is buffered beyond the network's
 * own buffers.
 */
final class ResumingBlobStream extends InputStream {
    private final RegistryCaller caller;
    private final Digest digest;
    private final Long size;
    private final int maxResumes;
    private final Runnable onClose;
    private InputStream current;
    private long position;
    private int resumes;
    private boolean closed;

    /**
     * @param size    the size the manifest gives, or null: a body ending early counts as broken only when it is known
     * @param onClose run once when closed (frees a download slot)
     */
    ResumingBlobStream(RegistryCaller caller, Digest digest, Long size, int maxResumes, Runnable onClose) {
        this.caller = caller;
        this.digest = digest;
        this.size = size;
        this.maxResumes = maxResumes;
        this.onClose = onClose;
    }

    /** Opens the first connection now, so that a missing or refused blob fails before any byte is read. */
    void start() throws ImageReadException {
        current = open(0);
    }

    /** Times the download resumed after a broken connection. */
    int resumes() {
        return resumes;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == 1 ? one[0] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("blob " + digest.shortForm() + ": stream closed");
        }
        if (len == 0) {
            return 0;
        }
        while (true) {
            if (current == null) {
                try {
                    current = open(position);
                } catch (ImageReadException e) {
                    throw new IOException(e.getMessage() + " (resuming at byte " + position + ")", e);
                }
            }
            int n;
            try {
                n = current.read(b, off, len);
            } catch (IOException e) {
                brokenAt(e);
                continue;
            }
            if (n < 0) {
                if (size != null && position < size) {
                    brokenAt(new EOFException("the connection ended at byte " + position + " of " + size));
                    continue;
                }
                return -1;
            }
            position += n;
            return n;
        }
    }

    /** Drops the broken connection; the next read resumes, unless resumes are used up. */
    private void brokenAt(IOException cause) throws IOException {
        closeCurrent();
        if (++resumes > maxResumes) {
            throw new IOException("blob " + digest.shortForm() + ": the download broke off " + resumes + " times, at byte "
                    + position + " the last time (" + cause.getMessage() + ")", cause);
        }
    }

    private InputStream open(long offset) throws ImageReadException {
        BlobPuller.Body body = caller.call(new BlobPuller(caller.repository(), digest, offset));
        InputStream in = body.response().body();
        try {
            long skipped = 0;
            byte[] scratch = new byte[64 * 1024];
            while (skipped < body.skip()) {
                int n = in.read(scratch, 0, (int) Math.min(scratch.length, body.skip() - skipped));
                if (n < 0) {
                    throw new IOException("the body ended before byte " + body.skip());
                }
                skipped += n;
            }
        } catch (IOException e) {
            body.response().close();
            throw new ImageReadException("blob " + digest.shortForm() + ": " + e.getMessage(), e);
        }
        return in;
    }

    private void closeCurrent() {
        if (current != null) {
            try {
                current.close();
            } catch (IOException ignored) {
                // a broken connection is being dropped anyway
            }
            current = null;
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            closeCurrent();
            onClose.run();
        }
    }
}
