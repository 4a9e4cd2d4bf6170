package dev.layerlens.tui;

import java.util.ArrayList;
import java.util.List;

/** Values wrapped beside a column of labels, as the details panes show them. */
final class LabelledLines {
    static final int LABEL = 10;

    private final List<String> lines = new ArrayList<>();
    private final int width;

    LabelledLines(int width) {
        this.width = width;
    }

    /** A label and its value wrapped beside it; a pane too narrow for the label gets the value under it. */
    LabelledLines add(String label, String value) {
        if (width <= LABEL + 8) {
            lines.add(label);
            lines.addAll(Cells.wrap(value, width));
            return this;
        }
        List<String> wrapped = Cells.wrap(value, width - LABEL);
        for (int i = 0; i < wrapped.size(); i++) {
            String head = i == 0 ? String.format("%-" + LABEL + "s", label) : " ".repeat(LABEL);
            lines.add(head + wrapped.get(i));
        }
        return this;
    }

    List<String> lines() {
        return lines;
    }

    /** Draws {@code lines} from {@code offset} into {@code body}, labels in the label style. */
    static void draw(Canvas canvas, Rect body, List<String> lines, int offset, Palette palette) {
        canvas.fill(body, palette.plain());
        for (int r = 0; r < body.height() && offset + r < lines.size(); r++) {
            String line = lines.get(offset + r);
            if (line.length() > LABEL && !line.startsWith(" ")) {
                canvas.text(body.col(), body.row() + r, LABEL, line.substring(0, LABEL), palette.label());
                canvas.text(body.col() + LABEL, body.row() + r, body.width() - LABEL, line.substring(LABEL), palette.plain());
            } else {
                canvas.text(body.col(), body.row() + r, body.width(), line, palette.plain());
            }
        }
    }
}
