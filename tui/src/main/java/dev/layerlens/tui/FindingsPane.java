package dev.layerlens.tui;

import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.Severity;
import java.util.List;
import java.util.Map;

/** Every finding, most severe first as the report orders them; Enter shows its layer and path. */
final class FindingsPane {
    private static final Map<Severity, String> SHORT_SEVERITY = Map.of(Severity.CRITICAL, "CRIT",
            Severity.HIGH, "HIGH", Severity.MEDIUM, "MED", Severity.LOW, "LOW", Severity.INFO, "INFO");

    private final List<Finding> findings;
    private final ListCursor cursor = new ListCursor();

    FindingsPane(List<Finding> findings) {
        this.findings = findings;
    }

    int count() {
        return findings.size();
    }

    Finding selected() {
        return findings.isEmpty() ? null : findings.get(cursor.selected());
    }

    void move(int delta, Rect area) {
        cursor.move(delta, findings.size(), area.body().height());
    }

    void select(int index, Rect area) {
        cursor.select(index, findings.size(), area.body().height());
    }

    void draw(Canvas canvas, Rect area, boolean focused, Palette palette) {
        if (area.isEmpty()) {
            return;
        }
        cursor.keepVisible(findings.size(), area.body().height());
        canvas.line(area.col(), area.row(), area.width(), " Findings (" + findings.size() + ")"
                + (focused && !findings.isEmpty() ? " · Enter: show its layer and path" : ""), palette.title(focused));
        Rect body = area.body();
        canvas.fill(body, palette.plain());
        if (findings.isEmpty()) {
            canvas.text(body.col(), body.row(), body.width(), "none", palette.dim());
            return;
        }
        for (int r = 0; r < body.height(); r++) {
            int index = cursor.top() + r;
            if (index >= findings.size()) {
                break;
            }
            Finding f = findings.get(index);
            String line = String.format("%-4s %3s  %s%s  [%s]", SHORT_SEVERITY.get(f.severity()),
                    f.layerIndex() == null ? "-" : "L" + f.layerIndex(),
                    f.path() == null ? "" : Cells.safe(f.path()) + "  ", Cells.safe(f.title()), Cells.safe(f.id()));
            Style style = index == cursor.selected() ? palette.selected(palette.plain(), focused) : palette.plain();
            canvas.line(body.col(), body.row() + r, body.width(), line, style);
        }
    }
}
