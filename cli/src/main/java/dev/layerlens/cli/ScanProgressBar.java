package dev.layerlens.cli;

import dev.layerlens.core.layer.ScanProgress;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Bytes read, rate, layers done and ETA on stderr, while layers are scanned (or downloaded). */
final class ScanProgressBar implements ScanProgress, AutoCloseable {
    private final ProgressBar bar;
    private final int layerCount;
    private final AtomicInteger layersDone = new AtomicInteger();

    /** @param totalBytes the bytes to read, or a negative number when unknown (no percentage, no ETA) */
    ScanProgressBar(PrintStream stderr, String taskName, long totalBytes, int layerCount) {
        this.layerCount = layerCount;
        this.bar = new ProgressBarBuilder()
                .setTaskName(taskName)
                .setInitialMax(totalBytes < 0 ? -1 : Math.max(1, totalBytes))
                .setUnit(" MB", 1_000_000)
                .showSpeed()
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(stderr))
                .build();
        bar.setExtraMessage(layers(0));
    }

    @Override
    public void bytesRead(long count) {
        bar.stepBy(count);
    }

    @Override
    public void layerDone(int index) {
        bar.setExtraMessage(layers(layersDone.incrementAndGet()));
    }

    /** The bar prints its extra message right after the speed: the leading space keeps them apart. */
    private String layers(int done) {
        return " " + done + "/" + layerCount + " layers";
    }

    @Override
    public void close() {
        bar.close();
    }
}
