package dev.layerlens.core.source.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body as an InputStream that gives up when no byte arrives for {@code idleTimeout}.
 * The JDK client's own stream waits forever on a stalled connection (its request timeout ends with
 * the headers), so this subscribes to the body itself: one batch of buffers is requested at a
 * time, which keeps memory bounded and lets the server feel back-pressure.
 */
final class BodyStream extends InputStream implements Flow.Subscriber<List<ByteBuffer>> {
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Duration idleTimeout;
    private final String what;
    private volatile Flow.Subscription subscription;
    private Iterator<ByteBuffer> batch = List.<ByteBuffer>of().iterator();
    private ByteBuffer current;
    private boolean ended;
    private boolean closed;

    /** @param what names the body in errors ("blob sha256:ab12…") */
    BodyStream(Duration idleTimeout, String what) {
        this.idleTimeout = idleTimeout;
        this.what = what;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        queue.add(item);
    }

    @Override
    public void onError(Throwable throwable) {
        queue.add(throwable);
    }

    @Override
    public void onComplete() {
        queue.add(END);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == 1 ? one[0] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException(what + ": stream closed");
        }
        if (len == 0) {
            return 0;
        }
        while (current == null || !current.hasRemaining()) {
            if (batch.hasNext()) {
                current = batch.next();
                continue;
            }
            if (ended) {
                return -1;
            }
            if (!nextBatch()) {
                return -1;
            }
        }
        int n = Math.min(len, current.remaining());
        current.get(b, off, n);
        return n;
    }

    /** Waits for the next batch; false at the end of the body. */
    @SuppressWarnings("unchecked")
    private boolean nextBatch() throws IOException {
        Object next;
        try {
            next = queue.poll(idleTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
            throw new InterruptedIOException(what + ": interrupted");
        }
        if (next == null) {
            cancel();
            long millis = idleTimeout.toMillis();
            throw new SocketTimeoutException(what + ": no data for " + (millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms"));
        }
        if (next == END) {
            ended = true;
            return false;
        }
        if (next instanceof Throwable t) {
            ended = true;
            throw t instanceof IOException io ? io : new IOException(what + ": " + t.getMessage(), t);
        }
        batch = ((List<ByteBuffer>) next).iterator();
        Flow.Subscription s = subscription;
        if (s != null) {
            s.request(1); // one batch ahead: the network keeps going while this one is read
        }
        return true;
    }

    private void cancel() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (!ended) {
                cancel(); // closes the connection rather than reading a body nobody wants
            }
            queue.clear();
        }
    }
}
