package dev.layerlens.cli;

import dev.layerlens.core.image.Image;
import dev.layerlens.core.image.Layer;
import dev.layerlens.core.layer.ScanProgress;

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
        long total = image.layers().stream().mapToLong(l -> l.blobSize() == null ? 0 : l.blobSize()).sum();
        bar = new ScanProgressBar(console.stderr(), total, image.layers().size());
        return bar;
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
