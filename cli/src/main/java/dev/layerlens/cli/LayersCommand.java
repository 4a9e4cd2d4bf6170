package dev.layerlens.cli;

import dev.layerlens.core.report.JsonReportWriter;
import dev.layerlens.core.source.ImageReadException;
import dev.layerlens.core.source.ImageSource;
import dev.layerlens.core.source.SourceResolver;
import java.io.IOException;
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

@Command(name = "layers", mixinStandardHelpOptions = true,
        description = {"The quick look: an image's layers (digests, stored sizes, commands) from its manifest and config alone,",
                "without reading a layer. From a registry it downloads no layer; from a daemon it asks inspect and history only.",
                "Secrets in the commands are redacted unless --show-secrets. IMAGE is named as for analyze."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed", "2:usage error", "3:the image could not be read", "4:internal error"})
final class LayersCommand implements Callable<Integer> {
    enum Format { text, json }

    @ParentCommand
    LayerlensCommand parent;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "The image to describe.")
    String image;

    @Mixin
    ImageOptions imageOptions;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (atomically) instead of stdout.")
    Path output;

    @Override
    public Integer call() {
        Console console = parent.console();
        LayerListing listing;
        try (ImageSource source = new SourceResolver(console.stdin(), parent.env()).open(image, imageOptions.sourceOptions())) {
            listing = LayerListing.of(source.image(), console.disclosure()::text);
        } catch (ImageReadException e) {
            return console.cannotRead(image, e);
        } catch (IOException e) {
            return console.cannotRead(image, new ImageReadException("could not close it: " + e.getMessage(), e));
        }
        return OutputTarget.write(output, console, out -> {
            if (format == Format.json) {
                JsonReportWriter.write(listing, out);
            } else {
                new LayerListingWriter(output == null ? console.terminal().width() : 200)
                        .write(listing, new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
            }
        });
    }
}
