package dev.layerlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The progress line on stderr: bytes in MB against the total, layers done, and nothing on stdout. */
class ScanProgressBarTest {

    private static String lastFrame(ByteArrayOutputStream stderr) {
        String[] frames = stderr.toString(StandardCharsets.UTF_8).split("\r");
        return frames[frames.length - 1].strip();
    }

    @Test
    void aSizedScanShowsBytesOfTheTotalAndLayersDone() {
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try (ScanProgressBar bar = new ScanProgressBar(new PrintStream(stderr, true, StandardCharsets.UTF_8),
                "Downloading layers", 4_000_000, 2)) {
            bar.bytesRead(1_500_000);
            bar.layerDone(0);
            bar.bytesRead(2_500_000);
            bar.layerDone(1);
        }

        assertThat(lastFrame(stderr)).startsWith("Downloading layers 100%")
                .contains("4/4 MB").endsWith("MB/s 2/2 layers");
    }

    @Test
    void withoutATotalItCountsBytesAgainstAnUnknownTotal() {
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try (ScanProgressBar bar = new ScanProgressBar(new PrintStream(stderr, true, StandardCharsets.UTF_8),
                "Reading the daemon's save", -1, 3)) {
            bar.bytesRead(7_000_000);
            bar.layerDone(2);
        }

        assertThat(lastFrame(stderr)).startsWith("Reading the daemon's save  ? %")
                .contains("7/? MB").endsWith("MB/s 1/3 layers");
    }
}
