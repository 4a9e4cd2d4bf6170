package dev.layerlens.tui;

import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.report.Sizes;
import java.util.List;
import java.util.Locale;

/**
 * The selected finding in full, in the details pane while the findings pane has the focus: what
 * was seen (the evidence, redacted as the analysis wrote it) and what to do about it.
 */
final class FindingDetails {
    private FindingDetails() {
    }

    static List<String> lines(Finding finding, int width) {
        LabelledLines lines = new LabelledLines(width)
                .add("finding", finding.id())
                .add("severity", finding.severity().id())
                .add("title", finding.title() == null ? "" : finding.title());
        if (finding.layerIndex() != null) {
            lines.add("layer", String.valueOf(finding.layerIndex()));
        }
        if (finding.path() != null) {
            lines.add("path", finding.path());
        }
        if (finding.bytes() != null) {
            lines.add("bytes", Sizes.si(finding.bytes()));
        }
        if (finding.evidence() != null) {
            lines.add("evidence", finding.evidence());
        }
        if (finding.remedy() != null) {
            lines.add("remedy", finding.remedy());
        }
        return lines.lines();
    }

    static void draw(Canvas canvas, Rect area, Finding finding, Palette palette) {
        if (area.isEmpty()) {
            return;
        }
        canvas.line(area.col(), area.row(), area.width(),
                " Finding · " + finding.severity().id().toUpperCase(Locale.ROOT) + " · Enter shows its layer and path",
                palette.title(false));
        LabelledLines.draw(canvas, area.body(), lines(finding, area.width()), 0, palette);
    }
}
