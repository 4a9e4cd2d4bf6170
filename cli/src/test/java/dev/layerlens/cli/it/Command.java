package dev.layerlens.cli.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs an external program with a deadline; its output goes to temporary files, never to a pipe that can fill up. */
final class Command {
    private Command() {
    }

    record Result(List<String> argv, int exitCode, String stdout, String stderr, Duration took) {
        boolean ok() {
            return exitCode == 0;
        }

        /** Throws with the command, its exit code and the tail of its output unless it succeeded. */
        Result orThrow() {
            if (!ok()) {
                throw new IllegalStateException(describe());
            }
            return this;
        }

        String describe() {
            return String.join(" ", argv) + " exited with " + exitCode + " after " + took.toMillis() + " ms\n--- stdout (tail)\n"
                    + tail(stdout) + "\n--- stderr (tail)\n" + tail(stderr);
        }

        private static String tail(String text) {
            return text.length() <= 4000 ? text : "…" + text.substring(text.length() - 4000);
        }
    }

    static Result run(List<String> argv, Map<String, String> env, Duration timeout) {
        return run(argv, env, timeout, null);
    }

    /** Runs {@code argv}; {@code env} is added to this JVM's environment; a run past {@code timeout} is killed. */
    static Result run(List<String> argv, Map<String, String> env, Duration timeout, Path directory) {
        Path out = null;
        Path err = null;
        long start = System.nanoTime();
        try {
            out = Files.createTempFile("layerlens-it-", ".out");
            err = Files.createTempFile("layerlens-it-", ".err");
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(argv))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException(String.join(" ", argv) + " did not finish within " + timeout
                        + "\n--- stderr\n" + Files.readString(err, StandardCharsets.UTF_8));
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            return new Result(List.copyOf(argv), process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), took);
        } catch (IOException e) {
            // the program could not be started (missing binary) or its output not read
            return new Result(List.copyOf(argv), -1, "", String.valueOf(e.getMessage()), Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + argv, e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /** Ends a server the test started: politely, then, after 10 s, by force. */
    static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first executable named {@code name} on PATH or in the sbin directories (root's tools), or null. */
    static Path which(String name) {
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(java.io.File.pathSeparator)));
        }
        dirs.addAll(List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"));
        for (String dir : dirs) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
        }
    }
}
