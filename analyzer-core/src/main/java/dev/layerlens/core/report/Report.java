package dev.layerlens.core.report;

import dev.layerlens.core.analysis.DiveMetrics;
import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.ReclaimablePath;
import java.util.List;

/**
 * Everything {@code analyze} tells about an image; the JSON report is this record as is
 * (documented in docs/json-report.md).
 */
public record Report(
        int schemaVersion,
        ImageSummary image,
        List<LayerReport> layers,
        Metrics metrics,
        List<ReclaimablePath> reclaimable,
        List<Finding> findings,
        List<String> notes,
        Timings timings) {

    public static final int SCHEMA_VERSION = 1;

    public Report {
        layers = List.copyOf(layers);
        reclaimable = List.copyOf(reclaimable);
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
    }

    /**
     * @param digest              the image ID: digest of the config, the same from every source
     * @param sizeBytes           Σ layer sizes (dive's definition)
     * @param compressedSizeBytes Σ compressed layer sizes when every layer is stored compressed, else null
     * @param visibleBytes        content bytes of the regular files of the final filesystem (hard-linked content once)
     */
    public record ImageSummary(String reference, String source, String digest, String platform, String created,
                               long sizeBytes, Long compressedSizeBytes, long visibleBytes, int layerCount,
                               boolean verified) {
    }

    /**
     * @param digest              digest of the stored blob (equals diffId when stored uncompressed)
     * @param command             the history {@code created_by}, empty when history is missing
     * @param sizeBytes           Σ of the layer tar's entry sizes (dive's definition)
     * @param compressedSizeBytes size of the stored blob when it is compressed, else null
     * @param compression         how the blob is stored: none, gzip, zstd
     * @param fileCount           paths that are not directories which the layer ships
     * @param reclaimableBytes    bytes this layer ships that the final filesystem cannot see
     */
    public record LayerReport(int index, String digest, String diffId, String command, long sizeBytes,
                              Long compressedSizeBytes, String compression, int fileCount,
                              int addedCount, long addedBytes, int modifiedCount, long modifiedBytes,
                              int removedCount, long removedBytes, long reclaimableBytes) {
    }

    /** @param reclaimableBytes Σ of {@link Report#reclaimable} */
    public record Metrics(DiveMetrics dive, long reclaimableBytes) {
    }

    /** Wall-clock milliseconds of each phase. */
    public record Timings(long openMillis, long scanMillis, long analyzeMillis) {
    }
}
