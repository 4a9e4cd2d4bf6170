package dev.layerlens.cli;

import dev.layerlens.core.ImageAnalyzer;
import dev.layerlens.core.analysis.secrets.Disclosure;
import dev.layerlens.core.analysis.secrets.SecretScanOptions;
import dev.layerlens.core.analysis.secrets.SecretsCheck;
import dev.layerlens.core.layer.ScanOptions;
import dev.layerlens.core.report.SecretsJsonWriter;
import dev.layerlens.core.report.SecretsReport;
import dev.layerlens.core.report.SecretsTextWriter;
import dev.layerlens.core.source.ImageReadException;
import dev.layerlens.core.source.SourceResolver;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "secrets", mixinStandardHelpOptions = true,
        description = {"Audit an image for secrets: the history (build arguments, ENV, RUN commands), the config (Env,",
                "Labels, Cmd, Entrypoint) and the files of every layer, including copies a later layer deleted or",
                "overwrote, which still ship. Values are redacted unless --show-secrets.",
                "IMAGE is named as for analyze."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no secret found", "1:secrets found", "2:usage error", "3:the image could not be read",
                "4:internal error"})
final class SecretsCommand implements Callable<Integer> {
    enum Format { text, json }

    @ParentCommand
    LayerlensCommand parent;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "The image to audit.")
    String image;

    @Mixin
    ImageOptions imageOptions;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE (atomically) instead of stdout.")
    Path output;

    @Option(names = "--max-file-bytes", paramLabel = "BYTES", defaultValue = "" + SecretScanOptions.DEFAULT_MAX_FILE_BYTES,
            description = "Read at most this many leading bytes of each file (default: ${DEFAULT-VALUE}).")
    int maxFileBytes;

    @Override
    public Integer call() {
        Console console = parent.console();
        Disclosure disclosure = console.disclosure();
        if (maxFileBytes <= 0) {
            console.error("--max-file-bytes must be positive", null);
            return ExitCodes.USAGE;
        }
        SecretsCheck check = new SecretsCheck(imageOptions.secretScanOptions(maxFileBytes), disclosure);
        ScanOptions scanOptions = new ScanOptions(!imageOptions.noVerify, false, Runtime.getRuntime().availableProcessors());
        ImageAnalyzer analyzer = new ImageAnalyzer(new SourceResolver(console.stdin(), parent.env()), scanOptions, () -> List.of(check),
                disclosure);
        ImageAnalyzer.Result result;
        try (ProgressDisplay progress = new ProgressDisplay(console)) {
            result = analyzer.analyze(image, imageOptions.sourceOptions(), progress::start);
        } catch (ImageReadException e) {
            return console.cannotRead(image, e);
        }
        SecretsReport report = SecretsReport.of(result.image(), check.secretFindings(), check.stats(), disclosure);
        int written = OutputTarget.write(output, console, out -> {
            if (format == Format.json) {
                SecretsJsonWriter.write(report, out);
            } else {
                boolean toTerminal = output == null && console.terminal().stdoutIsTty();
                new SecretsTextWriter(toTerminal && console.terminal().colour())
                        .write(report, new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
            }
        });
        if (written != ExitCodes.OK) {
            return written;
        }
        return report.findings().isEmpty() ? ExitCodes.OK : ExitCodes.POLICY_FAILED;
    }
}
