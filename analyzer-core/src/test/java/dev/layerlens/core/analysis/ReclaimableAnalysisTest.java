package dev.layerlens.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.layerlens.core.ImageAnalyzer;
import dev.layerlens.core.TestImages;
import dev.layerlens.core.fs.HideReason;
import dev.layerlens.core.source.ImageReadException;
import dev.layerlens.testdata.Entry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reclaimable bytes: every shipped byte the final filesystem cannot see, with who wasted and who hid it. */
class ReclaimableAnalysisTest {
    @TempDir
    Path dir;

    @SafeVarargs
    private Reclaimable reclaimable(List<Entry>... layers) throws ImageReadException {
        ImageAnalyzer.Result result = TestImages.stacked(dir, layers);
        return ReclaimableAnalysis.compute(result.tree(), layers.length);
    }

    @Test
    void everyHiddenCopyOfAVisiblePathIsReclaimable() throws ImageReadException {
        Reclaimable r = reclaimable(
                List.of(Entry.file("f", 100)),
                List.of(Entry.file("f", 200)),
                List.of(Entry.file("f", 300)));

        assertThat(r.paths()).extracting(ReclaimablePath::path, ReclaimablePath::bytes, ReclaimablePath::layers,
                        ReclaimablePath::hiddenBy, ReclaimablePath::reason)
                .containsExactly(tuple("/f", 300L, List.of(0, 1), 2, HideReason.OVERWRITTEN));
        assertThat(r.perLayer()).containsExactly(100L, 200L, 0L);
        assertThat(r.totalBytes()).isEqualTo(300);
    }

    @Test
    void aDeletedPathIsReclaimableInFull() throws ImageReadException {
        Reclaimable r = reclaimable(
                List.of(Entry.file("f", 100)),
                List.of(Entry.file("f", 200)),
                List.of(Entry.whiteout("f")));

        assertThat(r.paths()).extracting(ReclaimablePath::bytes, ReclaimablePath::layers, ReclaimablePath::hiddenBy,
                ReclaimablePath::reason).containsExactly(tuple(300L, List.of(0, 1), 2, HideReason.DELETED));
    }

    @Test
    void aDirectoryClearedByAnOpaqueMarkerIsReclaimable() throws ImageReadException {
        Reclaimable r = reclaimable(
                List.of(Entry.dir("cache"), Entry.file("cache/a", 700), Entry.file("cache/b", 300)),
                List.of(Entry.dir("cache"), Entry.opaque("cache"), Entry.file("cache/c", 5)));

        assertThat(r.paths()).extracting(ReclaimablePath::path, ReclaimablePath::bytes, ReclaimablePath::reason)
                .containsExactly(tuple("/cache/a", 700L, HideReason.DIR_REMOVED), tuple("/cache/b", 300L, HideReason.DIR_REMOVED));
        assertThat(r.perLayer()).containsExactly(1000L, 0L);
    }

    @Test
    void emptyFilesLinksAndDirectoriesAreNotReclaimable() throws ImageReadException {
        Reclaimable r = reclaimable(
                List.of(Entry.dir("d"), Entry.file("d/empty", 0), Entry.symlink("d/l", "x"), Entry.hardlink("d/h", "d/empty")),
                List.of(Entry.whiteout("d")));

        assertThat(r.paths()).isEmpty();
        assertThat(r.totalBytes()).isZero();
    }

    @Test
    void pathsAreListedLargestFirstThenByName() throws ImageReadException {
        Reclaimable r = reclaimable(
                List.of(Entry.file("b", 10), Entry.file("a", 10), Entry.file("c", 99)),
                List.of(Entry.whiteout("a"), Entry.whiteout("b"), Entry.whiteout("c")));

        assertThat(r.paths()).extracting(ReclaimablePath::path).containsExactly("/c", "/a", "/b");
    }
}
