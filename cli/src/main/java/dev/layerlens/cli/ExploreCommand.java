package dev.layerlens.cli;

import dev.layerlens.core.ImageAnalyzer;
import dev.layerlens.core.layer.ScanOptions;
import dev.layerlens.core.source.ImageReadException;
import dev.layerlens.core.source.SourceResolver;
import dev.layerlens.tui.Explorer;
import dev.layerlens.tui.TerminalExplorer;
import dev.layerlens.core.report.Report;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "explore", mixinStandardHelpOptions = true,
        description = {"Browse the layers, the file tree of each layer and the findings in the terminal (dive's keys; ? lists them).",
                "IMAGE is named as for 'analyze'. Needs a terminal on stdin and stdout."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the user quit", "2:usage error, or not run in a terminal", "3:the image could not be read",
                "4:internal error"})
final class ExploreCommand implements Callable<Integer> {
    @ParentCommand
    LayerlensCommand parent;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "The image to explore.")
    String image;

    @Mixin
    ImageOptions imageOptions;

    @Override
    public Integer call() throws IOException {
        long started = System.nanoTime();
        Console console = parent.console();
        // checked before the image is read: no point scanning a gigabyte to then refuse
        if (!console.terminal().stdoutIsTty() || !Terminal.isTty(0)) {
            console.error("explore needs a terminal on stdin and stdout (for a report, use: layerlens analyze "
                    + image + ")", null);
            return ExitCodes.USAGE;
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
        long analysed = System.nanoTime();
        Map<String, String> env = parent.env();
        Explorer explorer = new Explorer(result.report(), result.tree(), !env.containsKey("NO_COLOR"));
        TerminalExplorer.run(explorer, console.stdin(), console.stdout());
        if (console.debug()) {
            // after the terminal is restored: where the wait before the first screen went
            Report.Timings t = result.report().timings();
            console.stderr().printf(Locale.ROOT, "layerlens: image read in %.2f s (open %d ms, scan %d ms, analyses %d ms);"
                    + " first screen %.2f s later%n", (analysed - started) / 1e9, t.openMillis(), t.scanMillis(),
                    t.analyzeMillis(), (explorer.firstScreenNanos() - analysed) / 1e9);
        }
        return ExitCodes.OK;
    }
}
