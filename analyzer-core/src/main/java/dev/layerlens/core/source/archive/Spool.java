package dev.layerlens.core.source.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A temporary copy of a stream on disk (stdin, or a whole archive that was compressed), deleted on close. */
final class Spool {
    private Spool() {
    }

    static Path toTempFile(InputStream in) throws IOException {
        Path temp = Files.createTempFile("layerlens-", ".tar");
        temp.toFile().deleteOnExit();
        try {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }

    static Runnable deleter(Path temp) {
        return () -> {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
