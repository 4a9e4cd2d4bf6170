package dev.layerlens.core;

import dev.layerlens.core.analysis.DiveEfficiency;
import dev.layerlens.core.analysis.DiveMetrics;
import dev.layerlens.core.analysis.Reclaimable;
import dev.layerlens.core.analysis.ReclaimableAnalysis;
import dev.layerlens.core.fs.FileTree;
import dev.layerlens.core.image.Image;
import dev.layerlens.core.layer.LayerScan;
import dev.layerlens.core.layer.LayerScanner;
import dev.layerlens.core.layer.ScanOptions;
import dev.layerlens.core.layer.ScanProgress;
import dev.layerlens.core.report.Report;
import dev.layerlens.core.report.ReportBuilder;
import dev.layerlens.core.source.ImageReadException;
import dev.layerlens.core.source.ImageSource;
import dev.layerlens.core.source.SourceOptions;
import dev.layerlens.core.source.SourceResolver;
import java.io.IOException;
import java.util.List;

/** The whole pipeline: open the image, scan its layers once, stack them, run the analyses, report. */
public final class ImageAnalyzer {
    private final SourceResolver resolver;
    private final ScanOptions scanOptions;

    public ImageAnalyzer(SourceResolver resolver, ScanOptions scanOptions) {
        this.resolver = resolver;
        this.scanOptions = scanOptions;
    }

    /** Makes the progress listener once the image is open and its size known. */
    public interface ProgressFactory {
        ProgressFactory NONE = image -> ScanProgress.NONE;

        ScanProgress start(Image image);
    }

    /** What an analysis produced: the report, and the model behind it for views that browse it. */
    public record Result(Image image, FileTree tree, Report report) {
    }

    public Result analyze(String input, SourceOptions sourceOptions, ProgressFactory progressFactory)
            throws ImageReadException {
        long start = System.nanoTime();
        try (ImageSource source = resolver.open(input, sourceOptions)) {
            long opened = System.nanoTime();
            List<LayerScan> scans = new LayerScanner(scanOptions, progressFactory.start(source.image())).scanAll(source);
            long scanned = System.nanoTime();
            FileTree tree = FileTree.build(scans);
            DiveMetrics dive = DiveEfficiency.compute(scans);
            Reclaimable reclaimable = ReclaimableAnalysis.compute(tree, scans.size());
            long analysed = System.nanoTime();
            Report.Timings timings = new Report.Timings(millis(opened - start), millis(scanned - opened),
                    millis(analysed - scanned));
            Report report = ReportBuilder.build(source.image(), scans, tree, dive, reclaimable, List.of(), timings);
            return new Result(source.image(), tree, report);
        } catch (IOException e) {
            throw new ImageReadException("could not close it: " + e.getMessage(), e);
        }
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
