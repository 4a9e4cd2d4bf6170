package dev.layerlens.core.source.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands a layer's bytes from the thread reading the save stream to the thread scanning the layer,
 * through a few chunks (at most {@code CAPACITY × CHUNK} bytes in flight), so the stream is read
 * once and never held whole. When the scanner stops reading (its scan failed), further bytes are
 * dropped rather than blocking the stream.
 */
final class LayerPipe {
    static final int CHUNK = 256 * 1024;
    static final int CAPACITY = 16;
    private static final Object END = new Object();

    private final BlockingQueue<Object> chunks = new ArrayBlockingQueue<>(CAPACITY);
    /** Chunks the scanner has finished with, for the writer to fill again: a layer of any size costs a few buffers, not garbage. */
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CAPACITY + 2);
    private final String what;
    private final Runnable onAbandon;
    private volatile boolean consumerGone;

    /**
     * @param what      names the layer in errors
     * @param onAbandon run when the scanner stops reading before the end (its scan failed): the save
     *                  need not be read further
     */
    LayerPipe(String what, Runnable onAbandon) {
        this.what = what;
        this.onAbandon = onAbandon;
    }

    /** Copies {@code len} bytes in (at most {@link #CHUNK}); blocks while the scanner is behind. */
    void write(byte[] b, int off, int len) throws InterruptedIOException {
        if (consumerGone || len == 0) {
            return;
        }
        byte[] chunk = free.poll();
        if (chunk == null || chunk.length < len) {
            chunk = new byte[Math.max(len, CHUNK)];
        }
        System.arraycopy(b, off, chunk, 0, len);
        put(new Chunk(chunk, len));
    }

    /** A filled buffer and how much of it holds bytes. */
    private record Chunk(byte[] bytes, int length) {
    }

    /** The layer's last byte was written. */
    void finish() throws InterruptedIOException {
        put(END);
    }

    /** The save stream broke: the scanner's next read fails with {@code cause}. */
    void fail(IOException cause) {
        if (!consumerGone) {
            chunks.clear(); // make room: the bytes before the failure are worthless now
            chunks.offer(cause);
        }
    }

    private void put(Object item) throws InterruptedIOException {
        try {
            // wake now and then: a scanner that gave up will never take again
            while (!consumerGone && !chunks.offer(item, 100, TimeUnit.MILLISECONDS)) {
                // waiting for the scanner
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing over " + what);
        }
    }

    /** The scanner's side; opened once. */
    InputStream reader() {
        return new InputStream() {
            private byte[] current = new byte[0];
            private int length;
            private int pos;
            private boolean ended;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) == 1 ? one[0] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                while (pos == length) {
                    if (ended) {
                        return -1;
                    }
                    if (current.length == CHUNK) {
                        free.offer(current); // read out: the writer may fill it again
                    }
                    current = new byte[0];
                    Object next;
                    try {
                        next = chunks.take();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("interrupted while reading " + what);
                    }
                    if (next == END) {
                        ended = true;
                        return -1;
                    }
                    if (next instanceof IOException failure) {
                        ended = true;
                        throw new IOException(failure.getMessage(), failure);
                    }
                    Chunk chunk = (Chunk) next;
                    current = chunk.bytes();
                    length = chunk.length();
                    pos = 0;
                }
                int n = Math.min(len, length - pos);
                System.arraycopy(current, pos, b, off, n);
                pos += n;
                return n;
            }

            @Override
            public int available() {
                return length - pos;
            }

            @Override
            public void close() {
                if (!ended) {
                    onAbandon.run();
                }
                consumerGone = true;
                chunks.clear();
            }
        };
    }
}
