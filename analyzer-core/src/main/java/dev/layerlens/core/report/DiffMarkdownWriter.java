package dev.layerlens.core.report;

import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.diff.ImageDiff;
import java.io.PrintWriter;
import java.util.List;

/** {@code layerlens diff --format markdown}: a before/after table for a pull request. */
public final class DiffMarkdownWriter {
    private DiffMarkdownWriter() {
    }

    public static void write(ImageDiff diff, PrintWriter out) {
        ImageDiff.Side b = diff.before();
        ImageDiff.Side a = diff.after();
        out.println("### layerlens diff: " + Markdown.code(b.reference()) + " → " + Markdown.code(a.reference()));
        out.println();
        out.println("| | before | after | change |");
        out.println("|---|---:|---:|---:|");
        out.println("| size | " + Sizes.si(b.sizeBytes()) + " | " + Sizes.si(a.sizeBytes()) + " | "
                + Deltas.bytes(diff.sizeDeltaBytes()) + " (" + Deltas.percent(diff.sizeDeltaPercent()) + ") |");
        if (diff.compressedSizeDeltaBytes() != null) {
            out.println("| compressed | " + Sizes.si(b.compressedSizeBytes()) + " | " + Sizes.si(a.compressedSizeBytes())
                    + " | " + Deltas.bytes(diff.compressedSizeDeltaBytes()) + " ("
                    + Deltas.percent(diff.compressedSizeDeltaPercent()) + ") |");
        }
        out.println("| layers | " + b.layerCount() + " | " + a.layerCount() + " | "
                + String.format("%+d", a.layerCount() - b.layerCount()) + " |");
        ImageDiff.Metrics m = diff.metrics();
        bytes("reclaimable", m.reclaimableBytes(), out);
        bytes("removable", m.removableBytes(), out);
        out.println("| dive efficiency | " + Deltas.ratio(m.efficiency().before()) + " | " + Deltas.ratio(m.efficiency().after())
                + " | " + Deltas.points(m.efficiency().delta()) + " |");
        bytes("dive wastedBytes", m.wastedBytes(), out);
        out.println("| dive userWastedPercent | " + Deltas.ratio(m.userWastedPercent().before()) + " | "
                + Deltas.ratio(m.userWastedPercent().after()) + " | " + Deltas.points(m.userWastedPercent().delta()) + " |");
        out.println();
        ImageDiff.SharedLayers s = diff.sharedLayers();
        out.println("**Layers**: " + s.count() + " shared (" + Sizes.si(s.bytes()) + "), " + s.onlyBefore()
                + " only before, " + s.onlyAfter() + " only after.");
        out.println();
        findings(diff.findings(), out);
        files(diff.files(), out);
        layers(diff.layers(), out);
        out.flush();
    }

    private static void bytes(String name, ImageDiff.ByteDelta d, PrintWriter out) {
        out.println("| " + name + " | " + Sizes.si(d.before()) + " | " + Sizes.si(d.after()) + " | " + Deltas.bytes(d.delta())
                + " |");
    }

    private static void findings(ImageDiff.FindingChanges f, PrintWriter out) {
        out.println("**Findings**: " + f.fixed().size() + " fixed, " + f.introduced().size() + " introduced, "
                + f.unchanged() + " unchanged.");
        if (!f.fixed().isEmpty() || !f.introduced().isEmpty()) {
            out.println();
            out.println("| | severity | rule | where |");
            out.println("|---|---|---|---|");
            for (Finding x : f.fixed()) {
                out.println("| ✅ fixed | " + x.severity().id() + " | " + Markdown.code(x.id()) + " | "
                        + MarkdownReportWriter.where(x) + " |");
            }
            for (Finding x : f.introduced()) {
                out.println("| ❌ introduced | " + x.severity().id() + " | " + Markdown.code(x.id()) + " | "
                        + MarkdownReportWriter.where(x) + " |");
            }
        }
        out.println();
    }

    private static void files(ImageDiff.FileChanges files, PrintWriter out) {
        out.println("<details><summary>Files: " + files.addedCount() + " added, " + files.removedCount() + " removed, "
                + files.changedCount() + " changed (net " + Deltas.bytes(files.netBytes()) + ")</summary>");
        out.println();
        if (!files.directories().isEmpty()) {
            out.println("| directory | added | removed | changed | bytes |");
            out.println("|---|---:|---:|---:|---:|");
            for (ImageDiff.DirectoryChange d : files.directories()) {
                out.println("| " + Markdown.code(d.path()) + " | " + d.added() + " | " + d.removed() + " | " + d.changed()
                        + " | " + Deltas.bytes(d.deltaBytes()) + " |");
            }
            out.println();
        }
        fileTable("added", files.added(), out);
        fileTable("removed", files.removed(), out);
        fileTable("changed", files.changed(), out);
        out.println("</details>");
        out.println();
    }

    private static void fileTable(String kind, List<ImageDiff.FileChange> changes, PrintWriter out) {
        if (changes.isEmpty()) {
            return;
        }
        out.println("| " + kind + " | bytes | what |");
        out.println("|---|---:|---|");
        for (ImageDiff.FileChange c : changes) {
            out.println("| " + Markdown.code(c.path()) + " | " + Deltas.bytes(c.deltaBytes()) + " | "
                    + String.join(", ", c.changes()) + " |");
        }
        out.println();
    }

    private static void layers(List<ImageDiff.LayerRow> rows, PrintWriter out) {
        out.println("<details><summary>Layers side by side</summary>");
        out.println();
        out.println("| | # before | size | # after | size | command |");
        out.println("|---|---:|---:|---:|---:|---|");
        for (ImageDiff.LayerRow r : rows) {
            ImageDiff.LayerSide b = r.before();
            ImageDiff.LayerSide a = r.after();
            String command = Commands.shortForm(a != null ? a.command() : b.command());
            out.println("| " + r.status() + " | " + (b == null ? "" : b.index()) + " | " + (b == null ? "" : Sizes.si(b.sizeBytes()))
                    + " | " + (a == null ? "" : a.index()) + " | " + (a == null ? "" : Sizes.si(a.sizeBytes())) + " | "
                    + Markdown.code(MarkdownReportWriter.cut(command, 120)) + " |");
        }
        out.println();
        out.println("</details>");
    }
}
