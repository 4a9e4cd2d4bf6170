package dev.layerlens.tui;

import dev.layerlens.core.report.Report;
import dev.layerlens.core.report.Sizes;
import java.util.ArrayList;
import java.util.List;

/**
 * The selected layer in full: its whole command wrapped (never cut: the pane scrolls when it does
 * not fit), digests, sizes, change counts and the bytes of it that later layers hide.
 */
final class DetailsPane {
    private static final int LABEL = 10;
    private int offset;

    void reset() {
        offset = 0;
    }

    void scroll(int delta, Report.LayerReport layer, Rect area) {
        int max = Math.max(0, lines(layer, area.width()).size() - area.body().height());
        offset = (int) Math.max(0, Math.min(max, (long) offset + delta));
    }

    void scrollTo(boolean end, Report.LayerReport layer, Rect area) {
        offset = end ? Integer.MAX_VALUE / 2 : 0;
        scroll(0, layer, area);
    }

    List<String> lines(Report.LayerReport layer, int width) {
        List<String> lines = new ArrayList<>();
        if (layer == null) {
            return lines;
        }
        String command = layer.command() == null || layer.command().isBlank()
                ? "(no history entry for this layer)" : layer.command().strip();
        add(lines, "command", command, width);
        add(lines, "changes", layer.addedCount() + " added (" + Sizes.si(layer.addedBytes()) + ") · "
                + layer.modifiedCount() + " modified (" + Sizes.si(layer.modifiedBytes()) + ") · "
                + layer.removedCount() + " removed (" + Sizes.si(layer.removedBytes()) + ")", width);
        add(lines, "reclaim", Sizes.si(layer.reclaimableBytes()) + " of it hidden by later layers", width);
        add(lines, "size", Sizes.si(layer.sizeBytes()) + " in " + layer.fileCount() + " files"
                + (layer.compressedSizeBytes() == null ? ", stored uncompressed"
                : ", " + Sizes.si(layer.compressedSizeBytes()) + " " + layer.compression() + "-compressed"), width);
        add(lines, "digest", layer.digest() == null ? "-" : layer.digest(), width);
        add(lines, "diffId", layer.diffId() == null ? "-" : layer.diffId(), width);
        return lines;
    }

    /** A label and its value wrapped beside it; a pane too narrow for the label gets the value under it. */
    private static void add(List<String> lines, String label, String value, int width) {
        if (width <= LABEL + 8) {
            lines.add(label);
            lines.addAll(Cells.wrap(value, width));
            return;
        }
        List<String> wrapped = Cells.wrap(value, width - LABEL);
        for (int i = 0; i < wrapped.size(); i++) {
            String head = i == 0 ? String.format("%-" + LABEL + "s", label) : " ".repeat(LABEL);
            lines.add(head + wrapped.get(i));
        }
    }

    void draw(Canvas canvas, Rect area, Report.LayerReport layer, boolean focused, Palette palette) {
        if (area.isEmpty()) {
            return;
        }
        Rect body = area.body();
        List<String> lines = lines(layer, area.width());
        offset = Math.max(0, Math.min(offset, lines.size() - body.height()));
        String more = (offset > 0 ? " ↑" : "") + (offset + body.height() < lines.size()
                ? " ↓ " + Plural.of(lines.size() - offset - body.height(), "more line") + (focused ? "" : " (Tab here, j/k)") : "");
        canvas.line(area.col(), area.row(), area.width(),
                " Layer " + (layer == null ? "-" : layer.index()) + " details" + more, palette.title(focused));
        canvas.fill(body, palette.plain());
        for (int r = 0; r < body.height() && offset + r < lines.size(); r++) {
            String line = lines.get(offset + r);
            boolean labelled = line.length() > LABEL && !line.startsWith(" ");
            if (labelled) {
                canvas.text(body.col(), body.row() + r, LABEL, line.substring(0, LABEL), palette.label());
                canvas.text(body.col() + LABEL, body.row() + r, body.width() - LABEL, line.substring(LABEL), palette.plain());
            } else {
                canvas.text(body.col(), body.row() + r, body.width(), line, palette.plain());
            }
        }
    }
}
