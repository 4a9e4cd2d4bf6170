package dev.layerlens.tui;

import static dev.layerlens.tui.Harness.ch;
import static dev.layerlens.tui.Harness.ctrl;
import static dev.layerlens.tui.Harness.key;
import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scripted key sequences on a virtual 80x24 terminal, asserting what the screen shows. */
class ExplorerTest {
    private static final List<String> LAYER_0_TREE = List.of(
            "A    900 B ├─▾ bin/",
            "A    900 B │ ├── busybox",
            "A      0 B │ └── sh → busybox",
            "A     70 B ├─▾ etc/",
            "A     20 B │ ├── hosts",
            "A     50 B │ └── passwd",
            "A  1.00 kB └─▾ usr/",
            "A  1.00 kB   └─▾ lib/",
            "A  1.00 kB     └── libc.so");

    private static Harness sample() {
        return new Harness(Samples.sample().explorer(), 80, 24);
    }

    private static List<String> shown(Harness h) {
        return h.treeRows().stream().filter(r -> !r.isBlank()).toList();
    }

    @Test
    void firstScreenShowsEveryPaneAt80x24() {
        Harness h = sample();
        assertThat(h.row(0)).startsWith(" Layers 1/4");
        assertThat(h.text()).contains("   0  1.97 kB        -  ADD file:rootfs", " Layer 0 details", "command   /bin/sh -c #(nop) ADD",
                " Image test:1", "reclaimable 3.07 kB (5.59 %) in 3 paths", "removable   not measured",
                "efficiency  99.85 % (dive)", "findings    1 high · 1 medium · 1 low", " Findings (3)",
                "HIGH  L1  /etc/passwd  a token in /etc");
        assertThat(h.right().get(0)).isEqualTo(" Files · layer 0");
        assertThat(shown(h)).containsExactlyElementsOf(LAYER_0_TREE);
        assertThat(h.statusLine()).startsWith(" ? help  q quit  Tab pane  ↑↓ layer  Enter files");
        for (int r = 0; r < h.rows() - 1; r++) {
            assertThat(h.row(r).charAt(40)).as("separator in row %d", r).isEqualTo('│');
        }
    }

    @Test
    void selectingALayerUpdatesDetailsAndTree() {
        Harness h = sample().press(KeyType.ArrowDown, 1);
        assertThat(h.row(0)).startsWith(" Layers 2/4");
        assertThat(h.text()).contains(" Layer 1 details", "command   /bin/sh -c apt-get install -y",
                "changes   3 added (8.01 kB) · 1", "reclaim   3.00 kB of it hidden by later");
        assertThat(h.right().get(0)).isEqualTo(" Files · layers 0–1");
        assertThat(shown(h)).contains(
                "U    900 B ├─▾ bin/",
                "M     80 B ├─▾ etc/",
                "U     20 B │ ├── hosts",
                "M     60 B │ └── passwd",
                "M  6.01 kB ├─▾ usr/",
                "A     10 B │   ├── a-small.so",
                "U  1.00 kB │   ├── libc.so",
                "A  5.00 kB │   └── z-big.so",
                "A  3.00 kB └─▾ var/",
                "A  3.00 kB         └── x.deb");
        h.press(ch('k'));
        assertThat(h.row(0)).startsWith(" Layers 1/4");
        assertThat(shown(h)).containsExactlyElementsOf(LAYER_0_TREE);
    }

