package dev.layerlens.tui;

import com.googlecode.lanterna.TerminalSize;

/**
 * Where each pane goes for a terminal size, dive's arrangement: layers, the selected layer's details
 * and the image summary on the left; the file tree and the findings on the right; a key line at the
 * bottom. Each pane's first row is its title.
 */
record Layout(Rect layers, Rect details, Rect summary, Rect files, Rect findings, Rect separator, Rect status,
              boolean tooSmall) {
    static final int MIN_WIDTH = 40;
    static final int MIN_HEIGHT = 10;
    /** @param summaryLines the image summary's lines (more when the readiness checks ran) */
    static Layout of(TerminalSize size, int layerCount, int findingCount, int summaryLines) {
        int width = size.getColumns();
        int height = size.getRows();
        Rect status = new Rect(0, height - 1, width, height > 0 ? 1 : 0);
        if (width < MIN_WIDTH || height < MIN_HEIGHT) {
            Rect none = new Rect(0, 0, 0, 0);
            return new Layout(none, none, none, none, none, none, status, true);
        }
        int rows = height - 1;
        int left = Math.min(70, width / 2);
        // its title and every line, up to a third of the rows (rounded up: at 80x24 a summary of seven lines fits)
        int summary = Math.min(1 + summaryLines, (rows + 2) / 3);
        int rest = rows - summary;
        // title and column header, then a row per layer
        int layers = Math.min(layerCount + 2, Math.max(4, rest / 2));
        int details = rest - layers;
        int right = width - left - 1;
        int findings = findingCount == 0 ? 2 : Math.min(findingCount + 1, Math.max(3, rows / 4));
        int files = rows - findings;
        return new Layout(
                new Rect(0, 0, left, layers),
                new Rect(0, layers, left, details),
                new Rect(0, layers + details, left, summary),
                new Rect(left + 1, 0, right, files),
                new Rect(left + 1, files, right, findings),
                new Rect(left, 0, 1, rows),
                status, false);
    }
}
