package dev.layerlens.tui;

/**
 * The selected item and the first visible item of a list shown in {@code height} rows. Every
 * move is clamped: scrolling past either end stays at the end.
 */
final class ListCursor {
    private int selected;
    private int top;

    int selected() {
        return selected;
    }

    int top() {
        return top;
    }

    void move(int delta, int count, int height) {
        select((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, (long) selected + delta)), count, height);
    }

    void select(int index, int count, int height) {
        selected = count == 0 ? 0 : Math.max(0, Math.min(count - 1, index));
        keepVisible(count, height);
    }

    /** Keeps the selection on screen and the screen full after a resize. */
    void keepVisible(int count, int height) {
        int rows = Math.max(1, height);
        if (selected < top) {
            top = selected;
        } else if (selected >= top + rows) {
            top = selected - rows + 1;
        }
        top = Math.max(0, Math.min(top, Math.max(0, count - rows)));
    }
}
