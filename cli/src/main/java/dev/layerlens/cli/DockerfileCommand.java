package dev.layerlens.cli;

import dev.layerlens.core.ImageAnalyzer;
import dev.layerlens.core.report.DockerfileWriter;
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

@Command(name = "dockerfile", mixinStandardHelpOptions = true,
        description = {"Reconstruct the Dockerfile from the image's history, each layer annotated with its size and findings.",
                "Build-arg values are redacted. IMAGE is named as for analyze."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "2:usage error", "3:the image could not be read", "4:internal error"})
final class DockerfileCommand implements Callable<Integer> {
    @ParentCommand
    LayerlensCommand parent;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "The image whose history to read.")
    String image;

    @Mixin
    ImageOptions imageOptions;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (atomically) instead of stdout.")
    Path output;

    @Override
    public Integer call() {
        Console console = parent.console();
        // the layers are read too: the annotations are the findings the bytes prove
        ImageAnalyzer analyzer = new ImageAnalyzer(new SourceResolver(console.stdin(), parent.env()), imageOptions.scanOptions(),
                () -> Checks.all(console.disclosure(), imageOptions.secretScanOptions()), console.disclosure());
        ImageAnalyzer.Result result;
        try (ProgressDisplay progress = new ProgressDisplay(console)) {
            result = analyzer.analyze(image, imageOptions.sourceOptions(), progress::start);
        } catch (ImageReadException e) {
            return console.cannotRead(image, e);
        }
        // history text can hold secrets (ENV values, tokens on a command line): redacted unless --show-secrets
        return OutputTarget.write(output, console, out -> DockerfileWriter.write(result.image(), result.report(),
                console.disclosure()::text, new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))));
    }
}
