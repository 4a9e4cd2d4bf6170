package dev.layerlens.core.fs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlens.core.ImageAnalyzer;
import dev.layerlens.core.TestImages;
import dev.layerlens.core.source.ImageReadException;
import dev.layerlens.testdata.Entry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stacking layers: whiteouts and opaque markers act on the layers below only, an opaque marker acts
 * before its own layer's entries whatever their tar order, and a path changing kind hides what it replaced.
 */
class FileTreeTest {
    @TempDir
    Path dir;

    @SafeVarargs
    private ImageAnalyzer.Result stack(List<Entry>... layers) throws ImageReadException {
        return TestImages.stacked(dir, layers);
    }

    private static FileVersion visible(ImageAnalyzer.Result result, String path) {
        FileNode node = result.tree().find(path);
        return node == null ? null : node.visibleVersion();
    }

    @Test
    void aWhiteoutRemovesTheLowerCopyButNotItsOwnLayersNewOne() throws ImageReadException {
        // the new copy comes first in the tar: the marker still applies only to layer 0's copy
        ImageAnalyzer.Result result = stack(
                List.of(Entry.file("a", 100)),
                List.of(Entry.file("a", 40), Entry.whiteout("a")));

        FileNode a = result.tree().find("a");
        assertThat(a.visibleVersion().layer()).isEqualTo(1);
        assertThat(a.versions().get(0).hiddenBy()).isEqualTo(1);
        assertThat(a.versions().get(0).hideReason()).isEqualTo(HideReason.DELETED);
        assertThat(result.tree().changes().get(1)).isEqualTo(new LayerChanges(1, 1, 40, 0, 0, 1, 100));
    }

    @Test
    void aWhiteoutOfAPathOnlyItsOwnLayerShipsDoesNothing() throws ImageReadException {
        ImageAnalyzer.Result result = stack(
                List.of(Entry.file("base", 1)),
                List.of(Entry.file("b", 10), Entry.whiteout("b"), Entry.whiteout("never-existed")));

        assertThat(visible(result, "b")).isNotNull();
        assertThat(result.tree().changes().get(1).removed()).isZero();
        assertThat(result.report().metrics().reclaimableBytes()).isZero();
    }

    @Test
    void anOpaqueMarkerClearsTheLowerDirectoryBeforeItsOwnEntries() throws ImageReadException {
        ImageAnalyzer.Result result = stack(
                List.of(Entry.dir("d"), Entry.file("d/x", 100), Entry.dir("d/sub"), Entry.file("d/sub/y", 200),
                        Entry.file("outside", 7)),
                List.of(Entry.dir("d"), Entry.file("d/z", 50), Entry.opaque("d")));

        assertThat(visible(result, "d/z")).isNotNull();
        assertThat(visible(result, "d/x")).isNull();
        assertThat(visible(result, "d/sub/y")).isNull();
        assertThat(visible(result, "outside")).isNotNull();
        assertThat(result.tree().find("d/x").versions().get(0).hideReason()).isEqualTo(HideReason.DIR_REMOVED);
        assertThat(result.tree().changes().get(1)).isEqualTo(new LayerChanges(1, 1, 50, 0, 0, 2, 300));
    }

    @Test
    void aWhiteoutOfADirectoryRemovesEverythingBelowIt() throws ImageReadException {
        ImageAnalyzer.Result result = stack(
                List.of(Entry.dir("a"), Entry.dir("a/b"), Entry.file("a/b/c", 10), Entry.file("a/b/d", 20),
                        Entry.file("a/e", 30), Entry.symlink("a/link", "e"), Entry.file("keep", 1)),
                List.of(Entry.whiteout("a")));

        assertThat(visible(result, "a")).isNull();
        assertThat(visible(result, "a/b/c")).isNull();
        assertThat(visible(result, "keep")).isNotNull();
        assertThat(result.tree().find("a").versions().get(0).hideReason()).isEqualTo(HideReason.DELETED);
        assertThat(result.tree().find("a/b/d").versions().get(0).hideReason()).isEqualTo(HideReason.DIR_REMOVED);
        // three files and a symlink; directories are not counted
        assertThat(result.tree().changes().get(1)).isEqualTo(new LayerChanges(1, 0, 0, 0, 0, 4, 60));
        assertThat(result.tree().visibleBytes()).isEqualTo(1);
    }

