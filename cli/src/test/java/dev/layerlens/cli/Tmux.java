package dev.layerlens.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A detached tmux session: a real terminal (pty) that tests type into and read back. */
final class Tmux implements AutoCloseable {
    private static final long SETTLE_MILLIS = 150;
    private final String name;
    private final Path socket;

    private Tmux(String name, Path socket) {
        this.name = name;
        this.socket = socket;
    }

    static boolean available() {
        try {
            return run(List.of("tmux", "-V")).startsWith("tmux");
        } catch (IOException e) {
            return false;
        }
    }

    /** Starts {@code shellCommand} in a new session of {@code columns} x {@code rows}. */
    static Tmux start(String name, int columns, int rows, String shellCommand) throws IOException {
        // its own server socket: never touches a user's tmux
        run(List.of("tmux", "-L", name, "-f", "/dev/null", "new-session", "-d", "-s", name, "-x", String.valueOf(columns),
                "-y", String.valueOf(rows), shellCommand));
        String socket = run(List.of("tmux", "-L", name, "display-message", "-p", "#{socket_path}")).trim();
        return new Tmux(name, Path.of(socket));
    }

    /** Keys by tmux's names: {@code Down}, {@code Tab}, {@code C-a}, {@code q}; {@code -l} text goes literally. */
    void keys(String... keys) throws IOException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", name, "send-keys", "-t", name));
        command.addAll(List.of(keys));
        run(command);
    }

    void text(String literal) throws IOException {
        run(List.of("tmux", "-L", name, "send-keys", "-t", name, "-l", literal));
    }

    void resize(int columns, int rows) throws IOException {
        run(List.of("tmux", "-L", name, "resize-window", "-t", name, "-x", String.valueOf(columns), "-y",
                String.valueOf(rows)));
    }

    /** The process tmux started in the pane (the shell running the session's command). */
    long panePid() throws IOException {
        return Long.parseLong(run(List.of("tmux", "-L", name, "display-message", "-p", "-t", name, "#{pane_pid}")).trim());
    }

    /** The visible screen as plain text, one line per row. */
    String screen() throws IOException {
        return run(List.of("tmux", "-L", name, "capture-pane", "-p", "-t", name));
    }

    /**
     * Waits until the screen satisfies {@code condition} and has stopped changing (a frame is written
     * row by row: a capture can catch half of one); returns it, or fails with the last screen seen.
     */
    String await(String what, Predicate<String> condition, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String previous = null;
        String screen = screen();
        while (!(condition.test(screen) && screen.equals(previous))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; the screen was:\n" + screen);
            }
            Thread.sleep(condition.test(screen) ? SETTLE_MILLIS : 20);
            previous = screen;
            screen = screen();
        }
        return screen;
    }

    String awaitText(String text, Duration timeout) throws IOException, InterruptedException {
        return await("\"" + text + "\"", s -> s.contains(text), timeout);
    }

    @Override
    public void close() throws IOException {
        run(List.of("tmux", "-L", name, "kill-server"));
        // the server leaves its socket file behind
        Files.deleteIfExists(socket);
    }

    private static String run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("timed out: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + command, e);
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
