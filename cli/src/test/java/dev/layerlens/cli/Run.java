package dev.layerlens.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One run of {@link Main#run}: its exit code and what it printed. */
record Run(int code, String out, String err) {

    static Run of(String... args) {
        return withStdin(new ByteArrayInputStream(new byte[0]), args);
    }

    static Run withStdin(InputStream stdin, String... args) {
        return run(stdin, Map.of("NO_COLOR", "1"), args);
    }

    /** With this environment (e.g. {@code CI=true}) instead of the default {@code NO_COLOR=1}. */
    static Run withEnv(Map<String, String> env, String... args) {
        return run(new ByteArrayInputStream(new byte[0]), env, args);
    }

    private static Run run(InputStream stdin, Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, stdin, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
