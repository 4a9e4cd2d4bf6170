package dev.layerlens.tui;

import static dev.layerlens.tui.Harness.ch;
import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every key the explorer acts on is documented: in the help overlay, on the row that says what it
 * does, and in the README's key table. The keys are found by asking {@link KeyMap} about every key
 * a terminal can send, not read from its table, so a key handled outside the table counts too.
 */
class KeyBindingsTest {
    private static final Map<KeyType, String> NAMES = Map.ofEntries(
            Map.entry(KeyType.Tab, "Tab"), Map.entry(KeyType.ReverseTab, "Shift-Tab"),
            Map.entry(KeyType.ArrowUp, "↑"), Map.entry(KeyType.ArrowDown, "↓"),
            Map.entry(KeyType.ArrowLeft, "←"), Map.entry(KeyType.ArrowRight, "→"),
            Map.entry(KeyType.PageUp, "PgUp"), Map.entry(KeyType.PageDown, "PgDn"),
            Map.entry(KeyType.Home, "Home"), Map.entry(KeyType.End, "End"),
            Map.entry(KeyType.Enter, "Enter"), Map.entry(KeyType.Escape, "Esc"));

    /** Each key that means something, by the name a user knows it by, and what it means. */
    private static Map<String, Action> boundKeys() {
        Map<String, Action> bound = new LinkedHashMap<>();
        for (KeyType type : KeyType.values()) {
            Action action = type == KeyType.Character ? null : KeyMap.of(new KeyStroke(type));
            if (action != null) {
                assertThat(NAMES).as("a name for the bound key %s", type).containsKey(type);
                bound.put(NAMES.get(type), action);
            }
        }
        for (char c = ' '; c < 0x7f; c++) {
            for (boolean ctrl : new boolean[] {false, true}) {
                for (boolean alt : new boolean[] {false, true}) {
                    Action action = KeyMap.of(new KeyStroke(c, ctrl, alt));
                    if (action != null) {
                        String name = (ctrl ? "Ctrl+" : "") + (alt ? "Alt+" : "")
                                + (c == ' ' ? "Space" : ctrl ? String.valueOf(Character.toUpperCase(c)) : String.valueOf(c));
                        Action before = bound.put(name, action);
                        assertThat(before).as(name + " means one thing").isIn(null, action);
                    }
                }
            }
        }
        return bound;
    }

    @Test
    void theProbeFindsTheKeysOfEveryKind() {
        assertThat(boundKeys()).containsEntry("=", Action.EXPAND_ALL).containsEntry("Ctrl+Space", Action.TOGGLE_ALL)
                .containsEntry("Shift-Tab", Action.PREVIOUS_PANE).containsEntry("G", Action.END)
                .doesNotContainKeys("Alt+k", "x");
    }

    @Test
    void theHelpOverlayShowsEveryKeyOnTheRowOfWhatItDoes() {
        Harness h = new Harness(Samples.sample().explorer(), 100, 40).press(ch('?'));
        List<String> screen = h.lines();
        int title = 0;
        while (!screen.get(title).contains(" Keys ·")) {
            title++;
        }
        // the box's left edge, where its title starts: the panes show left of it, the status line under it
        int box = screen.get(title).indexOf(" Keys ·");
        List<String> inBox = screen.subList(title + 1, screen.size() - 1);
        Map<KeyHelp.Entry, List<String>> keysByEntry = new LinkedHashMap<>();
        for (KeyHelp.Entry entry : KeyHelp.ENTRIES) {
            List<String> rows = inBox.stream().filter(line -> line.contains(entry.what())).toList();
            assertThat(rows).as("one row says %s", entry.what()).hasSize(1);
            String keyColumn = rows.get(0).substring(box, rows.get(0).indexOf(entry.what()));
            keysByEntry.put(entry, Arrays.asList(keyColumn.strip().split("\\s+")));
        }
        boundKeys().forEach((key, action) -> assertThat(keysByEntry.entrySet().stream()
                .filter(e -> e.getKey().actions().contains(action)).flatMap(e -> e.getValue().stream()))
                .as("the help names %s beside what %s does", key, action).contains(key));
    }

    @Test
    void theReadmesKeyTableNamesEveryKey() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "README.md"));
        int header = lines.indexOf("| key | what it does |");
        assertThat(header).as("the README's key table").isNotNegative();
        List<String> named = new ArrayList<>();
        for (String line : lines.subList(header + 2, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            named.addAll(Arrays.asList(line.split("\\|")[1].strip().split("[\\s,`]+")));
        }
        assertThat(named).containsAll(boundKeys().keySet());
    }
}
