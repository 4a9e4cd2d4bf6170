package dev.layerlens.cli;

import dev.layerlens.core.ImageAnalyzer;
import dev.layerlens.core.layer.ScanOptions;
import dev.layerlens.core.policy.Policy;
import dev.layerlens.core.policy.PolicyException;
import dev.layerlens.core.policy.PolicyFiles;
import dev.layerlens.core.policy.PolicyInput;
import dev.layerlens.core.policy.Verdict;
import dev.layerlens.core.report.ArtifactUris;
import dev.layerlens.core.report.FilesystemSizes;
import dev.layerlens.core.report.HtmlReportWriter;
import dev.layerlens.core.report.JsonReportWriter;
import dev.layerlens.core.report.MarkdownReportWriter;
import dev.layerlens.core.report.Report;
import dev.layerlens.core.report.SarifReportWriter;
import dev.layerlens.core.report.TextReportWriter;
import dev.layerlens.core.report.VerdictTextWriter;
import dev.layerlens.core.source.ImageReadException;
import dev.layerlens.core.source.SourceResolver;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
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
                "(looked up in the Docker daemon, then in its registry).",
                "With --ci (or CI=true) the image is also checked against the rules of .layerlens.yml or dive's .dive-ci."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:analysed (and, with --ci, every rule passed)", "1:--ci: a rule failed",
                "2:usage error, or an invalid CI config", "3:the image could not be read", "4:internal error"})
final class AnalyzeCommand implements Callable<Integer> {
    enum Format { text, json, sarif, markdown, html }

    /** Treemap depth and the share below which entries fold into "n smaller". */
    private static final int TREEMAP_DEPTH = 2;
    private static final double TREEMAP_MIN_SHARE = 0.004;

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

    @Option(names = "--ci", negatable = true,
            description = "CI gate: check the rules, print a concise verdict, exit 1 when a rule fails (default: on when CI=true).")
    Boolean ci;

    @Option(names = "--ci-config", paramLabel = "FILE",
            description = "The CI rules (implies --ci; default: .layerlens.yml, .layerlens.yaml, then .dive-ci in the working directory).")
    Path ciConfig;

    @Override
    public Integer call() {
        Console console = parent.console();
        boolean gate = CiMode.on(ci, ciConfig != null, parent.env());
        Policy policy = null;
        if (gate) {
            try {
                policy = PolicyFiles.load(ciConfig, Path.of(""));
            } catch (PolicyException e) {
                console.error("invalid CI config: " + e.getMessage(), e);
                return ExitCodes.USAGE;
            }
        }
        ScanOptions scanOptions = imageOptions.scanOptions();
        ImageAnalyzer analyzer = new ImageAnalyzer(new SourceResolver(console.stdin(), parent.env()), scanOptions,
                () -> Checks.all(console.disclosure(), imageOptions.secretScanOptions()), console.disclosure());
        ImageAnalyzer.Result result;
        try (ProgressDisplay progress = new ProgressDisplay(console)) {
            result = analyzer.analyze(image, imageOptions.sourceOptions(), progress::start);
        } catch (ImageReadException e) {
            return console.cannotRead(image, e);
        }
        Report report = result.report();
        Verdict verdict = policy == null ? null : policy.evaluate(PolicyInput.of(report));
        // in CI mode a text report to stdout is replaced by the concise verdict
        boolean verdictOnly = gate && format == Format.text && output == null;
        if (!verdictOnly) {
            int written = OutputTarget.write(output, console, out -> writeReport(result, verdict, console, out));
            if (written != ExitCodes.OK) {
                return written;
            }
        }
        if (verdict == null) {
            return ExitCodes.OK;
        }
        // the verdict never mixes into a machine-readable report on stdout
        PrintStream verdictStream = verdictOnly || output != null ? console.stdout() : console.stderr();
        VerdictTextWriter.write(report, verdict, new PrintWriter(new OutputStreamWriter(verdictStream, StandardCharsets.UTF_8)));
        return verdict.passed() ? ExitCodes.OK : ExitCodes.POLICY_FAILED;
    }

    private void writeReport(ImageAnalyzer.Result result, Verdict verdict, Console console, OutputStream out)
            throws java.io.IOException {
        Report report = result.report();
        PrintWriter writer = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        switch (format) {
            case json -> JsonReportWriter.write(report, out);
            case sarif -> new SarifReportWriter(ProjectInfo.load().sarifTool(), ArtifactUris.of(image, Path.of("")))
                    .write(report, verdict, out);
            case markdown -> MarkdownReportWriter.write(report, verdict, writer);
            case html -> new HtmlReportWriter(ProjectInfo.load().version()).write(report,
                    FilesystemSizes.of(result.tree(), TREEMAP_DEPTH, TREEMAP_MIN_SHARE), verdict, writer);
            case text -> {
                boolean toTerminal = output == null && console.terminal().stdoutIsTty();
                new TextReportWriter(console.terminal().width(), toTerminal && console.terminal().colour())
                        .write(report, writer);
            }
        }
        writer.flush();
    }
}
