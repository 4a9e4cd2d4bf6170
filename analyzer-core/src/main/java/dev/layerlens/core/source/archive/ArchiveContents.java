package dev.layerlens.core.source.archive;

import java.io.Closeable;
import java.util.Optional;

/** The files of an image archive (an outer tar) or of an image layout directory, by name. */
public interface ArchiveContents extends Closeable {

    /**
     * The file at {@code name} (leading {@code ./} and {@code /} ignored), following symlinks and hard
     * links that stay inside the archive. Empty when absent or when a link points outside.
     */
    Optional<ArchiveFile> find(String name);

    /** The archive as the user named it, for messages. */
    String displayName();
}
