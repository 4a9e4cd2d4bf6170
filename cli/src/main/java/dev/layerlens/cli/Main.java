package dev.layerlens.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import dev.layerlens.core.analysis.secrets.Disclosure;
import dev.layerlens.core.report.TerminalText;
import picocli.CommandLine;

/** Entry point: runs a command and exits with its code (DESIGN §6). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = run(args, System.in, out, err, System.getenv());
        out.flush();
        System.exit(code);
    }

    /** Runs layerlens with the given streams and environment; returns the exit code. */
    public static int run(String[] args, InputStream stdin, PrintStream stdout, PrintStream stderr, Map<String, String> env) {
        LayerlensCommand root = new LayerlensCommand(stdin, stdout, stderr, env);
        CommandLine cli = new CommandLine(root);
        cli.setOut(new PrintWriter(stdout, true));
        cli.setErr(new PrintWriter(stderr, true));
        // picocli's own handling, with secrets in the quoted arguments redacted (the user may have pasted a token)
        cli.setParameterExceptionHandler((e, arguments) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println(TerminalText.sanitize(Disclosure.REDACT.text(e.getMessage())));
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
                e.getCommandLine().usage(err);
            }
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            root.console().error("internal error: " + e + (root.debug ? "" : " (run with --debug for details)"), e);
            return ExitCodes.INTERNAL;
        });
        return cli.execute(args);
    }
}
