package dev.layerlens.cli;

import dev.layerlens.core.analysis.secrets.Disclosure;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "layerlens", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "What is inside a container image before you push it: layer sizes, dead weight, dive's figures.",
        subcommands = {AnalyzeCommand.class, LayersCommand.class, DiffCommand.class, ExploreCommand.class,
                SecretsCommand.class, DockerfileCommand.class, picocli.CommandLine.HelpCommand.class})
final class LayerlensCommand {
    @Option(names = "--debug", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Print stack traces with errors.")
    boolean debug;

    @Option(names = "--show-secrets", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Show secrets in clear in reports and messages (default: redacted, like AKIA…MPLE (20 chars)).")
    boolean showSecrets;

    private final InputStream stdin;
    private final PrintStream stdout;
    private final PrintStream stderr;
    private final Map<String, String> env;

    LayerlensCommand(InputStream stdin, PrintStream stdout, PrintStream stderr, Map<String, String> env) {
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
        this.env = env;
    }

    /**
     * The process environment: CI=true turns on the CI gate, explore reads the terminal from it,
     * daemons and registries are found with it (DOCKER_HOST, DOCKER_CONFIG, …).
     */
    Map<String, String> env() {
        return env;
    }

    Console console() {
        return new Console(stdin, stdout, stderr, Terminal.detect(env), debug, disclosure());
    }

    Disclosure disclosure() {
        return Disclosure.of(showSecrets);
    }
}