    @Test
    void layerOnlyViewShowsJustTheLayersChangesWithTheirOwnSizes() {
        Harness h = sample().press(key(KeyType.ArrowDown), ch('v'));
        assertThat(h.right().get(0)).isEqualTo(" Files · layer 1 only");
        assertThat(shown(h)).containsExactly(
                "M     60 B ├─▾ etc/",
                "M     60 B │ └── passwd",
                "M  5.01 kB ├─▾ usr/",
                "M  5.01 kB │ └─▾ lib/",
                "A     10 B │   ├── a-small.so",
                "A  5.00 kB │   └── z-big.so",
                "A  3.00 kB └─▾ var/",
                "A  3.00 kB   └─▾ cache/",
                "A  3.00 kB     └─▾ apt/",
                "A  3.00 kB       └─▾ archives/",
                "A  3.00 kB         └── x.deb");
        h.press(ctrl('l'));
        assertThat(h.right().get(0)).as("Ctrl+L switches back").isEqualTo(" Files · layers 0–1");
    }

    @Test
    void removedPathsShowAtTheLayerThatRemovedThemAndCtrlRHidesThem() {
        Harness h = sample().press(KeyType.ArrowDown, 2);
        assertThat(shown(h)).contains(
                "M     60 B ├─▾ etc/",
                "R     20 B │ ├── hosts",
                "U     60 B │ └── passwd",
                "R  3.00 kB └─▾ var/",
                "R  3.00 kB         └── x.deb");
        h.press(ctrl('r'));
        assertThat(h.right().get(0)).isEqualTo(" Files · layers 0–2 · hiding R");
        assertThat(String.join("\n", shown(h))).doesNotContain("hosts", "var/", "x.deb").contains("passwd");
        h.press(ctrl('r'));
        assertThat(String.join("\n", shown(h))).contains("hosts", "x.deb");
    }

    @Test
    void ctrlKeysHideKindsOfChangeAsInDive() {
        Harness h = sample().press(key(KeyType.ArrowDown), ctrl('u'));
        assertThat(String.join("\n", shown(h))).doesNotContain("bin/", "libc.so", "hosts").contains("passwd", "z-big.so");
        h.press(ctrl('a'));
        assertThat(shown(h)).containsExactly("M     80 B └─▾ etc/", "M     60 B   └── passwd");
        // Enter in the files pane is Ctrl+M: hides modified paths too
        h.press(key(KeyType.Tab), key(KeyType.Tab), key(KeyType.Enter));
        assertThat(h.right().get(0)).isEqualTo(" Files · layers 0–1 · hiding A M U");
        assertThat(h.treeRows().get(0)).startsWith("nothing matches");
        h.press(key(KeyType.Enter), ctrl('a'), ctrl('u'));
        assertThat(h.right().get(0)).isEqualTo(" Files · layers 0–1");
    }

    @Test
    void slashFiltersPathsByRegularExpression() {
        Harness h = sample().press(ch('/'));
        assertThat(h.statusLine()).isEqualTo("filter paths (regex, empty: none):");
        h.type("pass").press(key(KeyType.Enter));
        assertThat(h.right().get(0)).isEqualTo(" Files · layer 0 · /pass/");
        assertThat(shown(h)).containsExactly("A     70 B └─▾ etc/", "A     50 B   └── passwd");
        assertThat(h.explorer.focus()).isEqualTo(Explorer.Pane.FILES);

        h.press(ch('/')).type("(").press(key(KeyType.Enter));
        assertThat(h.statusLine()).startsWith("not a regular expression:").endsWith("the filter is unchanged");
        assertThat(h.right().get(0)).endsWith("/pass/");

        // back to the layers pane (the filter moved the focus to the files), then layer 1
        // the prompt starts with the current filter; Ctrl+U clears it
        h.press(key(KeyType.Tab), key(KeyType.Tab), key(KeyType.ArrowDown), ch('/'));
        assertThat(h.statusLine()).endsWith(": pass");
        h.press(ctrl('u')).type("^/usr/lib/[az]-").press(key(KeyType.Enter));
        assertThat(shown(h)).containsExactly(
                "M  6.01 kB └─▾ usr/",
                "M  6.01 kB   └─▾ lib/",
                "A     10 B     ├── a-small.so",
                "A  5.00 kB     └── z-big.so");

        h.press(ch('/'));
        assertThat(h.statusLine()).endsWith("^/usr/lib/[az]-");
        h.press(KeyType.Backspace, 20).press(key(KeyType.Enter));
        assertThat(h.right().get(0)).isEqualTo(" Files · layers 0–1");
        assertThat(String.join("\n", shown(h))).contains("bin/", "hosts");
    }

