package dev.layerlens.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Where a report goes: stdout, or a file written atomically (a reader never sees half a report). */
final class OutputTarget {
    private OutputTarget() {
    }

    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes the report; returns the exit code: {@link ExitCodes#OK}, or {@link ExitCodes#USAGE}
     * with a one-line error when the file cannot be written.
     */
    static int write(Path file, Console console, Body body) {
        try {
            if (file == null) {
                body.writeTo(console.stdout());
                console.stdout().flush();
            } else if (Files.exists(file) && !Files.isRegularFile(file)) {
                // a device or a pipe (/dev/null, /dev/stdout, a fifo): write to it, never replace it
                try (OutputStream out = Files.newOutputStream(file)) {
                    body.writeTo(out);
                }
            } else {
                // through a symlink, the file it names is replaced, not the link
                writeAtomically(Files.exists(file) ? file.toRealPath() : file.toAbsolutePath(), body);
            }
            return ExitCodes.OK;
        } catch (NoSuchFileException e) {
            console.error("cannot write " + file + ": its directory does not exist", e);
        } catch (IOException e) {
            console.error("cannot write " + file + ": " + e.getMessage(), e);
        }
        return ExitCodes.USAGE;
    }

    private static void writeAtomically(Path target, Body body) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                body.writeTo(out);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
