package dev.layerlens.core.report;

import dev.layerlens.core.analysis.DiveMetrics;
import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.Reclaimable;
import dev.layerlens.core.analysis.secrets.Disclosure;
import dev.layerlens.core.fs.FileTree;
import dev.layerlens.core.fs.LayerChanges;
import dev.layerlens.core.image.Digest;
import dev.layerlens.core.image.Image;
import dev.layerlens.core.image.Layer;
import dev.layerlens.core.layer.LayerScan;
import dev.layerlens.core.source.Compression;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Assembles a {@link Report} from what the scan and the analyses found. */
public final class ReportBuilder {
    private ReportBuilder() {
    }

    /** A report in which secrets in history commands are redacted. */
    public static Report build(Image image, List<LayerScan> scans, FileTree tree, DiveMetrics dive,
                               Reclaimable reclaimable, List<Finding> findings, Report.Timings timings) {
        return build(image, scans, tree, dive, reclaimable, findings, timings, Disclosure.REDACT::text);
    }

    /**
     * @param untrusted applied to text from the image or the user that may hold a secret (history
     *                  commands, the image reference) before it enters the report: redaction, or
     *                  identity under {@code --show-secrets}
     */
    public static Report build(Image image, List<LayerScan> scans, FileTree tree, DiveMetrics dive,
                               Reclaimable reclaimable, List<Finding> findings, Report.Timings timings,
                               UnaryOperator<String> untrusted) {
        List<LayerChanges> changes = tree.changes();
        List<Report.LayerReport> layers = new ArrayList<>();
        long compressedTotal = 0;
        boolean allCompressed = !scans.isEmpty();
        boolean verified = true;
        for (LayerScan scan : scans) {
            Layer layer = image.layers().get(scan.index());
            LayerChanges c = changes.get(scan.index());
            Long compressed = scan.compression() == Compression.NONE ? null : scan.blobBytes();
            if (compressed == null) {
                allCompressed = false;
            } else {
                compressedTotal += compressed;
            }
            verified &= scan.verified();
            layers.add(new Report.LayerReport(scan.index(), blobDigest(layer, scan), layer.diffId().toString(),
                    untrusted.apply(layer.createdBy()), scan.sizeBytes(), compressed, scan.compression().displayName(),
                    c.fileCount(), c.added(), c.addedBytes(), c.modified(), c.modifiedBytes(), c.removed(),
                    c.removedBytes(), reclaimable.perLayer().get(scan.index())));
        }
        Report.ImageSummary summary = new Report.ImageSummary(untrusted.apply(image.reference()), image.source(),
                image.configDigest().toString(), image.platform().toString(), image.config().created(),
                dive.sizeBytes(), allCompressed ? compressedTotal : null, tree.visibleBytes(), layers.size(), verified);
        return new Report(Report.SCHEMA_VERSION, summary, layers,
                new Report.Metrics(dive, reclaimable.totalBytes()), reclaimable.paths(), findings, image.notes(), timings);
    }

    private static String blobDigest(Layer layer, LayerScan scan) {
        Digest digest = layer.digest() != null ? layer.digest() : scan.blobDigest();
        return digest == null ? null : digest.toString();
    }
}
