package dev.layerlens.tui;

import java.util.ArrayList;
import java.util.List;

/** Every key, in a box over the panes; scrolls when the terminal is too short for the list. */
final class HelpOverlay {
    private static final int KEY_COLUMNS = 20;
    private int offset;

    void reset() {
        offset = 0;
    }

    void scroll(int delta) {
        offset = Math.max(0, Math.min(lines().size(), offset + delta));
    }

    static List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (KeyHelp.Entry e : KeyHelp.ENTRIES) {
            lines.add(String.format("%-" + KEY_COLUMNS + "s %s", e.keys(), e.what()));
        }
        lines.addAll(KeyHelp.LEGEND);
        return lines;
    }

    void draw(Canvas canvas, Rect screen, Palette palette) {
        List<String> lines = lines();
        int width = Math.min(screen.width() - 2, 2 + lines.stream().mapToInt(Cells::width).max().orElse(0));
        int height = Math.min(screen.height() - 2, lines.size() + 2);
        if (width < 10 || height < 3) {
            return;
        }
        Rect box = new Rect((screen.width() - width) / 2, (screen.height() - height) / 2, width, height);
        int visible = height - 2;
        offset = Math.max(0, Math.min(offset, lines.size() - visible));
        canvas.line(box.col(), box.row(), width, " Keys" + (lines.size() > visible ? " (↑↓ scroll)" : "")
                + " · any other key closes", palette.title(true));
        for (int r = 0; r < visible; r++) {
            int i = offset + r;
            canvas.line(box.col(), box.row() + 1 + r, width, i < lines.size() ? " " + lines.get(i) : "", palette.plain());
        }
        canvas.line(box.col(), box.row() + height - 1, width, "", palette.title(true));
    }
}
