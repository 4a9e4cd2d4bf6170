package dev.layerlens.tui;

/** A rectangle of cells; never negative. */
record Rect(int col, int row, int width, int height) {
    Rect {
        width = Math.max(0, width);
        height = Math.max(0, height);
    }

    boolean isEmpty() {
        return width == 0 || height == 0;
    }

    /** The rows below the first (a pane's body under its title). */
    Rect body() {
        return new Rect(col, row + 1, width, height - 1);
    }
}
