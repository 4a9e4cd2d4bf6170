package dev.layerlens.core.diff;

import dev.layerlens.core.analysis.Finding;
import java.util.List;

/**
 * What changed from BEFORE to AFTER; {@code layerlens diff --format json} writes this record as is
 * (docs/diff.md). Deltas are AFTER − BEFORE; percentages are of BEFORE, null when BEFORE is 0.
 *
 * @param sizeDeltaBytes           Σ layer sizes (dive's definition), AFTER − BEFORE
 * @param compressedSizeDeltaBytes null unless both images store every layer compressed
 * @param layers                   both layer tables aligned by diffID, base first
 */
public record ImageDiff(int schemaVersion, Side before, Side after, long sizeDeltaBytes, Double sizeDeltaPercent,
                        Long compressedSizeDeltaBytes, Double compressedSizeDeltaPercent, SharedLayers sharedLayers,
                        List<LayerRow> layers, FileChanges files, Metrics metrics, FindingChanges findings) {

    public static final int SCHEMA_VERSION = 1;

    public ImageDiff {
        layers = List.copyOf(layers);
    }

    /** One image's summary. */
    public record Side(String reference, String digest, String platform, long sizeBytes, Long compressedSizeBytes,
                       long visibleBytes, int layerCount) {
    }

    /**
     * @param count            AFTER's layers whose diffID BEFORE also has (each BEFORE layer matched once):
     *                         what a registry or a node that holds BEFORE need not fetch again
     * @param bytes            Σ sizes of those layers
     * @param commonBaseLayers the length of the run of equal diffIDs both images start with
     * @param onlyBefore       BEFORE's layers AFTER does not have
     * @param onlyAfter        AFTER's layers BEFORE does not have
     */
    public record SharedLayers(int count, long bytes, int commonBaseLayers, int onlyBefore, int onlyAfter) {
    }

    /**
     * One row of the aligned layer tables.
     *
     * @param status {@code shared} (same diffID), {@code changed} (both sides have a layer here, with
     *               different diffIDs), {@code removed} (BEFORE only) or {@code added} (AFTER only)
     */
    public record LayerRow(String status, LayerSide before, LayerSide after) {
    }

    /** A layer as one side has it. */
    public record LayerSide(int index, String diffId, long sizeBytes, Long compressedSizeBytes, String command) {
    }

    /**
     * Differences of the final filesystems, over paths that are not directories. Counts and bytes
     * cover every change; the lists hold the largest {@code listed} of each kind.
     *
     * @param netBytes    Σ of every change's delta: AFTER's file bytes − BEFORE's
     * @param directories the changes rolled up by directory (at most three levels deep), largest |delta| first
     */
    public record FileChanges(int addedCount, long addedBytes, int removedCount, long removedBytes, int changedCount,
                              long changedDeltaBytes, long netBytes, List<FileChange> added, List<FileChange> removed,
                              List<FileChange> changed, List<DirectoryChange> directories, int listed) {
        public FileChanges {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
            changed = List.copyOf(changed);
            directories = List.copyOf(directories);
        }
    }

    /**
     * @param type        file, symlink, hardlink or special (AFTER's type when both exist)
     * @param beforeBytes content bytes before, null when added
     * @param afterBytes  content bytes after, null when removed
     * @param changes     for a changed path, what differs: content, type, link, mode, owner
     */
    public record FileChange(String path, String type, Long beforeBytes, Long afterBytes, long deltaBytes,
                             List<String> changes) {
        public FileChange {
            changes = List.copyOf(changes);
        }
    }

    /** The changes below one directory. */
    public record DirectoryChange(String path, int added, int removed, int changed, long deltaBytes) {
    }

    /** The figures of both reports side by side. */
    public record Metrics(ByteDelta reclaimableBytes, ByteDelta removableBytes, ByteDelta visibleBytes,
                          RatioDelta efficiency, ByteDelta wastedBytes, RatioDelta userWastedPercent) {
    }

    public record ByteDelta(long before, long after, long delta) {
        static ByteDelta of(long before, long after) {
            return new ByteDelta(before, after, after - before);
        }
    }

    /** Ratios (dive's); a side is null where dive gets NaN, and so is the delta. */
    public record RatioDelta(Double before, Double after, Double delta) {
        static RatioDelta of(Double before, Double after) {
            return new RatioDelta(before, after, before == null || after == null ? null : after - before);
        }
    }

    /**
     * Findings matched by id and path.
     *
     * @param fixed      BEFORE's findings AFTER no longer has
     * @param introduced AFTER's findings BEFORE did not have
     * @param unchanged  AFTER's findings BEFORE had too
     */
    public record FindingChanges(List<Finding> fixed, List<Finding> introduced, int unchanged) {
        public FindingChanges {
            fixed = List.copyOf(fixed);
            introduced = List.copyOf(introduced);
        }
    }
}
