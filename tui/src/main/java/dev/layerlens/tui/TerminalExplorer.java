package dev.layerlens.tui;

import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs an {@link Explorer} on the process's own terminal: a Unix text terminal always (never a Swing
 * window, even with a display), the alternate screen while it runs, and the terminal as it was
 * afterwards, whether the user quits, presses Ctrl+C, or the process is told to stop (lanterna's
 * shutdown hook restores the tty modes then).
 */
public final class TerminalExplorer {
    private TerminalExplorer() {
    }

    public static void run(Explorer explorer, InputStream in, OutputStream out) throws IOException {
        // no AWT even by accident: the explorer is a terminal program
        System.setProperty("java.awt.headless", "true");
        FrameOutputStream frames = new FrameOutputStream(out);
        // a Unix text terminal, never a Swing window (what DefaultTerminalFactory may pick with a display);
        // Ctrl+C arrives as a key and ends the loop, so the screen is restored before the exit
        Terminal terminal = new UnixTerminal(in, frames, StandardCharsets.UTF_8, UnixLikeTerminal.CtrlCBehaviour.TRAP) {
            @Override
            protected TerminalSize findTerminalSize() throws IOException {
                // lanterna asks the terminal for its size and waits for the answer: send the question now
                frames.direct(true);
                try {
                    return super.findTerminalSize();
                } finally {
                    frames.direct(false);
                }
            }
        };
        try {
            Screen screen = new TerminalScreen(terminal);
            screen.startScreen();
            try {
                explorer.run(screen);
            } finally {
                screen.stopScreen();
            }
        } finally {
            terminal.close();
        }
    }
}
