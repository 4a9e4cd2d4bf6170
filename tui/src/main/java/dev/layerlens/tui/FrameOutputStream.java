package dev.layerlens.tui;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The terminal's output, held until lanterna flushes at the end of a frame: lanterna writes every
 * escape sequence on its own, and a full screen written unbuffered is thousands of write calls
 * (seconds over a busy pty). While lanterna asks the terminal something and waits for the answer
 * (its size), writes go straight through, or the question would sit in the buffer.
 */
final class FrameOutputStream extends OutputStream {
    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int count;
    private boolean direct;

    FrameOutputStream(OutputStream out) {
        this.out = out;
    }

    /** Straight through (and what was held flushed) while {@code on}. */
    synchronized void direct(boolean on) throws IOException {
        flush();
        direct = on;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        if (direct) {
            out.write(bytes, offset, length);
            out.flush();
            return;
        }
        if (length > buffer.length - count) {
            drain();
        }
        if (length > buffer.length) {
            out.write(bytes, offset, length);
        } else {
            System.arraycopy(bytes, offset, buffer, count, length);
            count += length;
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        drain();
        out.flush();
    }

    private void drain() throws IOException {
        if (count > 0) {
            out.write(buffer, 0, count);
            count = 0;
        }
    }
}
