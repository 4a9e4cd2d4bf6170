package dev.layerlens.core;

import dev.layerlens.core.analysis.AnalysisContext;
import dev.layerlens.core.analysis.DiveEfficiency;
import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.ImageCheck;
import dev.layerlens.core.analysis.DiveMetrics;
import dev.layerlens.core.analysis.Reclaimable;
import dev.layerlens.core.analysis.ReclaimableAnalysis;
import dev.layerlens.core.analysis.grade.Readiness;
import dev.layerlens.core.analysis.grade.ReadinessAnalysis;
import dev.layerlens.core.analysis.grade.ReadinessChecks;
import dev.layerlens.core.analysis.secrets.Disclosure;
import dev.layerlens.core.fs.FileTree;
import dev.layerlens.core.image.Image;
import dev.layerlens.core.layer.ContentInspector;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** The whole pipeline: open the image, scan its layers once, stack them, run the analyses, report. */
public final class ImageAnalyzer {
    private final SourceResolver resolver;
    private final ScanOptions scanOptions;
    private final Supplier<List<ImageCheck>> checks;
    private final Disclosure disclosure;

    /** An analyzer whose reports redact secrets (history commands included). */
    public ImageAnalyzer(SourceResolver resolver, ScanOptions scanOptions, Supplier<List<ImageCheck>> checks) {
        this(resolver, scanOptions, checks, Disclosure.REDACT);
    }

    /**
     * @param checks     makes a fresh set of checks for each analysis run
     * @param disclosure whether reports may show secrets found in history commands ({@code --show-secrets})
     */
    public ImageAnalyzer(SourceResolver resolver, ScanOptions scanOptions, Supplier<List<ImageCheck>> checks,
                         Disclosure disclosure) {
        this.resolver = resolver;
        this.scanOptions = scanOptions;
        this.checks = checks;
        this.disclosure = disclosure;
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
            List<ImageCheck> runChecks = checks.get();
            List<ContentInspector> inspectors = runChecks.stream().map(ImageCheck::contentInspector)
                    .filter(Objects::nonNull).toList();
            List<LayerScan> scans = new LayerScanner(scanOptions, inspectors, progressFactory.start(source.image()))
                    .scanAll(source);
            long scanned = System.nanoTime();
            // dive's model, layerlens's tree, the reclaimable paths and the checks only read what the scan
            // produced: they run side by side, on every core
            CompletableFuture<DiveMetrics> diveMetrics = CompletableFuture.supplyAsync(() -> DiveEfficiency.compute(scans));
            FileTree tree = FileTree.build(scans);
            CompletableFuture<Reclaimable> reclaimableFuture = CompletableFuture.supplyAsync(
                    () -> ReclaimableAnalysis.compute(tree, scans.size()));
            AnalysisContext context = new AnalysisContext(source.image(), scans, tree);
            List<Finding> findings = new ArrayList<>(runChecks.parallelStream()
                    .flatMap(check -> declared(check, check.findings(context)).stream()).toList());
            findings.sort(Comparator.comparing(Finding::severity).thenComparing(Finding::id));
            DiveMetrics dive = joined(diveMetrics);
            Reclaimable reclaimable = joined(reclaimableFuture);
            // the grade and the removable bytes mean something only when the readiness checks ran
            Readiness readiness = ReadinessChecks.includedIn(runChecks)
                    ? ReadinessAnalysis.compute(context, findings, reclaimable.totalBytes()) : null;
            long analysed = System.nanoTime();
            Report.Timings timings = new Report.Timings(millis(opened - start), millis(scanned - opened),
                    millis(analysed - scanned));
            Report report = ReportBuilder.build(source.image(), scans, tree, dive, reclaimable, findings, timings,
                    disclosure::text, readiness);
            return new Result(source.image(), tree, report);
        } catch (IOException e) {
            throw new ImageReadException("could not close it: " + e.getMessage(), e);
        }
    }

    /** The task's result; a failure is rethrown as it was thrown, not wrapped, so it reads the same as a sequential one. */
    private static <T> T joined(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The findings, once each id is known to be one the check declares (and so one docs/rules.md documents). */
    private static List<Finding> declared(ImageCheck check, List<Finding> findings) {
        Set<String> ids = check.ids();
        for (Finding f : findings) {
            if (!ids.contains(f.id())) {
                throw new IllegalStateException(check.getClass().getSimpleName() + " reported " + f.id()
                        + ", an id it does not declare");
            }
        }
        return findings;
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
