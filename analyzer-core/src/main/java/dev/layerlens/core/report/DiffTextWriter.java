package dev.layerlens.core.report;

import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.diff.ImageDiff;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** {@code layerlens diff} for people: sizes, layers side by side, files, figures, findings. */
public final class DiffTextWriter {
    private final int width;

    /** @param width terminal columns; commands and paths are cut to fit */
    public DiffTextWriter(int width) {
        this.width = Math.max(60, width);
    }

    public void write(ImageDiff diff, PrintWriter out) {
        summary(diff, out);
        layers(diff, out);
        files(diff.files(), out);
        metrics(diff.metrics(), out);
        findings(diff.findings(), out);
        out.flush();
    }

    private void summary(ImageDiff diff, PrintWriter out) {
        ImageDiff.Side b = diff.before();
        ImageDiff.Side a = diff.after();
        out.println("Before  " + TerminalText.fit(b.reference(), width - 8) + "  " + shortId(b.digest()));
        out.println("After   " + TerminalText.fit(a.reference(), width - 8) + "  " + shortId(a.digest()));
        out.println();
        out.printf("  %-12s %12s %12s %12s %9s%n", "", "BEFORE", "AFTER", "DELTA", "%");
        out.printf("  %-12s %12s %12s %12s %9s%n", "size", Sizes.si(b.sizeBytes()), Sizes.si(a.sizeBytes()),
                Deltas.bytes(diff.sizeDeltaBytes()), Deltas.percent(diff.sizeDeltaPercent()));
        if (diff.compressedSizeDeltaBytes() != null) {
            out.printf("  %-12s %12s %12s %12s %9s%n", "compressed", Sizes.si(b.compressedSizeBytes()),
                    Sizes.si(a.compressedSizeBytes()), Deltas.bytes(diff.compressedSizeDeltaBytes()),
                    Deltas.percent(diff.compressedSizeDeltaPercent()));
        }
        out.printf("  %-12s %12d %12d %12s%n", "layers", b.layerCount(), a.layerCount(),
                String.format(Locale.ROOT, "%+d", a.layerCount() - b.layerCount()));
        ImageDiff.SharedLayers shared = diff.sharedLayers();
        out.printf("  shared layers: %d (%s), %d at the base; %d only before, %d only after%n", shared.count(),
                Sizes.si(shared.bytes()), shared.commonBaseLayers(), shared.onlyBefore(), shared.onlyAfter());
        out.println();
    }

    private void layers(ImageDiff diff, PrintWriter out) {
        out.println("Layers");
        String header = String.format("  %-8s %3s %9s   %3s %9s  %s", "", "#", "BEFORE", "#", "AFTER", "COMMAND");
        out.println(header);
        int commandWidth = width - (header.length() - "COMMAND".length());
        for (ImageDiff.LayerRow row : diff.layers()) {
            ImageDiff.LayerSide b = row.before();
            ImageDiff.LayerSide a = row.after();
            String command = a != null ? a.command() : b.command();
            out.printf("  %-8s %3s %9s   %3s %9s  %s%n", row.status(), b == null ? "" : b.index(),
                    b == null ? "" : Sizes.si(b.sizeBytes()), a == null ? "" : a.index(),
                    a == null ? "" : Sizes.si(a.sizeBytes()),
                    TerminalText.fit(command.isEmpty() ? "<no history>" : Commands.shortForm(command), commandWidth));
        }
        out.println();
    }

    private void files(ImageDiff.FileChanges files, PrintWriter out) {
        out.printf("Files: %d added (%s), %d removed (%s), %d changed (%s); net %s%n", files.addedCount(),
                Deltas.bytes(files.addedBytes()), files.removedCount(), Deltas.bytes(-files.removedBytes()),
                files.changedCount(), Deltas.bytes(files.changedDeltaBytes()), Deltas.bytes(files.netBytes()));
        if (files.addedCount() + files.removedCount() + files.changedCount() == 0) {
            out.println();
            return;
        }
        out.println("  By directory");
        for (ImageDiff.DirectoryChange d : files.directories()) {
            out.printf("    %10s  +%d -%d ~%d  %s%n", Deltas.bytes(d.deltaBytes()), d.added(), d.removed(), d.changed(),
                    TerminalText.fit(d.path(), width - 30));
        }
        list("Added", files.added(), files.addedCount(), out);
        list("Removed", files.removed(), files.removedCount(), out);
        list("Changed", files.changed(), files.changedCount(), out);
        out.println();
    }

    private void list(String title, List<ImageDiff.FileChange> changes, int total, PrintWriter out) {
        if (changes.isEmpty()) {
            return;
        }
        out.printf("  %s (%s)%n", title, changes.size() == total ? String.valueOf(total)
                : "largest " + changes.size() + " of " + total);
        for (ImageDiff.FileChange c : changes) {
            String what = c.changes().isEmpty() ? "" : "  (" + String.join(", ", c.changes()) + ")";
            out.printf("    %10s  %s%s%n", Deltas.bytes(c.deltaBytes()), TerminalText.fit(c.path(), width - 16 - what.length()),
                    what);
        }
    }

    private void metrics(ImageDiff.Metrics m, PrintWriter out) {
        out.println("Figures");
        out.printf("  %-20s %12s %12s %12s%n", "", "BEFORE", "AFTER", "DELTA");
        bytesRow("reclaimable", m.reclaimableBytes(), out);
        bytesRow("removable", m.removableBytes(), out);
        bytesRow("visible", m.visibleBytes(), out);
        out.printf("  %-20s %12s %12s %12s%n", "efficiency", Deltas.ratio(m.efficiency().before()),
                Deltas.ratio(m.efficiency().after()), Deltas.points(m.efficiency().delta()));
        bytesRow("wastedBytes", m.wastedBytes(), out);
        out.printf("  %-20s %12s %12s %12s%n", "userWastedPercent", Deltas.ratio(m.userWastedPercent().before()),
                Deltas.ratio(m.userWastedPercent().after()), Deltas.points(m.userWastedPercent().delta()));
        out.println();
    }

    private static void bytesRow(String name, ImageDiff.ByteDelta d, PrintWriter out) {
        out.printf("  %-20s %12s %12s %12s%n", name, Sizes.si(d.before()), Sizes.si(d.after()), Deltas.bytes(d.delta()));
    }

    private void findings(ImageDiff.FindingChanges f, PrintWriter out) {
        out.printf("Findings: %d fixed, %d introduced, %d unchanged%n", f.fixed().size(), f.introduced().size(),
                f.unchanged());
        for (Finding finding : f.fixed()) {
            out.println("  fixed       " + line(finding));
        }
        for (Finding finding : f.introduced()) {
            out.println("  introduced  " + line(finding));
        }
    }

    private String line(Finding f) {
        String text = f.severity().id().toUpperCase(Locale.ROOT) + " " + f.id() + (f.path() == null ? "" : " " + f.path());
        return TerminalText.fit(text, width - 14);
    }

    static String shortId(String digest) {
        if (digest == null) {
            return "";
        }
        int colon = digest.indexOf(':');
        String hex = digest.substring(colon + 1);
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }
}
