package dev.layerlens.core.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerlens.core.layer.EntryType;
import dev.layerlens.core.layer.LayerEntry;
import dev.layerlens.core.layer.LayerScan;
import dev.layerlens.core.source.Compression;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayerViewTest {

    private static LayerEntry dir(String path) {
        return new LayerEntry(path, EntryType.DIRECTORY, 0, 0755, 0, 0, null, 0);
    }

    private static LayerEntry dir(String path, int mode) {
        return new LayerEntry(path, EntryType.DIRECTORY, 0, mode, 0, 0, null, 0);
    }

    private static LayerEntry file(String path, long size) {
        return new LayerEntry(path, EntryType.FILE, size, 0644, 0, 0, null, 0);
    }

    private static LayerEntry whiteout(String path) {
        return new LayerEntry(path, EntryType.WHITEOUT, 0, 0, 0, 0, null, 0);
    }

    private static LayerEntry opaque(String path) {
        return new LayerEntry(path, EntryType.OPAQUE, 0, 0, 0, 0, null, 0);
    }

    @SafeVarargs
    private static FileTree tree(List<LayerEntry>... layers) {
        List<LayerScan> scans = new ArrayList<>();
        for (int i = 0; i < layers.length; i++) {
            long size = layers[i].stream().mapToLong(LayerEntry::size).sum();
            scans.add(new LayerScan(i, layers[i], size, -1, size, Compression.NONE, null, false));
        }
        return FileTree.build(scans);
    }

    /** layer 0 makes a/x and b; layer 1 rewrites a/x, adds a/y, deletes b; layer 2 clears a and adds a/z. */
    private static FileTree stacked() {
        return tree(
                List.of(dir("a"), file("a/x", 10), file("b", 5)),
                List.of(file("a/x", 20), file("a/y", 3), whiteout("b")),
                List.of(opaque("a"), file("a/z", 7)));
    }

    @Test
    void firstLayerAddsEverything() {
        FileTree tree = stacked();
        LayerView view = new LayerViews(tree).at(0);
        assertThat(view.change(tree.find("a"))).isEqualTo(Change.ADDED);
        assertThat(view.change(tree.find("a/x"))).isEqualTo(Change.ADDED);
        assertThat(view.change(tree.find("b"))).isEqualTo(Change.ADDED);
        assertThat(view.change(tree.find("a/y"))).as("not there yet").isNull();
        assertThat(view.version(tree.find("a/x")).size()).isEqualTo(10);
        assertThat(view.changedBelow(tree.find("a"))).isTrue();
    }

    @Test
    void laterLayerModifiesAddsAndRemoves() {
        FileTree tree = stacked();
        LayerView view = new LayerViews(tree).at(1);
        assertThat(view.change(tree.find("a"))).isEqualTo(Change.UNMODIFIED);
        assertThat(view.changedBelow(tree.find("a"))).isTrue();
        assertThat(view.change(tree.find("a/x"))).isEqualTo(Change.MODIFIED);
        assertThat(view.version(tree.find("a/x")).size()).isEqualTo(20);
        assertThat(view.change(tree.find("a/y"))).isEqualTo(Change.ADDED);
        assertThat(view.change(tree.find("b"))).isEqualTo(Change.REMOVED);
        assertThat(view.version(tree.find("b")).size()).as("the version the layer removed").isEqualTo(5);
        assertThat(view.changedBelow(tree.root())).isTrue();
    }

    @Test
    void opaqueMarkerRemovesWhatWasBelowAndDeletedPathsStayGone() {
        FileTree tree = stacked();
        LayerView view = new LayerViews(tree).at(2);
        assertThat(view.change(tree.find("a/x"))).isEqualTo(Change.REMOVED);
        assertThat(view.change(tree.find("a/y"))).isEqualTo(Change.REMOVED);
        assertThat(view.change(tree.find("a/z"))).isEqualTo(Change.ADDED);
        assertThat(view.change(tree.find("b"))).as("removed one layer earlier").isNull();
        assertThat(view.version(tree.find("b"))).isNull();
    }

    @Test
    void changeCountsAgreeWithTheTreesLayerChanges() {
        FileTree tree = stacked();
        LayerViews views = new LayerViews(tree);
        for (LayerChanges expected : tree.changes()) {
            LayerView view = views.at(expected.layer());
            int[] counts = new int[Change.values().length];
            tree.forEachNode(node -> {
                Change c = view.change(node);
                FileVersion v = view.version(node);
                if (c != null && v != null && !v.isDirectory()) {
                    counts[c.ordinal()]++;
                }
            });
            assertThat(counts[Change.ADDED.ordinal()]).as("added in %d", expected.layer()).isEqualTo(expected.added());
            assertThat(counts[Change.MODIFIED.ordinal()]).as("modified in %d", expected.layer()).isEqualTo(expected.modified());
            assertThat(counts[Change.REMOVED.ordinal()]).as("removed in %d", expected.layer()).isEqualTo(expected.removed());
        }
    }

    @Test
    void touchedListsEachPathALayerShippedOrHidOnce() {
        FileTree tree = tree(
                List.of(file("f", 1), file("g", 1)),
                List.of(whiteout("f"), file("f", 2)));
        LayerView view = new LayerViews(tree).at(1);
        assertThat(view.touched()).containsExactly(tree.find("f"));
        assertThat(view.change(tree.find("f"))).isEqualTo(Change.MODIFIED);
        assertThat(view.change(tree.find("g"))).isEqualTo(Change.UNMODIFIED);
    }

    @Test
    void directoriesNoEntryNamesArePresentWhileSomethingBelowIs() {
        FileTree tree = tree(
                List.of(file("usr/bin/sh", 100)),
                List.of(dir("usr"), file("usr/lib/libc.so", 50)),
                List.of(file("opt/app/run", 1)),
                List.of(whiteout("opt/app")));
        LayerViews views = new LayerViews(tree);
        FileNode usr = tree.find("usr");
        FileNode opt = tree.find("opt");
        assertThat(views.at(0).change(usr)).isEqualTo(Change.ADDED);
        assertThat(views.at(0).version(usr)).isNull();
        assertThat(views.at(0).change(opt)).isNull();
        assertThat(views.at(1).change(usr)).as("named now, existed before").isEqualTo(Change.UNMODIFIED);
        assertThat(views.at(1).change(tree.find("usr/lib"))).isEqualTo(Change.ADDED);
        assertThat(views.at(1).change(tree.find("usr/bin"))).isEqualTo(Change.UNMODIFIED);
        assertThat(views.at(1).changedBelow(tree.find("usr/bin"))).isFalse();
        assertThat(views.at(1).changedBelow(usr)).isTrue();
        assertThat(views.at(2).change(opt)).isEqualTo(Change.ADDED);
        assertThat(views.at(2).change(usr)).isEqualTo(Change.UNMODIFIED);
        assertThat(views.at(3).change(opt)).as("everything below it went").isEqualTo(Change.REMOVED);
        assertThat(views.at(3).change(tree.find("opt/app/run"))).isEqualTo(Change.REMOVED);
    }

    @Test
    void aFileReplacedByPathsBelowItBecomesADirectory() {
        FileTree tree = tree(List.of(file("x", 5)), List.of(file("x/y", 3)), List.of(file("z", 1)));
        LayerViews views = new LayerViews(tree);
        FileNode x = tree.find("x");
        assertThat(views.at(1).change(x)).as("a file before, a directory now").isEqualTo(Change.MODIFIED);
        assertThat(views.at(1).version(x)).as("no entry names the directory").isNull();
        assertThat(views.at(2).change(x)).isEqualTo(Change.UNMODIFIED);
        assertThat(views.at(0).version(x).size()).isEqualTo(5);
    }

    @Test
    void aDirectoryShippedAgainIsModifiedOnlyWhenItsAttributesChange() {
        FileTree tree = tree(
                List.of(dir("etc"), dir("var")),
                List.of(dir("etc"), dir("var", 01777)));
        LayerView view = new LayerViews(tree).at(1);
        assertThat(view.change(tree.find("etc"))).isEqualTo(Change.UNMODIFIED);
        assertThat(view.change(tree.find("var"))).isEqualTo(Change.MODIFIED);
        assertThat(view.changedBelow(tree.root())).isTrue();
        assertThat(view.changedBelow(tree.find("etc"))).isFalse();
    }

    @Test
    void deepPathsDoNotExhaustTheStack() {
        String[] parts = new String[50_000];
        Arrays.fill(parts, "d");
        String deep = String.join("/", parts);
        FileTree tree = tree(List.of(file("top", 1)), List.of(file(deep + "/f", 1)));
        LayerViews views = new LayerViews(tree);
        FileNode d = tree.find("d");
        assertThat(views.at(0).change(d)).isNull();
        assertThat(views.at(1).change(d)).isEqualTo(Change.ADDED);
        assertThat(views.at(1).changedBelow(d)).isTrue();
    }

    @Test
    void viewsAreKeptPerLayerAndBounded() {
        FileTree tree = stacked();
        LayerViews views = new LayerViews(tree);
        assertThat(views.layerCount()).isEqualTo(3);
        assertThat(views.at(1)).isSameAs(views.at(1));
        assertThatThrownBy(() -> views.at(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
