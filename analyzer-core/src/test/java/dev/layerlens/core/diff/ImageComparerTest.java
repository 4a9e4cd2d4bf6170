package dev.layerlens.core.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.layerlens.core.ImageAnalyzer;
import dev.layerlens.core.analysis.Finding;
import dev.layerlens.testdata.ImageSpec;
import dev.layerlens.testdata.OciLayout;
import dev.layerlens.testdata.WrittenImage;
import dev.layerlens.testdata.WrittenLayer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The comparison of {@link DiffFixtures}' pair: every figure follows from the fixture's description. */
class ImageComparerTest {
    @TempDir
    static Path dir;
    static ImageAnalyzer.Result before;
    static ImageAnalyzer.Result after;
    static ImageDiff diff;

    @BeforeAll
    static void compare() throws Exception {
        before = DiffFixtures.analyze(DiffFixtures.write(dir, "before", DiffFixtures.BEFORE), true);
        after = DiffFixtures.analyze(DiffFixtures.write(dir, "after", DiffFixtures.AFTER), true);
        diff = ImageComparer.compare(before, after, 0);
    }

    @Test
    void sizes() {
        assertThat(diff.schemaVersion()).isEqualTo(1);
        assertThat(diff.before().sizeBytes()).isEqualTo(7774);
        assertThat(diff.after().sizeBytes()).isEqualTo(9520);
        assertThat(diff.sizeDeltaBytes()).isEqualTo(1746);
        assertThat(diff.sizeDeltaPercent()).isEqualTo(1746 * 100.0 / 7774);
        assertThat(diff.compressedSizeDeltaBytes()).as("uncompressed layers: nothing to compare").isNull();
        assertThat(diff.before().visibleBytes()).isEqualTo(7710);
        assertThat(diff.after().visibleBytes()).isEqualTo(6810);
    }

    @Test
    void compressedSizesOfAGzipPairAreTheStoredBlobs() throws Exception {
        WrittenImage was = gzipArchive("before-gzip", DiffFixtures.BEFORE);
        WrittenImage is = gzipArchive("after-gzip", DiffFixtures.AFTER);
        ImageDiff gz = ImageComparer.compare(DiffFixtures.analyze(dir.resolve("before-gzip.tar"), true),
                DiffFixtures.analyze(dir.resolve("after-gzip.tar"), true), 0);
        long blobsBefore = blobBytes(was);
        long blobsAfter = blobBytes(is);
        assertThat(gz.before().compressedSizeBytes()).isEqualTo(blobsBefore);
        assertThat(gz.after().compressedSizeBytes()).isEqualTo(blobsAfter);
        assertThat(gz.compressedSizeDeltaBytes()).isEqualTo(blobsAfter - blobsBefore).isNotZero();
        assertThat(gz.compressedSizeDeltaPercent()).isEqualTo((blobsAfter - blobsBefore) * 100.0 / blobsBefore);
        // each row shows its own blob, and the shared base is the same blob on both sides
        assertThat(gz.layers()).extracting(r -> r.before().compressedSizeBytes(), r -> r.after().compressedSizeBytes())
                .containsExactly(tuple(was.layers().get(0).blobSize(), is.layers().get(0).blobSize()),
                        tuple(was.layers().get(1).blobSize(), is.layers().get(1).blobSize()),
                        tuple(was.layers().get(2).blobSize(), is.layers().get(2).blobSize()));
        assertThat(was.layers().get(0).blobDigest()).isEqualTo(is.layers().get(0).blobDigest());
        // compression changes none of the uncompressed figures
        assertThat(gz.sizeDeltaBytes()).isEqualTo(diff.sizeDeltaBytes());
        assertThat(gz.sharedLayers()).isEqualTo(diff.sharedLayers());
    }

    /** The pair's other form: an oci-archive whose layers the writer gzips (its default). */
    private static WrittenImage gzipArchive(String name, ImageSpec spec) {
        return new OciLayout().tag("1", spec).writeArchive(dir.resolve(name + ".tar")).image();
    }

    private static long blobBytes(WrittenImage image) {
        return image.layers().stream().mapToLong(WrittenLayer::blobSize).sum();
    }

    @Test
    void layersSharedByDiffIdAndAligned() {
        assertThat(diff.sharedLayers()).isEqualTo(new ImageDiff.SharedLayers(1, 2710, 1, 2, 2));
        assertThat(diff.layers()).extracting(ImageDiff.LayerRow::status, r -> r.before().index(), r -> r.after().index())
                .containsExactly(tuple("shared", 0, 0), tuple("changed", 1, 1), tuple("changed", 2, 2));
        assertThat(diff.layers().get(0).before().diffId()).isEqualTo(diff.layers().get(0).after().diffId());
        assertThat(diff.layers().get(1).after().sizeBytes()).isEqualTo(4810);
    }