    @Test
    void sKeySortsBySizeThenBackByName() {
        Harness h = sample().press(key(KeyType.ArrowDown), ch('s'));
        assertThat(h.right().get(0)).isEqualTo(" Files · layers 0–1 · by size");
        List<String> rows = shown(h);
        assertThat(String.join("\n", rows)).containsSubsequence("usr/", "z-big.so", "libc.so", "a-small.so", "var/",
                "bin/", "etc/", "passwd", "hosts");
        h.press(ch('s'));
        assertThat(String.join("\n", shown(h))).containsSubsequence("bin/", "etc/", "usr/", "a-small.so", "libc.so",
                "z-big.so", "var/");
    }

    @Test
    void spaceAndArrowsCollapseAndExpand() {
        Harness h = sample().press(key(KeyType.Tab), key(KeyType.Tab));
        assertThat(h.cursorRow()).isEqualTo("A    900 B ├─▾ bin/");
        h.press(ch(' '));
        assertThat(shown(h)).startsWith("A    900 B ├─▸ bin/", "A     70 B ├─▾ etc/");
        h.press(ch(' '));
        assertThat(shown(h)).containsExactlyElementsOf(LAYER_0_TREE);
        h.press(ch('h'));
        assertThat(shown(h).get(0)).isEqualTo("A    900 B ├─▸ bin/");
        h.press(ch('l'));
        assertThat(shown(h)).containsExactlyElementsOf(LAYER_0_TREE);
        h.press(key(KeyType.ArrowRight));
        assertThat(h.cursorRow()).as("right on an open directory goes in").isEqualTo("A    900 B │ ├── busybox");
        h.press(key(KeyType.ArrowLeft));
        assertThat(h.cursorRow()).as("left on a file goes to its directory").isEqualTo("A    900 B ├─▾ bin/");

        h.press(ch('-'));
        assertThat(shown(h)).containsExactly("A    900 B ├─▸ bin/", "A     70 B ├─▸ etc/", "A  1.00 kB └─▸ usr/");
        h.press(ch('+'));
        assertThat(shown(h)).containsExactlyElementsOf(LAYER_0_TREE);
        h.press(ch('-'), ch('='));
        assertThat(shown(h)).as("= is + without Shift").containsExactlyElementsOf(LAYER_0_TREE);
        h.press(ctrl(' '));
        assertThat(shown(h)).hasSize(3);
        h.press(ctrl(' '));
        assertThat(shown(h)).containsExactlyElementsOf(LAYER_0_TREE);

        h.press(ch('j'), ch(' '));
        assertThat(h.cursorRow()).as("space on a file closes its directory").isEqualTo("A    900 B ├─▸ bin/");
    }

