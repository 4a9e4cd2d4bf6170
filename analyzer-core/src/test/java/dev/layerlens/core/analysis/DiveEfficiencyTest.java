package dev.layerlens.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlens.core.TestImages;
import dev.layerlens.core.source.ImageReadException;
import dev.layerlens.testdata.Entry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dive's figures on cases small enough to score by hand. dive scores each layer's leaves: a file
 * scores its size, a whiteout scores the subtree it removes when that was an explicit directory;
 * efficiency = Σ smallest score per path / Σ all scores; wasted = Σ scores of paths seen twice or more.
 */
class DiveEfficiencyTest {
    @TempDir
    Path dir;

    @SafeVarargs
    private DiveMetrics dive(List<Entry>... layers) throws ImageReadException {
        return TestImages.stacked(dir, layers).report().metrics().dive();
    }

    @Test
    void oneLayerIsFullyEfficientAndHasNoUserLayers() throws ImageReadException {
        DiveMetrics m = dive(List.of(Entry.file("a", 100), Entry.file("b", 200)));
        assertThat(m.efficiency()).isEqualTo(1.0);
        assertThat(m.wastedBytes()).isZero();
        assertThat(m.userWastedPercent()).as("dive divides by zero user bytes: NaN").isNull();
        assertThat(m.sizeBytes()).isEqualTo(300);
        assertThat(m.userSizeBytes()).isZero();
    }

    @Test
    void anOverwrittenFileCountsEveryCopyAsWasted() throws ImageReadException {
        // f: 100 then 300 -> min 100, cumulative 400
        DiveMetrics m = dive(List.of(Entry.file("f", 100)), List.of(Entry.file("f", 300)));
        assertThat(m.efficiency()).isEqualTo(100.0 / 400.0);
        assertThat(m.wastedBytes()).isEqualTo(400);
        assertThat(m.userWastedPercent()).isEqualTo(400.0 / 300.0);
        assertThat(m.inefficiencies()).containsExactly(new DiveMetrics.Inefficiency("/f", 2, 400));
    }

    @Test
    void aDeletedFileScoresZeroForItsWhiteout() throws ImageReadException {
        // f: 100 then the whiteout 0 -> min 0, cumulative 100; g: 50 once
        DiveMetrics m = dive(List.of(Entry.file("f", 100)), List.of(Entry.whiteout("f"), Entry.file("g", 50)));
        assertThat(m.efficiency()).isEqualTo(50.0 / 150.0);
        assertThat(m.wastedBytes()).isEqualTo(100);
        assertThat(m.userWastedPercent()).isEqualTo(100.0 / 50.0);
    }

    @Test
    void aRemovedDirectoryIsOnePathScoringItsWholeSubtree() throws ImageReadException {
        // d/a 100, d/b 200 once each; the whiteout of the explicit directory d scores 300 under the path "d"
        DiveMetrics m = dive(
                List.of(Entry.dir("d"), Entry.file("d/a", 100), Entry.file("d/b", 200)),
                List.of(Entry.whiteout("d"), Entry.file("g", 50)));
        assertThat(m.efficiency()).isEqualTo(1.0);
        assertThat(m.wastedBytes()).isZero();
        assertThat(m.userWastedPercent()).isEqualTo(0.0);
    }

    @Test
    void aRemovedDirectoryRemovedAgainIsWasteOfTheSubtree() throws ImageReadException {
        // layer 2 re-creates d/a 10, layer 3 removes d again: "d" scores 300 then 10 -> min 10, cumulative 310
        DiveMetrics m = dive(
                List.of(Entry.dir("d"), Entry.file("d/a", 100), Entry.file("d/b", 200)),
                List.of(Entry.whiteout("d")),
                List.of(Entry.dir("d"), Entry.file("d/a", 10)),
                List.of(Entry.whiteout("d")));
        // paths: d/a 100+10 (min 10), d/b 200, d 300+10 (min 10)
        assertThat(m.efficiency()).isEqualTo((10.0 + 200 + 10) / (110.0 + 200 + 310));
        assertThat(m.wastedBytes()).isEqualTo(110 + 310);
    }

    @Test
    void aDirectoryOnlyImpliedByItsFilesScoresZeroWhenRemoved() throws ImageReadException {
        // no entry for d itself: dive's node for it is not a directory, so its whiteout scores 0
        DiveMetrics m = dive(List.of(Entry.file("d/a", 100)), List.of(Entry.whiteout("d"), Entry.file("g", 1)));
        assertThat(m.efficiency()).isEqualTo(101.0 / 101.0);
        assertThat(m.wastedBytes()).isZero();
    }

    @Test
    void aWhiteoutOfANonExistentPathEndsThatLayersScoringAndCountsMinusOne() throws ImageReadException {
        // layer 1's leaves in byte order: a/x (scored), m/ghost (absent below: dive stops, minimum -1), z (never scored)
        DiveMetrics m = dive(
                List.of(Entry.file("f", 100)),
                List.of(Entry.file("a/x", 10), Entry.whiteout("m/ghost"), Entry.file("z", 20)));
        assertThat(m.efficiency()).isEqualTo((100.0 + 10 - 1) / (100.0 + 10));
        assertThat(m.wastedBytes()).isZero();
        assertThat(m.userSizeBytes()).isEqualTo(30);
        assertThat(m.userWastedPercent()).isEqualTo(0.0);
    }

    @Test
    void opaqueMarkersScoreNothing() throws ImageReadException {
        // the marker is not a leaf of its own; d/y is a new path, d/x keeps its one score
        DiveMetrics m = dive(
                List.of(Entry.dir("d"), Entry.file("d/x", 100)),
                List.of(Entry.dir("d"), Entry.opaque("d"), Entry.file("d/y", 40)));
        assertThat(m.efficiency()).isEqualTo(1.0);
        assertThat(m.wastedBytes()).isZero();
        assertThat(m.sizeBytes()).isEqualTo(140);
    }

    @Test
    void linksAndEmptyFilesScoreZeroButCountAsSeen() throws ImageReadException {
        // s and e are seen twice with size 0: wasted 0, and they add nothing to either sum
        DiveMetrics m = dive(
                List.of(Entry.symlink("s", "t"), Entry.file("e", 0), Entry.file("t", 5)),
                List.of(Entry.symlink("s", "u"), Entry.file("e", 0)));
        assertThat(m.efficiency()).isEqualTo(1.0);
        assertThat(m.wastedBytes()).isZero();
        assertThat(m.inefficiencies()).extracting(DiveMetrics.Inefficiency::path).containsExactly("/e", "/s");
    }
}
