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
        assertThat(h.statusLine()).startsWith(" ↑↓");
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