    @Test
    void filesOfTheFinalFilesystems() {
        ImageDiff.FileChanges files = diff.files();
        assertThat(files.added()).extracting(ImageDiff.FileChange::path, ImageDiff.FileChange::deltaBytes)
                .containsExactly(tuple("/app/config.yml", 300L));
        assertThat(files.removed()).extracting(ImageDiff.FileChange::path, ImageDiff.FileChange::deltaBytes)
                .containsExactly(tuple("/app/cache.bin", -1000L), tuple("/usr/share/doc/a", -700L));
        assertThat(files.changed()).extracting(ImageDiff.FileChange::path, ImageDiff.FileChange::deltaBytes,
                        ImageDiff.FileChange::changes)
                .containsExactly(tuple("/app/main.jar", 500L, List.of("content")),
                        tuple("/bin/tool", 0L, List.of("mode")),
                        tuple("/etc/os-release", 0L, List.of("content")));
        assertThat(files.addedCount()).isEqualTo(1);
        assertThat(files.addedBytes()).isEqualTo(300);
        assertThat(files.removedCount()).isEqualTo(2);
        assertThat(files.removedBytes()).isEqualTo(1700);
        assertThat(files.changedCount()).isEqualTo(3);
        assertThat(files.changedDeltaBytes()).isEqualTo(500);
        assertThat(files.netBytes()).isEqualTo(-900).isEqualTo(diff.after().visibleBytes() - diff.before().visibleBytes());
        // by directory, largest |delta| first: /usr/share/doc -700, /app 300-1000+500, then the zero deltas by path
        assertThat(files.directories()).containsExactly(
                new ImageDiff.DirectoryChange("/usr/share/doc", 0, 1, 0, -700),
                new ImageDiff.DirectoryChange("/app", 1, 1, 1, -200),
                new ImageDiff.DirectoryChange("/bin", 0, 0, 1, 0),
                new ImageDiff.DirectoryChange("/etc", 0, 0, 1, 0));
    }

    @Test
    void figures() {
        ImageDiff.Metrics m = diff.metrics();
        // before: .env's 64 bytes deleted; after: tool's and os-release's first copies overwritten, doc/a removed
        assertThat(m.reclaimableBytes()).isEqualTo(new ImageDiff.ByteDelta(64, 2710, 2646));
        assertThat(m.visibleBytes()).isEqualTo(new ImageDiff.ByteDelta(7710, 6810, -900));
        assertThat(m.removableBytes()).isEqualTo(new ImageDiff.ByteDelta(0, 0, 0));
        assertThat(m.efficiency().before()).isEqualTo(before.report().metrics().dive().efficiency());
        assertThat(m.efficiency().after()).isEqualTo(after.report().metrics().dive().efficiency());
        assertThat(m.efficiency().delta()).isEqualTo(m.efficiency().after() - m.efficiency().before());
        assertThat(m.wastedBytes().delta())
                .isEqualTo(after.report().metrics().dive().wastedBytes() - before.report().metrics().dive().wastedBytes());
    }

    @Test
    void findingsFixedAndIntroducedByIdAndPath() {
        assertThat(diff.findings().fixed()).extracting(Finding::id, Finding::path, Finding::layerIndex)
                .containsExactly(tuple("test/dotenv", "/app/.env", 1));
        assertThat(diff.findings().introduced()).extracting(Finding::id, Finding::path)
                .containsExactly(tuple("test/large-file", "/app/main.jar"));
        assertThat(diff.findings().unchanged()).isZero();
    }

    @Test
    void aFindingThatMovedToAnotherLayerIsUnchanged() {
        Finding was = new Finding("x/y", dev.layerlens.core.analysis.Severity.LOW, "t", 3, "/p", null, null, null);
        Finding is = new Finding("x/y", dev.layerlens.core.analysis.Severity.LOW, "t", 5, "/p", null, null, null);
        Finding other = new Finding("x/y", dev.layerlens.core.analysis.Severity.LOW, "t", 5, "/q", null, null, null);
        ImageDiff.FindingChanges changes = FindingDiff.compare(List.of(was), List.of(is, other));
        assertThat(changes.fixed()).isEmpty();
        assertThat(changes.introduced()).containsExactly(other);
        assertThat(changes.unchanged()).isEqualTo(1);
    }

    @Test
    void topLimitsTheListsButNotTheCounts() {
        ImageDiff limited = ImageComparer.compare(before, after, 1);
        assertThat(limited.files().removed()).extracting(ImageDiff.FileChange::path).containsExactly("/app/cache.bin");
        assertThat(limited.files().removedCount()).isEqualTo(2);
        assertThat(limited.files().removedBytes()).isEqualTo(1700);
        assertThat(limited.files().directories()).hasSize(1);
        assertThat(limited.files().listed()).isEqualTo(1);
    }

    @Test
    void withoutContentChecksumsASameSizeChangeIsNotSeen() throws Exception {
        ImageAnalyzer.Result b = DiffFixtures.analyze(dir.resolve("before.tar"), false);
        ImageAnalyzer.Result a = DiffFixtures.analyze(dir.resolve("after.tar"), false);
        assertThat(ImageComparer.compare(b, a, 0).files().changed()).extracting(ImageDiff.FileChange::path)
                .containsExactly("/app/main.jar", "/bin/tool");
    }

    @Test
    void anImageComparedWithItselfHasNoDifferences() {
        ImageDiff same = ImageComparer.compare(before, before, 0);
        assertThat(same.sizeDeltaBytes()).isZero();
        assertThat(same.sizeDeltaPercent()).isZero();
        assertThat(same.sharedLayers()).isEqualTo(new ImageDiff.SharedLayers(3, 7774, 3, 0, 0));
        assertThat(same.layers()).extracting(ImageDiff.LayerRow::status).containsOnly("shared");
        assertThat(same.files().addedCount() + same.files().removedCount() + same.files().changedCount()).isZero();
        assertThat(same.findings().fixed()).isEmpty();
        assertThat(same.findings().introduced()).isEmpty();
        assertThat(same.findings().unchanged()).isEqualTo(1);
    }
}
