package dev.layerlens.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Files a user may hand layerlens by mistake. */
public final class NotImages {
    private NotImages() {
    }

    /** A text file: not a tar at all. */
    public static Path textFile(Path file) {
        return write(file, "this is not an image archive\n".repeat(40).getBytes(StandardCharsets.US_ASCII));
    }

    /** A root-filesystem export ({@code docker export}, BuildKit {@code type=tar}): a tar without manifest.json or index.json. */
    public static Path filesystemTar(Path file) {
        return write(file, Tars.layer(List.of(Entry.dir("etc"), Entry.file("etc/hostname", "box\n"))));
    }

    private static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
