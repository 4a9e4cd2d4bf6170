package dev.layerlens.core.diff;

import dev.layerlens.core.ImageAnalyzer;
import dev.layerlens.core.analysis.DiveMetrics;
import dev.layerlens.core.policy.PolicyInput;
import dev.layerlens.core.report.Report;

/** Compares two analysed images: sizes, layers, final filesystems, figures and findings. */
public final class ImageComparer {
    private ImageComparer() {
    }

    /** @param top how many of each kind of file change to list (0: all) */
    public static ImageDiff compare(ImageAnalyzer.Result before, ImageAnalyzer.Result after, int top) {
        Report b = before.report();
        Report a = after.report();
        Report.ImageSummary bi = b.image();
        Report.ImageSummary ai = a.image();
        Long compressedDelta = bi.compressedSizeBytes() == null || ai.compressedSizeBytes() == null ? null
                : ai.compressedSizeBytes() - bi.compressedSizeBytes();
        return new ImageDiff(ImageDiff.SCHEMA_VERSION, side(b), side(a), ai.sizeBytes() - bi.sizeBytes(),
                percent(bi.sizeBytes(), ai.sizeBytes()), compressedDelta,
                compressedDelta == null ? null : percent(bi.compressedSizeBytes(), ai.compressedSizeBytes()),
                LayerAlignment.shared(b.layers(), a.layers()), LayerAlignment.align(b.layers(), a.layers()),
                FileDiff.compare(before.tree(), after.tree(), top), metrics(b, a),
                FindingDiff.compare(b.findings(), a.findings()));
    }

    /** (after − before) / before in percent; null when before is 0. */
    static Double percent(long before, long after) {
        return before == 0 ? null : (after - before) * 100.0 / before;
    }

    private static ImageDiff.Side side(Report report) {
        Report.ImageSummary i = report.image();
        return new ImageDiff.Side(i.reference(), i.digest(), i.platform(), i.sizeBytes(), i.compressedSizeBytes(),
                i.visibleBytes(), i.layerCount());
    }

    private static ImageDiff.Metrics metrics(Report before, Report after) {
        DiveMetrics bd = before.metrics().dive();
        DiveMetrics ad = after.metrics().dive();
        return new ImageDiff.Metrics(
                ImageDiff.ByteDelta.of(before.metrics().reclaimableBytes(), after.metrics().reclaimableBytes()),
                ImageDiff.ByteDelta.of(PolicyInput.of(before).removableBytes(), PolicyInput.of(after).removableBytes()),
                ImageDiff.ByteDelta.of(before.image().visibleBytes(), after.image().visibleBytes()),
                ImageDiff.RatioDelta.of(bd.efficiency(), ad.efficiency()),
                ImageDiff.ByteDelta.of(bd.wastedBytes(), ad.wastedBytes()),
                ImageDiff.RatioDelta.of(bd.userWastedPercent(), ad.userWastedPercent()));
    }
}
