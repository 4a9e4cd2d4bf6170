package dev.layerlens.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Keys to actions: dive's keys, vim's hjkl/gG, and the usual page keys. One table, which the help
 * overlay lists too, so no key can work without being documented there.
 */
final class KeyMap {
    /**
     * One key and what it does.
     *
     * @param label how the help names the key
     */
    record Binding(String label, Key key, Action action) {
    }

    /**
     * A key as the map tells keys apart: by type, except that a typed character counts with Ctrl
     * (case-insensitive, as terminals send it) or without. Other modifiers never change an action.
     */
    record Key(KeyType type, char character, boolean ctrl) {
        static Key of(KeyType type) {
            return new Key(type, '\0', false);
        }

        static Key of(char character) {
            return new Key(KeyType.Character, character, false);
        }

        static Key ctrl(char character) {
            return new Key(KeyType.Character, Character.toLowerCase(character), true);
        }
    }

    /** In the order the help lists each action's keys. */
    static final List<Binding> BINDINGS = List.of(
            new Binding("Tab", Key.of(KeyType.Tab), Action.NEXT_PANE),
            new Binding("Shift-Tab", Key.of(KeyType.ReverseTab), Action.PREVIOUS_PANE),
            new Binding("↑", Key.of(KeyType.ArrowUp), Action.UP),
            new Binding("k", Key.of('k'), Action.UP),
            new Binding("↓", Key.of(KeyType.ArrowDown), Action.DOWN),
            new Binding("j", Key.of('j'), Action.DOWN),
            new Binding("PgUp", Key.of(KeyType.PageUp), Action.PAGE_UP),
            new Binding("PgDn", Key.of(KeyType.PageDown), Action.PAGE_DOWN),
            new Binding("Home", Key.of(KeyType.Home), Action.HOME),
            new Binding("g", Key.of('g'), Action.HOME),
            new Binding("End", Key.of(KeyType.End), Action.END),
            new Binding("G", Key.of('G'), Action.END),
            new Binding("←", Key.of(KeyType.ArrowLeft), Action.LEFT),
            new Binding("h", Key.of('h'), Action.LEFT),
            new Binding("→", Key.of(KeyType.ArrowRight), Action.RIGHT),
            new Binding("l", Key.of('l'), Action.RIGHT),
            new Binding("Space", Key.of(' '), Action.TOGGLE_COLLAPSE),
            new Binding("-", Key.of('-'), Action.COLLAPSE_ALL),
            new Binding("+", Key.of('+'), Action.EXPAND_ALL),
            // '+' without Shift on most keyboards
            new Binding("=", Key.of('='), Action.EXPAND_ALL),
            new Binding("Ctrl+Space", Key.ctrl(' '), Action.TOGGLE_ALL),
            new Binding("/", Key.of('/'), Action.FILTER),
            new Binding("p", Key.of('p'), Action.JUMP_TO_PATH),
            new Binding("s", Key.of('s'), Action.SORT),
            new Binding("v", Key.of('v'), Action.SWITCH_VIEW),
            new Binding("Ctrl+L", Key.ctrl('l'), Action.SWITCH_VIEW),
            new Binding("Ctrl+A", Key.ctrl('a'), Action.TOGGLE_ADDED),
            new Binding("Ctrl+R", Key.ctrl('r'), Action.TOGGLE_REMOVED),
            new Binding("Ctrl+U", Key.ctrl('u'), Action.TOGGLE_UNMODIFIED),
            // terminals send Enter for Ctrl+M, dive's key for hiding modified paths
            new Binding("Enter", Key.of(KeyType.Enter), Action.ENTER),
            new Binding("?", Key.of('?'), Action.HELP),
            new Binding("q", Key.of('q'), Action.QUIT),
            new Binding("Esc", Key.of(KeyType.Escape), Action.QUIT),
            new Binding("Ctrl+C", Key.ctrl('c'), Action.QUIT));

    // toMap refuses a key bound twice
    private static final Map<Key, Action> ACTIONS = BINDINGS.stream()
            .collect(Collectors.toMap(Binding::key, Binding::action));

    private KeyMap() {
    }

    /** The action for {@code key}, or null when the key means nothing here. */
    static Action of(KeyStroke key) {
        KeyType type = key.getKeyType();
        if (type != KeyType.Character) {
            return ACTIONS.get(Key.of(type));
        }
        if (key.isAltDown()) {
            return null;
        }
        char c = key.getCharacter();
        return ACTIONS.get(key.isCtrlDown() ? Key.ctrl(c) : Key.of(c));
    }

    /** The labels of the keys bound to {@code action}, in table order. */
    static List<String> labels(Action action) {
        return BINDINGS.stream().filter(b -> b.action() == action).map(Binding::label).toList();
    }
}
