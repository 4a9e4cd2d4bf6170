package dev.layerlens.tui;

import dev.layerlens.core.report.Commands;
import dev.layerlens.core.report.Report;
import dev.layerlens.core.report.Sizes;
import java.util.List;

/** The layers: index, size, compressed size and the command that made each; the selection drives the other panes. */
final class LayersPane {
    private final List<Report.LayerReport> layers;
    private final ListCursor cursor = new ListCursor();

    LayersPane(List<Report.LayerReport> layers) {
        this.layers = layers;
    }

    int selected() {
        return cursor.selected();
    }

    int count() {
        return layers.size();
    }

    Report.LayerReport selectedLayer() {
        return layers.isEmpty() ? null : layers.get(cursor.selected());
    }

    /** Rows for layers: the pane's body minus its column header. */
    private static int listRows(Rect area) {
        return Math.max(1, area.height() - 2);
    }

    void move(int delta, Rect area) {
        cursor.move(delta, layers.size(), listRows(area));
    }

    void select(int index, Rect area) {
        cursor.select(index, layers.size(), listRows(area));
    }

    int pageSize(Rect area) {
        return listRows(area);
    }

    void draw(Canvas canvas, Rect area, boolean focused, Palette palette) {
        if (area.isEmpty()) {
            return;
        }
        cursor.keepVisible(layers.size(), listRows(area));
        canvas.line(area.col(), area.row(), area.width(),
                " Layers " + (layers.isEmpty() ? "(none)" : (cursor.selected() + 1) + "/" + layers.size()),
                palette.title(focused));
        Rect body = area.body();
        canvas.fill(body, palette.plain());
        if (body.isEmpty()) {
            return;
        }
        canvas.line(body.col(), body.row(), body.width(), String.format("%4s %8s %8s  %s", "#", "SIZE", "COMPR.", "COMMAND"),
                palette.label());
        for (int r = 0; r < body.height() - 1; r++) {
            int index = cursor.top() + r;
            if (index >= layers.size()) {
                break;
            }
            Report.LayerReport layer = layers.get(index);
            String command = Commands.shortForm(layer.command());
            String line = String.format("%4d %s %s  %s", layer.index(), Cells.right(Sizes.si(layer.sizeBytes()), 8),
                    Cells.right(layer.compressedSizeBytes() == null ? "-" : Sizes.si(layer.compressedSizeBytes()), 8),
                    command.isEmpty() ? "(no history)" : Cells.safe(command));
            Style style = index == cursor.selected() ? palette.selected(palette.plain(), focused) : palette.plain();
            canvas.line(body.col(), body.row() + 1 + r, body.width(), line, style);
        }
    }
}
