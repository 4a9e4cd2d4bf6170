package dev.layerlens.tui;

import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs an {@link Explorer} on the process's own terminal: a text terminal always (never a Swing
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
        DefaultTerminalFactory factory = new DefaultTerminalFactory(out, in, StandardCharsets.UTF_8)
                .setForceTextTerminal(true)
                // Ctrl+C arrives as a key and ends the loop, so the screen is restored before exit
                .setUnixTerminalCtrlCBehaviour(UnixLikeTerminal.CtrlCBehaviour.TRAP);
        Terminal terminal = factory.createTerminal();
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
