package dev.layerlens.cli;

import dev.layerlens.core.analysis.secrets.Disclosure;
import dev.layerlens.core.report.TerminalText;
import dev.layerlens.core.source.ImageReadException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The process's streams and terminal, and the one way errors are told: one sanitised line,
 * {@code layerlens: …}, with the stack trace only under {@code --debug}. Messages can quote the
 * image (a parser error cites the text it choked on), so secrets in them are redacted unless
 * {@code --show-secrets}.
 */
record Console(InputStream stdin, PrintStream stdout, PrintStream stderr, Terminal terminal, boolean debug,
               Disclosure disclosure) {

    int cannotRead(String image, ImageReadException e) {
        error("cannot read " + image + ": " + e.getMessage(), e);
        return ExitCodes.IMAGE_UNREADABLE;
    }

    void error(String message, Throwable cause) {
        stderr.println("layerlens: " + TerminalText.sanitize(disclosure.text(message)));
        if (debug && cause != null) {
            StringWriter trace = new StringWriter();
            cause.printStackTrace(new PrintWriter(trace));
            stderr.print(disclosure.text(trace.toString()));
        }
    }
}
