package dev.layerlens.cli;

import dev.layerlens.core.report.TerminalText;
import dev.layerlens.core.source.ImageReadException;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * The process's streams and terminal, and the one way errors are told: one sanitised line,
 * {@code layerlens: …}, with the stack trace only under {@code --debug}.
 */
record Console(InputStream stdin, PrintStream stdout, PrintStream stderr, Terminal terminal, boolean debug) {

    int cannotRead(String image, ImageReadException e) {
        error("cannot read " + image + ": " + e.getMessage(), e);
        return ExitCodes.IMAGE_UNREADABLE;
    }

    void error(String message, Throwable cause) {
        stderr.println("layerlens: " + TerminalText.sanitize(message));
        if (debug && cause != null) {
            cause.printStackTrace(stderr);
        }
    }
}
