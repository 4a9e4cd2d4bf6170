package dev.layerlens.tui;

import static dev.layerlens.tui.Harness.ch;
import static dev.layerlens.tui.Harness.ctrl;
import static dev.layerlens.tui.Harness.key;
import static dev.layerlens.tui.TestImage.dir;
import static dev.layerlens.tui.TestImage.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExplorerRobustnessTest {

    @Test
    void randomKeysAtRandomSizesNeverBreakIt() {
        Random random = new Random(20240501);
        List<KeyStroke> keys = List.of(key(KeyType.ArrowUp), key(KeyType.ArrowDown), key(KeyType.ArrowLeft),
                key(KeyType.ArrowRight), key(KeyType.PageUp), key(KeyType.PageDown), key(KeyType.Home),
                key(KeyType.End), key(KeyType.Tab), key(KeyType.ReverseTab), key(KeyType.Enter), key(KeyType.Backspace),
                ch(' '), ch('-'), ch('+'), ch('s'), ch('v'), ch('?'), ch('j'), ch('k'), ch('h'), ch('l'), ch('g'),
                ch('G'), ch('/'), ch('p'), ch('a'), ch('.'), ch('*'), ctrl('a'), ctrl('r'), ctrl('u'), ctrl('l'),
                ctrl(' '));
        Harness h = new Harness(Samples.sample().explorer(), 80, 24);
        for (int i = 0; i < 500; i++) {
            if (random.nextInt(30) == 0) {
                h.resize(1 + random.nextInt(160), 1 + random.nextInt(60));
            }
            // a few keys per redraw, as a fast typist or a held key gives them
            KeyStroke[] batch = new KeyStroke[1 + random.nextInt(4)];
            for (int k = 0; k < batch.length; k++) {
                batch[k] = keys.get(random.nextInt(keys.size()));
            }
            h.press(batch);
            assertThat(h.explorer.isRunning()).isTrue();
        }
        h.resize(80, 24).press(key(KeyType.Escape), key(KeyType.Escape), ch('q'));
        assertThat(h.explorer.isRunning()).isFalse();
    }

    @Test
    void anImageWithoutLayersStillOpens() {
        Harness h = new Harness(new TestImage("empty:1").build().explorer(), 80, 24)
                .press(key(KeyType.ArrowDown), key(KeyType.Tab), key(KeyType.Tab), ch(' '), ch('s'), key(KeyType.End));
        assertThat(h.text()).contains(" Layers (none)", "the image has no layers", "size        0 B · 0 layers");
        assertThat(h.statusLine()).startsWith(" ? help  q quit");
        assertThat(h.explorer.isRunning()).isTrue();
    }

    @Test
    void wideAndOddNamesKeepTheColumns() {
        TestImage.Built built = new TestImage("wide:1")
                .layer("COPY データ /データ", List.of(dir("データ"), file("データ/ファイル名がとても長いファイル.txt", 10),
                        file("データ/smile😀.png", 20), file("データ/e\u0301\u200b.txt", 3)))
                .build();
        Harness h = new Harness(built.explorer(), 80, 24);
        assertThat(h.text()).contains("データ/", "smile\uFFFD.png");
        for (int r = 0; r < h.rows() - 1; r++) {
            assertThat(h.terminal.getCharacter(40, r).getCharacterString()).as("row %d", r).isEqualTo("│");
        }
    }

    /**
     * A guard against work that grows faster than the tree, not a benchmark: on 100k files every step
     * stays far below what a quadratic walk would take. (Measured times are in the README.)
     */
    @Test
    void aLargeTreeOpensAndBrowsesWithoutWalkingItPerKey() {
        TestImage image = new TestImage("large:1");
        String[] roots = {"usr/lib", "usr/share", "opt/cache", "app"};
        for (int layer = 0; layer < roots.length; layer++) {
            List<dev.layerlens.core.layer.LayerEntry> entries = new java.util.ArrayList<>();
            for (int i = 0; i < 25_000; i++) {
                String dir = roots[layer] + "/d" + (i / 500);
                if (i % 500 == 0) {
                    entries.add(dir(dir));
                }
                entries.add(file(dir + "/f" + i, 1 + i % 4000));
            }
            image.layer("layer " + layer, entries);
        }
        TestImage.Built built = image.layer("rm", List.of(TestImage.whiteout("opt/cache"))).build();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            Harness h = new Harness(built.explorer(), 120, 40);
            assertThat(h.right().get(0)).isEqualTo(" Files · layer 0");
            h.press(key(KeyType.Tab), key(KeyType.Tab), key(KeyType.End));
            assertThat(h.cursorRow()).as("names sort as bytes, like ls: d9 after d49").endsWith("└── f4999");
            h.press(key(KeyType.Tab), key(KeyType.Tab));
            for (int layer = 1; layer <= 4; layer++) {
                h.press(key(KeyType.ArrowDown));
            }
            long removed = 0;
            for (int i = 0; i < 25_000; i++) {
                removed += 1 + i % 4000;
            }
            assertThat(h.right().get(0)).isEqualTo(" Files · layers 0–4");
            h.press(ch('p')).type("opt").press(key(KeyType.Enter));
            assertThat(h.cursorRow()).isEqualTo("R " + Cells.right(dev.layerlens.core.report.Sizes.si(removed), 8)
                    + " ├─▾ opt/");
            h.press(ch('s'), ch('v'), ch('/')).type("f1234$").press(key(KeyType.Enter), key(KeyType.End));
            assertThat(h.right().get(0)).isEqualTo(" Files · layer 4 only · by size · /f1234$/");
        });
    }

    @Test
    void runReturnsWhenTheUserQuits() {
        Harness h = new Harness(Samples.sample().explorer(), 80, 24);
        for (KeyStroke k : List.of(key(KeyType.ArrowDown), key(KeyType.Tab), ch('q'))) {
            h.terminal.addInput(k);
        }
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> h.explorer.run(h.screen));
        assertThat(h.explorer.isRunning()).isFalse();
        assertThat(h.explorer.selectedLayer()).isEqualTo(1);
    }
}