    @Test
    void scrollingPastEitherEndStaysAtTheEnd() {
        Harness h = sample().press(key(KeyType.End));
        assertThat(h.row(0)).startsWith(" Layers 4/4");
        h.press(KeyType.ArrowDown, 10).press(KeyType.PageDown, 3);
        assertThat(h.row(0)).startsWith(" Layers 4/4");

        h.press(key(KeyType.Tab), key(KeyType.Tab));
        assertThat(h.cursorRow()).as("the cursor kept its path across layers").isEqualTo("U    900 B ├─▾ bin/");
        h.press(KeyType.PageUp, 30).press(KeyType.ArrowUp, 3);
        assertThat(h.cursorRow()).isEqualTo("A  44.9 kB ├─▾ app/");
        h.press(key(KeyType.PageDown));
        assertThat(h.cursorRow()).as("a page is the pane's 18 rows").endsWith("├── f016");
        h.press(key(KeyType.End));
        assertThat(h.cursorRow()).isEqualTo("U  5.00 kB     └── z-big.so");
        List<String> rows = h.treeRows();
        assertThat(rows.get(rows.size() - 1)).isEqualTo("U  5.00 kB     └── z-big.so");
        h.press(KeyType.ArrowDown, 25).press(KeyType.PageDown, 40).press(ch('G'), ch('j'));
        assertThat(h.cursorRow()).isEqualTo("U  5.00 kB     └── z-big.so");
        assertThat(h.treeRows()).isEqualTo(rows);
        h.press(KeyType.PageUp, 1);
        assertThat(h.cursorRow()).endsWith("├── f291");
        h.press(ch('g'));
        assertThat(h.cursorRow()).isEqualTo("A  44.9 kB ├─▾ app/");
        h.press(KeyType.PageDown, 40);
        assertThat(h.cursorRow()).isEqualTo("U  5.00 kB     └── z-big.so");

        h.press(key(KeyType.Tab)).press(KeyType.ArrowDown, 10);
        assertThat(h.explorer.focus()).isEqualTo(Explorer.Pane.FINDINGS);
        assertThat(h.reversedRow(41)).startsWith("LOW    -  runs as root");
        h.press(KeyType.ArrowUp, 10);
        assertThat(h.reversedRow(41)).startsWith("HIGH  L1  /etc/passwd");

        h.press(key(KeyType.ReverseTab), key(KeyType.ReverseTab)).press(KeyType.ArrowDown, 200);
        assertThat(h.explorer.focus()).isEqualTo(Explorer.Pane.DETAILS);
        assertThat(h.text()).contains("diffId    sha256:");
    }

    @Test
    void enterOnAFindingShowsItsLayerAndPath() {
        Harness h = sample().press(key(KeyType.Tab), key(KeyType.Tab), key(KeyType.Tab));
        assertThat(h.explorer.focus()).isEqualTo(Explorer.Pane.FINDINGS);
        h.press(ch('j'));
        assertThat(h.text()).as("the details pane shows the selected finding in full").contains(
                " Finding · MEDIUM", "finding   waste/deleted-in-later-layer", "path      /var/cache/apt/archives/x.deb",
                "bytes     3.00 kB", "evidence  3.00 kB", "remedy    clean in the same RUN");
        h.press(key(KeyType.Enter));
        assertThat(h.row(0)).startsWith(" Layers 2/4");
        assertThat(h.explorer.focus()).isEqualTo(Explorer.Pane.FILES);
        assertThat(h.cursorRow()).isEqualTo("A  3.00 kB         └── x.deb");

        // hidden by a filter and a collapsed directory: both give way
        h.press(ch('/')).type("passwd").press(key(KeyType.Enter), ch('-'), key(KeyType.Tab), key(KeyType.Enter));
        assertThat(h.right().get(0)).isEqualTo(" Files · layers 0–1");
        assertThat(h.cursorRow()).isEqualTo("A  3.00 kB         └── x.deb");

        h.press(key(KeyType.Tab), ch('k'), key(KeyType.Enter));
        assertThat(h.cursorRow()).isEqualTo("M     60 B │ └── passwd");

        h.press(key(KeyType.Tab), ch('G'), key(KeyType.Enter));
        assertThat(h.explorer.focus()).as("a finding about the whole image moves nothing").isEqualTo(Explorer.Pane.FINDINGS);
        assertThat(h.row(0)).startsWith(" Layers 2/4");
    }

