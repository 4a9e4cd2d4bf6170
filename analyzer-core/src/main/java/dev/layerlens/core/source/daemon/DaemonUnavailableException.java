package dev.layerlens.core.source.daemon;

import dev.layerlens.core.source.ImageReadException;

/** No daemon answers where it was looked for: for a bare name, a registry may still have the image. */
public final class DaemonUnavailableException extends ImageReadException {
    public DaemonUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
