package dev.layerlens.core.source;

/**
 * The image cannot be read: not found, unreadable, corrupt, refused. The message is one line that
 * names the part of the image and the cause, and never holds file contents or credentials.
 */
public class ImageReadException extends Exception {
    public ImageReadException(String message) {
        super(message);
    }

    public ImageReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
