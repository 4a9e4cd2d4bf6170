package dev.layerlens.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/** Keys to actions: dive's keys, vim's hjkl/gG, and the usual page keys. */
final class KeyMap {
    private KeyMap() {
    }

    /** The action for {@code key}, or null when the key means nothing here. */
    static Action of(KeyStroke key) {
        KeyType type = key.getKeyType();
        switch (type) {
            case Tab: return Action.NEXT_PANE;
            case ReverseTab: return Action.PREVIOUS_PANE;
            case ArrowUp: return Action.UP;
            case ArrowDown: return Action.DOWN;
            case ArrowLeft: return Action.LEFT;
            case ArrowRight: return Action.RIGHT;
            case PageUp: return Action.PAGE_UP;
            case PageDown: return Action.PAGE_DOWN;
            case Home: return Action.HOME;
            case End: return Action.END;
            case Enter: return Action.ENTER;
            case Escape: return Action.QUIT;
            case EOF: return Action.QUIT;
            case Character: break;
            default: return null;
        }
        char c = key.getCharacter();
        if (key.isCtrlDown() && !key.isAltDown()) {
            return switch (Character.toLowerCase(c)) {
                case 'a' -> Action.TOGGLE_ADDED;
                case 'r' -> Action.TOGGLE_REMOVED;
                case 'u' -> Action.TOGGLE_UNMODIFIED;
                case 'l' -> Action.SWITCH_VIEW;
                case 'c' -> Action.QUIT;
                case ' ' -> Action.TOGGLE_ALL;
                default -> null;
            };
        }
        if (key.isAltDown()) {
            return null;
        }
        return switch (c) {
            case 'k' -> Action.UP;
            case 'j' -> Action.DOWN;
            case 'h' -> Action.LEFT;
            case 'l' -> Action.RIGHT;
            case 'g' -> Action.HOME;
            case 'G' -> Action.END;
            case ' ' -> Action.TOGGLE_COLLAPSE;
            case '-' -> Action.COLLAPSE_ALL;
            case '+', '=' -> Action.EXPAND_ALL;
            case '/' -> Action.FILTER;
            case 'p' -> Action.JUMP_TO_PATH;
            case 's' -> Action.SORT;
            case 'v' -> Action.SWITCH_VIEW;
            case '?' -> Action.HELP;
            case 'q' -> Action.QUIT;
            default -> null;
        };
    }
}
