package dev.layerlens.tui;

import dev.layerlens.core.analysis.DiveMetrics;
import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.Severity;
import dev.layerlens.core.analysis.grade.Readiness;
import dev.layerlens.core.report.Plural;
import dev.layerlens.core.report.Report;
import dev.layerlens.core.report.Sizes;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** The image as a whole: sizes, the bytes that could go, dive's figures and the findings by severity. */
final class SummaryPane {
    private final Report report;
    /** a report never changes: its lines are made once, not per frame */
    private final List<String[]> lines;

    SummaryPane(Report report) {
        this.report = report;
        this.lines = lines(report);
    }

    int lineCount() {
        return lines.size();
    }

    private static List<String[]> lines(Report report) {
        Report.ImageSummary image = report.image();
        List<String[]> lines = new ArrayList<>();
        // both sizes before the count, which the layers pane's title shows too: at 80 columns the count is what is cut
        lines.add(new String[] {"size", Sizes.si(image.sizeBytes())
                + (image.compressedSizeBytes() == null ? "" : " · " + Sizes.si(image.compressedSizeBytes()) + " compressed")
                + " · " + Plural.of(image.layerCount(), "layer")});
        long reclaimable = report.metrics().reclaimableBytes();
        lines.add(new String[] {"reclaimable", Sizes.si(reclaimable) + " (" + percent(reclaimable, image.sizeBytes())
                + ") in " + Plural.of(report.reclaimable().size(), "path")});
        Readiness readiness = report.readiness();
        if (readiness == null) {
            // the readiness checks did not run: say so rather than show 0
            lines.add(new String[] {"removable", "not measured"});
        } else {
            lines.add(new String[] {"removable", Sizes.si(readiness.removableBytes()) + " ("
                    + percent(readiness.removableBytes(), image.sizeBytes()) + ") not needed at run time"});
            lines.add(new String[] {"grade", readiness.grade().letter() + " (" + readiness.grade().score() + "/100)"});
        }
        DiveMetrics dive = report.metrics().dive();
        lines.add(new String[] {"efficiency", String.format(Locale.ROOT, "%.2f %% (dive)", dive.efficiency() * 100)});
        lines.add(new String[] {"wasted", Sizes.si(dive.wastedBytes()) + (dive.userWastedPercent() == null ? ""
                : String.format(Locale.ROOT, " · user %.2f %%", dive.userWastedPercent() * 100)) + " (dive)"});
        lines.add(new String[] {"findings", bySeverity(report.findings())});
        return lines;
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "0 %" : String.format(Locale.ROOT, "%.2f %%", 100.0 * part / whole);
    }

    static String bySeverity(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "none";
        }
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Finding f : findings) {
            counts.merge(f.severity(), 1, Integer::sum);
        }
        StringJoiner out = new StringJoiner(" · ");
        counts.forEach((severity, count) -> out.add(count + " " + severity.id()));
        return out.toString();
    }

    void draw(Canvas canvas, Rect area, Palette palette) {
        if (area.isEmpty()) {
            return;
        }
        String reference = report.image().reference();
        canvas.line(area.col(), area.row(), area.width(), " Image " + (reference == null ? "" : reference),
                palette.title(false));
        Rect body = area.body();
        canvas.fill(body, palette.plain());
        for (int r = 0; r < body.height() && r < lines.size(); r++) {
            canvas.text(body.col(), body.row() + r, Math.min(12, body.width()), lines.get(r)[0], palette.label());
            canvas.text(body.col() + 12, body.row() + r, body.width() - 12, lines.get(r)[1], palette.plain());
        }
    }
}
