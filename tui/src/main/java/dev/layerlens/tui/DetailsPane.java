package dev.layerlens.tui;

import dev.layerlens.core.report.Plural;
import dev.layerlens.core.report.Report;
import dev.layerlens.core.report.Sizes;
import java.util.List;

/**
 * The selected layer in full: its whole command wrapped (never cut: the pane scrolls when it does
 * not fit), digests, sizes, change counts and the bytes of it that later layers hide.
 */
final class DetailsPane {
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
        if (layer == null) {
            return List.of();
        }
        String command = layer.command() == null || layer.command().isBlank()
                ? "(no history entry for this layer)" : layer.command().strip();
        return new LabelledLines(width)
                .add("command", command)
                .add("changes", layer.addedCount() + " added (" + Sizes.si(layer.addedBytes()) + ") · "
                        + layer.modifiedCount() + " modified (" + Sizes.si(layer.modifiedBytes()) + ") · "
                        + layer.removedCount() + " removed (" + Sizes.si(layer.removedBytes()) + ")")
                .add("reclaim", Sizes.si(layer.reclaimableBytes()) + " of it hidden by later layers")
                .add("size", Sizes.si(layer.sizeBytes()) + " in " + Plural.of(layer.fileCount(), "file")
                        + (layer.compressedSizeBytes() == null ? ", stored uncompressed"
                        : ", " + Sizes.si(layer.compressedSizeBytes()) + " " + layer.compression() + "-compressed"))
                .add("digest", layer.digest() == null ? "-" : layer.digest())
                .add("diffId", layer.diffId() == null ? "-" : layer.diffId())
                .lines();
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
        LabelledLines.draw(canvas, body, lines, offset, palette);
    }
}
