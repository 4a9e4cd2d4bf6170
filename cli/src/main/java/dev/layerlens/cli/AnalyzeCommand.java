package dev.layerlens.cli;

import dev.layerlens.core.ImageAnalyzer;
import dev.layerlens.core.layer.ScanOptions;
import dev.layerlens.core.report.JsonReportWriter;
import dev.layerlens.core.report.Report;
import dev.layerlens.core.report.TextReportWriter;
import dev.layerlens.core.source.ImageReadException;
import dev.layerlens.core.source.SourceResolver;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Report each layer's size, what later layers hide (reclaimable bytes), dive's efficiency figures",
                "and findings (secrets in the history, config and every layer; values redacted unless --show-secrets).",
                "IMAGE is a docker save archive, an OCI layout directory or oci-archive tar, '-' for an archive on stdin,",
                "one of docker-archive:PATH[:NAME[:TAG]], oci-archive:PATH[:TAG], oci:DIR[:TAG],",
                "docker-daemon:NAME, podman:NAME, docker://[REGISTRY/]REPO[:TAG|@DIGEST], or an image name",
                "(looked up in the Docker daemon, then in its registry)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:analysed", "2:usage error", "3:the image could not be read", "4:internal error"})
final class AnalyzeCommand implements Callable<Integer> {
    enum Format { text, json }

    @ParentCommand
    LayerlensCommand parent;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "The image to analyse.")
    String image;

    @Mixin
    ImageOptions imageOptions;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE (atomically) instead of stdout.")
    Path output;

    @Override
    public Integer call() {
        Console console = parent.console();
        ScanOptions scanOptions = new ScanOptions(!imageOptions.noVerify, false,
                Runtime.getRuntime().availableProcessors());
        ImageAnalyzer analyzer = new ImageAnalyzer(new SourceResolver(console.stdin(), parent.env()), scanOptions,
                () -> Checks.all(console.disclosure()), console.disclosure());
        ImageAnalyzer.Result result;
        try (ProgressDisplay progress = new ProgressDisplay(console)) {
            result = analyzer.analyze(image, imageOptions.sourceOptions(), progress::start);
        } catch (ImageReadException e) {
            return console.cannotRead(image, e);
        }
        Report report = result.report();
        return OutputTarget.write(output, console, out -> {
            if (format == Format.json) {
                JsonReportWriter.write(report, out);
            } else {
                boolean toTerminal = output == null && console.terminal().stdoutIsTty();
                new TextReportWriter(console.terminal().width(), toTerminal && console.terminal().colour())
                        .write(report, new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
            }
        });
    }
}
