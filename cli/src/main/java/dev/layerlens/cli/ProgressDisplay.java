package dev.layerlens.cli;

import dev.layerlens.core.image.Image;
import dev.layerlens.core.layer.ScanProgress;
import dev.layerlens.core.source.SourceResolver;

/** Shows scan progress on stderr when stderr is a terminal; otherwise nothing. */
final class ProgressDisplay implements AutoCloseable {
    private final Console console;
    private ScanProgressBar bar;

    ProgressDisplay(Console console) {
        this.console = console;
    }

    ScanProgress start(Image image) {
        if (!console.terminal().stderrIsTty()) {
            return ScanProgress.NONE;
        }
        // a daemon's save stream has no sizes before it passes: the bar then counts without a total
        boolean sized = image.layers().stream().allMatch(l -> l.blobSize() != null);
        long total = sized ? image.layers().stream().mapToLong(l -> l.blobSize()).sum() : -1;
        bar = new ScanProgressBar(console.stderr(), taskName(image.source()), total, image.layers().size());
        return bar;
    }

    private static String taskName(String source) {
        if (SourceResolver.REGISTRY.equals(source)) {
            return "Downloading layers";
        }
        if (SourceResolver.DOCKER_DAEMON.equals(source) || SourceResolver.PODMAN.equals(source)) {
            return "Reading the daemon's save";
        }
        return "Reading layers";
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
