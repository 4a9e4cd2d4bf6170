package dev.layerlens.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An explorer on lanterna's virtual terminal: keys go in through the terminal's input queue, as a
 * real terminal's would, and the assertions read the terminal's cells.
 */
final class Harness {
    final DefaultVirtualTerminal terminal;
    final TerminalScreen screen;
    final Explorer explorer;

    Harness(Explorer explorer, int columns, int rows) {
        try {
            this.terminal = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
            this.screen = new TerminalScreen(terminal);
            this.explorer = explorer;
            screen.startScreen();
            explorer.draw(screen);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KeyStroke key(KeyType type) {
        return new KeyStroke(type);
    }

    static KeyStroke ch(char c) {
        return new KeyStroke(c, false, false);
    }

    static KeyStroke ctrl(char c) {
        return new KeyStroke(c, true, false);
    }

    /** Types the keys, then lets the explorer take them (and any resize) and redraw. */
    Harness press(KeyStroke... keys) {
        for (KeyStroke k : keys) {
            terminal.addInput(k);
        }
        step();
        return this;
    }

    Harness press(KeyType type, int times) {
        for (int i = 0; i < times; i++) {
            terminal.addInput(key(type));
        }
        step();
        return this;
    }

    /** Types text character by character (a prompt's contents). */
    Harness type(String text) {
        for (char c : text.toCharArray()) {
            terminal.addInput(ch(c));
        }
        step();
        return this;
    }

    Harness resize(int columns, int rows) {
        terminal.setTerminalSize(new TerminalSize(columns, rows));
        step();
        return this;
    }

    private void step() {
        try {
            explorer.step(screen);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int columns() {
        return terminal.getTerminalSize().getColumns();
    }

    int rows() {
        return terminal.getTerminalSize().getRows();
    }

    String row(int row) {
        StringBuilder out = new StringBuilder();
        for (int col = 0; col < columns(); col++) {
            TextCharacter c = terminal.getCharacter(col, row);
            out.append(c == null ? " " : c.getCharacterString());
            if (c != null && c.isDoubleWidth()) {
                col++; // the terminal keeps a wide character in both of its cells
            }
        }
        return out.toString();
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < rows(); r++) {
            lines.add(row(r));
        }
        return lines;
    }

    String text() {
        return String.join("\n", lines());
    }

    /** The part of each row right of the separator: the file tree and the findings. */
    List<String> right() {
        List<String> out = new ArrayList<>();
        int start = separatorColumn() + 1;
        for (String line : lines()) {
            out.add(line.length() > start ? line.substring(start).stripTrailing() : "");
        }
        return out;
    }

    /** The rows of the file tree pane, title excluded. */
    List<String> treeRows() {
        List<String> right = right();
        List<String> rows = new ArrayList<>();
        for (int r = 1; r < right.size(); r++) {
            if (right.get(r).startsWith(" Findings")) {
                break;
            }
            rows.add(right.get(r));
        }
        return rows;
    }

    int separatorColumn() {
        return Layout.of(terminal.getTerminalSize(), 1, 1, 6).separator().col();
    }

    /** The text of the row drawn in reverse video in the given column range: the selection of the focused pane. */
    String reversedRow(int fromColumn) {
        for (int r = 1; r < rows() - 1; r++) {
            TextCharacter c = terminal.getCharacter(fromColumn, r);
            if (c != null && c.getModifiers().contains(SGR.REVERSE)) {
                return row(r).substring(fromColumn).stripTrailing();
            }
        }
        return null;
    }

    /** The file tree's cursor row (the tree pane must have the focus). */
    String cursorRow() {
        return reversedRow(separatorColumn() + 1);
    }

    String statusLine() {
        return row(rows() - 1).stripTrailing();
    }
}
