package dev.layerlens.tui;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;

/** Draws text into cells, cut to the width it is given; all text goes through {@link Cells}. */
final class Canvas {
    private final TextGraphics graphics;

    Canvas(TextGraphics graphics) {
        this.graphics = graphics;
    }

    /** Writes {@code text} from (col, row), at most {@code width} columns; returns the columns used. */
    int text(int col, int row, int width, String text, Style style) {
        if (width <= 0) {
            return 0;
        }
        String fitted = Cells.fit(text, width);
        apply(style);
        graphics.putString(col, row, fitted);
        return Cells.width(fitted);
    }

    /** Writes {@code text} and pads with the style's background to fill {@code width} columns. */
    void line(int col, int row, int width, String text, Style style) {
        int used = text(col, row, width, text, style);
        if (used < width) {
            apply(style);
            graphics.putString(col + used, row, " ".repeat(width - used));
        }
    }

    void fill(Rect rect, Style style) {
        for (int r = 0; r < rect.height(); r++) {
            line(rect.col(), rect.row() + r, rect.width(), "", style);
        }
    }

    private void apply(Style style) {
        graphics.setForegroundColor(style.foreground() == null ? TextColor.ANSI.DEFAULT : style.foreground());
        graphics.setBackgroundColor(style.background() == null ? TextColor.ANSI.DEFAULT : style.background());
        graphics.clearModifiers();
        if (!style.attributes().isEmpty()) {
            graphics.enableModifiers(style.attributes().toArray(new com.googlecode.lanterna.SGR[0]));
        }
    }
}
