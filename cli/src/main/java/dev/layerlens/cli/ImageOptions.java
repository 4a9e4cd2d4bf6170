package dev.layerlens.cli;

import dev.layerlens.core.image.Platform;
import dev.layerlens.core.source.SourceOptions;
import picocli.CommandLine.Option;

/** How to find the image: shared by every command that reads one. */
final class ImageOptions {
    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]", converter = PlatformConverter.class,
            description = "Platform to pick from a multi-platform image (default: the host's, ${sys:os.arch} → linux/amd64 style).")
    Platform platform;

    @Option(names = "--source", paramLabel = "KIND", completionCandidates = SourceKinds.class,
            description = "Read the image as this kind instead of sniffing: ${COMPLETION-CANDIDATES}.")
    String source;

    @Option(names = "--no-verify",
            description = "Do not hash layers to check blob digests and diffIDs (faster on uncompressed archives).")
    boolean noVerify;

    /**
     * Content checksums (for waste/layer-duplication) ride along with digest verification; --no-verify
     * turns both off so that uncompressed local layers can be read by seeking past file contents.
     */
    dev.layerlens.core.layer.ScanOptions scanOptions() {
        return new dev.layerlens.core.layer.ScanOptions(!noVerify, !noVerify, Runtime.getRuntime().availableProcessors());
    }

    SourceOptions sourceOptions() {
        return new SourceOptions(platform, source);
    }

    static final class SourceKinds extends java.util.ArrayList<String> {
        SourceKinds() {
            super(dev.layerlens.core.source.SourceResolver.ARCHIVE_KINDS);
        }
    }
}