    @Test
    void pJumpsToAPathAndToALayerThatHasIt() {
        Harness h = sample().press(ch('-'), ch('p'));
        assertThat(h.statusLine()).isEqualTo("jump to path: /");
        h.type("usr/lib/libc.so").press(key(KeyType.Enter));
        assertThat(h.explorer.focus()).isEqualTo(Explorer.Pane.FILES);
        assertThat(h.cursorRow()).isEqualTo("A  1.00 kB     └── libc.so");

        h.press(ch('p')).type("app/f123").press(key(KeyType.Enter));
        assertThat(h.row(0)).startsWith(" Layers 4/4");
        assertThat(h.cursorRow()).endsWith("├── f123");
        assertThat(h.statusLine()).isEqualTo("/app/f123 is not in layer 0's filesystem: showing layer 3");

        h.press(ch('p')).type("nope").press(key(KeyType.Escape));
        assertThat(h.explorer.isRunning()).as("Esc leaves the prompt, not the program").isTrue();
        h.press(ch('p')).type("nope").press(key(KeyType.Enter));
        assertThat(h.statusLine()).isEqualTo("no layer has /nope");
        assertThat(h.cursorRow()).endsWith("├── f123");
    }

    @Test
    void resizingRedrawsForTheNewSize() {
        Harness h = sample().press(key(KeyType.End), key(KeyType.Tab), key(KeyType.Tab), key(KeyType.End));
        h.resize(120, 40);
        assertThat(h.row(0)).hasSize(120).startsWith(" Layers 4/4");
        assertThat(h.row(5).charAt(60)).isEqualTo('│');
        assertThat(h.text()).contains("   3  44.9 kB        -  set -eux;");
        assertThat(h.treeRows()).hasSize(Layout.of(new com.googlecode.lanterna.TerminalSize(120, 40), 4, 3, 6).files().height() - 1);
        assertThat(h.cursorRow()).isEqualTo("U  5.00 kB     └── z-big.so");

        h.resize(30, 8);
        assertThat(h.row(0)).startsWith("terminal too small (30x8)");
        h.press(KeyType.ArrowUp, 3).press(key(KeyType.PageDown), ch('/'));
        assertThat(h.row(0)).as("keys wait for a usable size").startsWith("terminal too small (30x8)");

        h.resize(80, 24);
        assertThat(h.row(0)).hasSize(80).startsWith(" Layers 4/4");
        assertThat(h.cursorRow()).as("the cursor stays on screen").isEqualTo("U  5.00 kB     └── z-big.so");
    }

