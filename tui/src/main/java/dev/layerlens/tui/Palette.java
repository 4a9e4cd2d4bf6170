package dev.layerlens.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import dev.layerlens.core.fs.Change;

/**
 * The colours and attributes of the explorer. Without colour (NO_COLOR), only bold and reverse
 * video remain; nothing depends on colour alone: changes carry a letter, the cursor is reversed.
 */
final class Palette {
    private final boolean colour;

    Palette(boolean colour) {
        this.colour = colour;
    }

    Style plain() {
        return Style.PLAIN;
    }

    Style title(boolean focused) {
        if (focused) {
            return colour ? new Style(TextColor.ANSI.BLACK, TextColor.ANSI.CYAN, SGR.BOLD) : new Style(null, null, SGR.REVERSE, SGR.BOLD);
        }
        return colour ? new Style(TextColor.ANSI.CYAN, null, SGR.BOLD) : new Style(null, null, SGR.BOLD);
    }

    /** The selected row: reversed in the focused pane, underlined elsewhere so it stays findable. */
    Style selected(Style base, boolean focused) {
        return focused ? base.with(SGR.REVERSE) : base.with(SGR.UNDERLINE);
    }

    Style label() {
        return colour ? new Style(TextColor.ANSI.CYAN, null) : Style.PLAIN;
    }

    Style dim() {
        return colour ? new Style(TextColor.ANSI.BLACK_BRIGHT, null) : Style.PLAIN;
    }

    Style warning() {
        return colour ? new Style(TextColor.ANSI.YELLOW, null, SGR.BOLD) : new Style(null, null, SGR.BOLD);
    }

    Style statusBar() {
        return new Style(null, null, SGR.REVERSE);
    }

    Style change(Change change) {
        if (!colour || change == null) {
            return Style.PLAIN;
        }
        return switch (change) {
            case ADDED -> new Style(TextColor.ANSI.GREEN, null);
            case MODIFIED -> new Style(TextColor.ANSI.YELLOW, null);
            case REMOVED -> new Style(TextColor.ANSI.RED, null);
            case UNMODIFIED -> Style.PLAIN;
        };
    }

    /** The letter that tells a change without colour. */
    static char marker(Change change) {
        if (change == null) {
            return ' ';
        }
        return switch (change) {
            case ADDED -> 'A';
            case MODIFIED -> 'M';
            case REMOVED -> 'R';
            case UNMODIFIED -> 'U';
        };
    }
}
