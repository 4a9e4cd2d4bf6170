package dev.layerlens.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** What the process's terminal is: whether stdout/stderr are terminals, how wide, whether to colour. */
public record Terminal(boolean stdoutIsTty, boolean stderrIsTty, int width, boolean colour) {
    private static final int DEFAULT_WIDTH = 120;

    public static Terminal detect(Map<String, String> env) {
        boolean stdout = isTty(1);
        boolean stderr = isTty(2);
        int width = stdout ? widthOf(env) : DEFAULT_WIDTH;
        boolean colour = stdout && !env.containsKey("NO_COLOR") && !"dumb".equals(env.get("TERM"));
        return new Terminal(stdout, stderr, width, colour);
    }

    /** A file descriptor is a terminal when it links to a tty device (Linux /proc). */
    static boolean isTty(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    private static int widthOf(Map<String, String> env) {
        try {
            int columns = Integer.parseInt(env.getOrDefault("COLUMNS", ""));
            if (columns > 0) {
                return columns;
            }
        } catch (NumberFormatException ignored) {
            // not set: ask the terminal
        }
        try {
            Process stty = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(stty.getInputStream().readAllBytes()).trim();
            if (stty.waitFor(2, TimeUnit.SECONDS) && stty.exitValue() == 0) {
                return Integer.parseInt(out.split("\\s+")[1]);
            }
        } catch (IOException | RuntimeException e) {
            return DEFAULT_WIDTH;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return DEFAULT_WIDTH;
    }
}