    @Test
    void aFileReplacingADirectoryHidesWhatWasInIt() throws ImageReadException {
        ImageAnalyzer.Result result = stack(
                List.of(Entry.dir("p"), Entry.file("p/q", 40), Entry.file("p/r", 2)),
                List.of(Entry.file("p", 5)));

        FileNode p = result.tree().find("p");
        assertThat(p.visibleVersion().type()).isEqualTo(dev.layerlens.core.layer.EntryType.FILE);
        assertThat(p.versions().get(0).hideReason()).isEqualTo(HideReason.OVERWRITTEN);
        assertThat(result.tree().find("p/q").versions().get(0).hideReason()).isEqualTo(HideReason.DIR_REMOVED);
        assertThat(result.tree().changes().get(1)).isEqualTo(new LayerChanges(1, 0, 0, 1, 5, 2, 42));
    }

    @Test
    void aFileReplacingAnImpliedDirectoryHidesWhatWasInIt() throws ImageReadException {
        // no layer ships an entry for directory p: it exists only because p/q does
        ImageAnalyzer.Result result = stack(
                List.of(Entry.file("p/q", 40)),
                List.of(Entry.file("p", 5)));

        assertThat(result.tree().find("p/q").versions().get(0).hideReason()).isEqualTo(HideReason.DIR_REMOVED);
        assertThat(result.tree().changes().get(1)).isEqualTo(new LayerChanges(1, 1, 5, 0, 0, 1, 40));
        assertThat(result.tree().visibleBytes()).isEqualTo(5);
    }

    @Test
    void aDirectoryReplacingAFileHidesTheFile() throws ImageReadException {
        ImageAnalyzer.Result result = stack(
                List.of(Entry.file("p", 5)),
                List.of(Entry.dir("p"), Entry.file("p/q", 40)));

        assertThat(result.tree().find("p").versions().get(0).hiddenBy()).isEqualTo(1);
        assertThat(visible(result, "p/q")).isNotNull();
        assertThat(result.tree().changes().get(1)).isEqualTo(new LayerChanges(1, 1, 40, 0, 0, 1, 5));
    }

    @Test
    void aFileUnderAPathThatWasAFileReplacesIt() throws ImageReadException {
        // no directory entry: the tar only implies p/ is a directory now
        ImageAnalyzer.Result result = stack(
                List.of(Entry.file("p", 5)),
                List.of(Entry.file("p/q", 40)));

        assertThat(result.tree().find("p").versions().get(0).hideReason()).isEqualTo(HideReason.OVERWRITTEN);
        assertThat(result.tree().changes().get(1)).isEqualTo(new LayerChanges(1, 1, 40, 0, 0, 1, 5));
        assertThat(result.tree().visibleBytes()).isEqualTo(40);
    }

    @Test
    void aVersionIsVisibleUpToTheLayerThatHidesIt() throws ImageReadException {
        ImageAnalyzer.Result result = stack(
                List.of(Entry.file("f", 1)),
                List.of(Entry.file("g", 2)),
                List.of(Entry.whiteout("f")));

        FileNode f = result.tree().find("f");
        assertThat(f.versionAt(0)).isNotNull();
        assertThat(f.versionAt(1)).isNotNull();
        assertThat(f.versionAt(2)).isNull();
        assertThat(result.tree().find("g").versionAt(0)).isNull();
    }

    @Test
    void modeOwnerAndLinkTargetsAreKeptPerVersion() throws ImageReadException {
        ImageAnalyzer.Result result = stack(
                List.of(Entry.file("bin/tool", 3).withOwner(1000, 1001), Entry.symlink("bin/t", "tool")),
                List.of(Entry.file("bin/tool", 3).withMode(04755)));

        List<FileVersion> versions = result.tree().find("bin/tool").versions();
        assertThat(versions).extracting(FileVersion::mode).containsExactly(0644, 04755);
        assertThat(versions.get(0).uid()).isEqualTo(1000);
        assertThat(versions.get(0).gid()).isEqualTo(1001);
        assertThat(visible(result, "bin/t").linkTarget()).isEqualTo("tool");
    }
}
