package dev.layerlens.core.source;

/**
 * The place asked has no such image (a daemon without it, a registry answering 404): for a bare
 * name, the next place may still have it.
 */
public class ImageNotFoundException extends ImageReadException {
    public ImageNotFoundException(String message) {
        super(message);
    }
}
