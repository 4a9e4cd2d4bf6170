package dev.layerlens.cli;

import dev.layerlens.core.ImageAnalyzer;
import dev.layerlens.core.diff.ImageComparer;
import dev.layerlens.core.diff.ImageDiff;
import dev.layerlens.core.layer.ScanOptions;
import dev.layerlens.core.report.DiffMarkdownWriter;
import dev.layerlens.core.report.DiffTextWriter;
import dev.layerlens.core.report.JsonReportWriter;
import dev.layerlens.core.source.ImageReadException;
import dev.layerlens.core.source.SourceResolver;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compare two images: sizes, shared and different layers, the files of their final filesystems, "
                + "reclaimable bytes and dive's figures, findings fixed and introduced.",
                "BEFORE and AFTER are named as for analyze, each from any source."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:compared", "1:--fail-if-larger: AFTER grew more than allowed", "2:usage error",
                "3:an image could not be read", "4:internal error"})
final class DiffCommand implements Callable<Integer> {
    enum Format { text, json, markdown }

    @ParentCommand
    LayerlensCommand parent;

    @Parameters(index = "0", paramLabel = "BEFORE", description = "The image before the change.")
    String before;

    @Parameters(index = "1", paramLabel = "AFTER", description = "The image after the change.")
    String after;

    @Mixin
    ImageOptions imageOptions;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the comparison to FILE (atomically) instead of stdout.")
    Path output;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20",
            description = "List the N largest added, removed and changed files and directories (0: all; default ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--fail-if-larger", paramLabel = "PERCENT", converter = PercentConverter.class,
            description = "Exit 1 when AFTER's size is more than PERCENT %% above BEFORE's (e.g. 5 or 5%%).")
    Double failIfLarger;

    @Override
    public Integer call() {
        Console console = parent.console();
        if (top < 0) {
            console.error("--top must be 0 or more, got " + top, null);
            return ExitCodes.USAGE;
        }
        if ("-".equals(before) && "-".equals(after)) {
            console.error("only one of BEFORE and AFTER can be read from stdin", null);
            return ExitCodes.USAGE;
        }
        // content checksums tell a changed file from a re-shipped one of the same size
        ScanOptions scan = new ScanOptions(!imageOptions.noVerify, true, Runtime.getRuntime().availableProcessors());
        ImageAnalyzer analyzer = new ImageAnalyzer(new SourceResolver(console.stdin(), parent.env()), scan,
                () -> Checks.all(console.disclosure(), imageOptions.secretScanOptions()), console.disclosure());
        ImageAnalyzer.Result was;
        ImageAnalyzer.Result is;
        try (ProgressDisplay progress = new ProgressDisplay(console)) {
            was = analyzer.analyze(before, imageOptions.sourceOptions(), progress::start);
        } catch (ImageReadException e) {
            return console.cannotRead(before, e);
        }
        try (ProgressDisplay progress = new ProgressDisplay(console)) {
            is = analyzer.analyze(after, imageOptions.sourceOptions(), progress::start);
        } catch (ImageReadException e) {
            return console.cannotRead(after, e);
        }
        ImageDiff diff = ImageComparer.compare(was, is, top);
        int written = OutputTarget.write(output, console, out -> {
            PrintWriter writer = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            switch (format) {
                case json -> JsonReportWriter.write(diff, out);
                case markdown -> DiffMarkdownWriter.write(diff, writer);
                case text -> new DiffTextWriter(console.terminal().width()).write(diff, writer);
            }
            writer.flush();
        });
        if (written != ExitCodes.OK) {
            return written;
        }
        if (failIfLarger != null && grewTooMuch(diff, failIfLarger)) {
            console.stderr().println(String.format(Locale.ROOT, "layerlens: AFTER is %s larger than BEFORE (%+d bytes), "
                    + "more than the %s %% --fail-if-larger allows", growth(diff), diff.sizeDeltaBytes(),
                    PercentConverter.format(failIfLarger)));
            return ExitCodes.POLICY_FAILED;
        }
        return ExitCodes.OK;
    }

    /** Growth strictly above the limit fails; from an empty BEFORE, any growth does. */
    static boolean grewTooMuch(ImageDiff diff, double limitPercent) {
        if (diff.sizeDeltaPercent() == null) {
            return diff.sizeDeltaBytes() > 0;
        }
        return diff.sizeDeltaPercent() > limitPercent;
    }

    private static String growth(ImageDiff diff) {
        return diff.sizeDeltaPercent() == null ? "infinitely"
                : String.format(Locale.ROOT, "%.2f %%", diff.sizeDeltaPercent());
    }
}