    @Test
    void namesAndCommandsFromTheImageReachTheScreenSanitised() {
        Harness h = sample().press(key(KeyType.End), key(KeyType.Tab), key(KeyType.Tab), key(KeyType.Home));
        assertThat(h.text()).contains("evil\\x1b[2J\\x1b]0;pwn");
        // the details pane at full height shows where the command had its escape
        Harness tall = new Harness(Samples.sample().explorer(), 200, 60)
                .press(key(KeyType.End), key(KeyType.Tab), key(KeyType.Tab), key(KeyType.Home));
        assertThat(tall.text()).contains("\\x1b[31mthe-very-end-of-the-command", "evil\\x1b[2J\\x1b]0;pwned\\x07name");
        for (Harness screen : List.of(h, tall)) {
            for (String line : screen.lines()) {
                assertThat(line.chars().filter(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f))).as(line).isEmpty();
            }
        }
    }

    @Test
    void theWholeCommandIsShownWrappedNeverCut() {
        Harness h = sample().press(key(KeyType.End), key(KeyType.Tab));
        assertThat(h.row(6)).contains(" Layer 3 details ↓", "more lines").doesNotContain("Tab here");
        StringBuilder seen = new StringBuilder();
        h.press(key(KeyType.Home));
        for (int i = 0; i < 60; i++) {
            String first = h.row(7).substring(0, 40);
            if (first.startsWith("changes")) {
                break;
            }
            seen.append(first.substring(10).strip()).append(' ');
            h.press(ch('j'));
        }
        String expected = dev.layerlens.core.report.TerminalText.sanitize(Samples.LONG_COMMAND
                .replace("the-very-end", "\u001b[31mthe-very-end"));
        assertThat(seen.toString().replace(" ", "")).isEqualTo(expected.replace(" ", ""));
    }

    @Test
    void questionMarkListsEveryKeyAndAnyKeyClosesIt() {
        Harness h = sample().press(ch('?'));
        String text = h.text();
        assertThat(text).as("at 80x24 the whole list fits").contains(" Keys · any other key closes")
                .doesNotContain("(↑↓ scroll)");
        for (KeyHelp.Entry e : KeyHelp.ENTRIES) {
            assertThat(text).contains(e.keys(), e.what());
        }
        assertThat(text).contains(KeyHelp.LEGEND);
        assertThat(text).contains("Tab / Shift-Tab", "↑ k / ↓ j", "- / + = / Ctrl+Space", "q Esc Ctrl+C");
        h.press(ch('q'));
        assertThat(h.explorer.isRunning()).as("q closes the help first").isTrue();
        assertThat(h.text()).doesNotContain(" Keys");
        h.press(ch('?'), ch('x'));
        assertThat(h.text()).doesNotContain(" Keys");
        Harness small = new Harness(Samples.sample().explorer(), 80, 16).press(ch('?'));
        assertThat(small.text()).contains(" Keys (↑↓ scroll)", "Tab / Shift-Tab").doesNotContain(KeyHelp.LEGEND.get(1));
        small.press(KeyType.ArrowDown, 30);
        assertThat(small.text()).contains(KeyHelp.LEGEND.get(1));
    }

    @Test
    void qEscAndCtrlCQuit() {
        assertThat(sample().press(ch('q')).explorer.isRunning()).isFalse();
        assertThat(sample().press(key(KeyType.Escape)).explorer.isRunning()).isFalse();
        assertThat(sample().press(ctrl('c')).explorer.isRunning()).isFalse();
        assertThat(sample().press(ch('/'), ctrl('c')).explorer.isRunning()).as("even in a prompt").isFalse();
        assertThat(sample().press(key(KeyType.EOF)).explorer.isRunning()).as("the terminal went away").isFalse();
    }

    @Test
    void withoutColourTheLettersStillTellTheChanges() {
        TestImage.Built built = Samples.sample();
        Harness h = new Harness(new Explorer(built.report(), built.tree(), false), 80, 24).press(key(KeyType.ArrowDown));
        assertThat(shown(h)).contains("M     60 B │ └── passwd", "A  5.00 kB │   └── z-big.so");
        for (int r = 0; r < h.rows(); r++) {
            for (int c = 0; c < h.columns(); c++) {
                assertThat(h.terminal.getCharacter(c, r).getForegroundColor())
                        .isEqualTo(com.googlecode.lanterna.TextColor.ANSI.DEFAULT);
            }
        }
    }

    @Test
    void withColourEachChangeHasItsOwn() {
        Harness h = sample().press(KeyType.ArrowDown, 2);
        List<String> lines = h.lines();
        assertThat(colourOfRowEndingWith(h, lines, "passwd")).isEqualTo(com.googlecode.lanterna.TextColor.ANSI.DEFAULT);
        assertThat(colourOfRowEndingWith(h, lines, "hosts")).isEqualTo(com.googlecode.lanterna.TextColor.ANSI.RED);
        assertThat(colourOfRowEndingWith(h, lines, "etc/")).isEqualTo(com.googlecode.lanterna.TextColor.ANSI.YELLOW);
        h.press(ch('k'));
        assertThat(colourOfRowEndingWith(h, h.lines(), "z-big.so")).isEqualTo(com.googlecode.lanterna.TextColor.ANSI.GREEN);
    }

    private static com.googlecode.lanterna.TextColor colourOfRowEndingWith(Harness h, List<String> lines, String end) {
        for (int r = 1; r < lines.size(); r++) {
            if (lines.get(r).stripTrailing().endsWith(end)) {
                return h.terminal.getCharacter(41, r).getForegroundColor();
            }
        }
        throw new AssertionError("no row ends with " + end);
    }
}
