package dev.layerlens.core.source.registry;

import java.io.IOException;
import java.io.InputStream;

/** Reads small bodies (manifests, tokens, errors) whole, refusing more than a limit: every allocation bounded by the input. */
final class BoundedBody {
    private BoundedBody() {
    }

    /** The whole body, or an IOException when it exceeds {@code maxBytes}. */
    static byte[] read(InputStream in, long maxBytes, String what) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw new IOException(what + " is larger than the " + maxBytes + " bytes allowed");
        }
        return bytes;
    }

    /** Up to {@code maxBytes} of the body, for error messages; never fails. */
    static byte[] head(InputStream in, int maxBytes) {
        try {
            return in.readNBytes(maxBytes);
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
