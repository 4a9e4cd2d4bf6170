package dev.layerlens.core.report;

import dev.layerlens.core.analysis.DiveMetrics;
import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.ReclaimablePath;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The human report: image summary, layer table (commands cut to the terminal width), the paths
 * behind the reclaimable bytes, the findings, dive's metrics, notes on reading the image, and last
 * the readiness grade with the biggest wins first. Every string from the image is sanitised.
 */
public final class TextReportWriter {
    private static final int TOP_RECLAIMABLE = 10;
    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";

    private final int width;
    private final boolean colour;

    /**
     * @param width  terminal columns; commands are cut to fit
     * @param colour emphasise headings with ANSI bold
     */
    public TextReportWriter(int width, boolean colour) {
        this.width = Math.max(40, width);
        this.colour = colour;
    }

    public void write(Report report, PrintWriter out) {
        summary(report, out);
        layers(report, out);
        reclaimable(report, out);
        findings(report, out);
        dive(report.metrics().dive(), out);
        notes(report, out);
        // last, so the report ends with what to do first: the grade and the biggest wins
        ReadinessText.write(report.readiness(), report.image().sizeBytes(), width, this::heading, out);
        out.flush();
    }

    private void summary(Report report, PrintWriter out) {
        Report.ImageSummary image = report.image();
        out.println(heading("Image " + TerminalText.sanitize(image.reference())));
        out.printf("  source        %s, %s%n", image.source(), image.platform());
        out.printf("  image id      %s%n", image.digest());
        String compressed = image.compressedSizeBytes() == null ? "" : " (" + Sizes.si(image.compressedSizeBytes()) + " compressed)";
        out.printf("  size          %s in %d layers%s%n", Sizes.si(image.sizeBytes()), image.layerCount(), compressed);
        out.printf("  visible       %s of files in the final filesystem%n", Sizes.si(image.visibleBytes()));
        long reclaimable = report.metrics().reclaimableBytes();
        out.printf("  reclaimable   %s (%s of the image) in %d paths: files later layers hide%n", Sizes.si(reclaimable),
                percent(image.sizeBytes() == 0 ? 0 : (double) reclaimable / image.sizeBytes()), report.reclaimable().size());
        if (!image.verified()) {
            out.println("  digests       not verified (--no-verify)");
        }
        out.println();
    }

    private void layers(Report report, PrintWriter out) {
        out.println(heading("Layers"));
        String header = String.format("  %3s  %9s  %10s  %7s  %s", "#", "SIZE", "COMPRESSED", "FILES", "COMMAND");
        out.println(header);
        int commandWidth = width - (header.length() - "COMMAND".length());
        for (Report.LayerReport layer : report.layers()) {
            String compressed = layer.compressedSizeBytes() == null ? "-" : Sizes.si(layer.compressedSizeBytes());
            String command = layer.command().isEmpty() ? "<no history>" : Commands.shortForm(layer.command());
            out.printf("  %3d  %9s  %10s  %7d  %s%n", layer.index(), Sizes.si(layer.sizeBytes()), compressed,
                    layer.fileCount(), TerminalText.fit(command, commandWidth));
        }
        out.println();
    }

    private void reclaimable(Report report, PrintWriter out) {
        List<ReclaimablePath> paths = report.reclaimable();
        if (paths.isEmpty()) {
            out.println(heading("Reclaimable") + ": none, every shipped byte is visible");
            out.println();
            return;
        }
        out.println(heading("Reclaimable") + String.format(" (top %d of %d paths)", Math.min(TOP_RECLAIMABLE, paths.size()),
                paths.size()));
        String header = String.format("  %9s  %-11s  %-18s  %s", "BYTES", "REASON", "SHIPPED → HIDDEN", "PATH");
        out.println(header);
        int pathWidth = width - (header.length() - "PATH".length());
        for (ReclaimablePath p : paths.subList(0, Math.min(TOP_RECLAIMABLE, paths.size()))) {
            String layers = p.layers().stream().map(String::valueOf).collect(Collectors.joining(",")) + " → " + p.hiddenBy();
            out.printf("  %9s  %-11s  %-18s  %s%n", Sizes.si(p.bytes()), p.reason().id(), layers,
                    TerminalText.fit(p.path(), pathWidth));
        }
        out.println();
    }

    private void findings(Report report, PrintWriter out) {
        if (report.findings().isEmpty()) {
            return;
        }
        out.println(heading("Findings") + " (" + report.findings().size() + ")");
        for (Finding f : report.findings()) {
            StringBuilder where = new StringBuilder();
            if (f.layerIndex() != null) {
                where.append("layer ").append(f.layerIndex());
            }
            if (f.path() != null) {
                where.append(where.length() > 0 ? ", " : "").append(f.path());
            }
            String bytes = f.bytes() == null ? "" : "  " + Sizes.si(f.bytes());
            out.printf("  %-8s %s%s%n", f.severity().id().toUpperCase(Locale.ROOT), f.id(), bytes);
            out.println("           " + TerminalText.fit(f.title(), width - 11));
            if (where.length() > 0) {
                out.println("           where: " + TerminalText.fit(where.toString(), width - 18));
            }
            if (f.evidence() != null) {
                out.println("           seen:  " + TerminalText.fit(f.evidence(), width - 18));
            }
            if (f.remedy() != null) {
                out.println("           fix:   " + TerminalText.fit(f.remedy(), width - 18));
            }
        }
        out.println();
    }

    private void dive(DiveMetrics dive, PrintWriter out) {
        out.println(heading("dive metrics"));
        out.printf("  efficiency          %s%n", percent(dive.efficiency()));
        out.printf("  wastedBytes         %d bytes (%s)%n", dive.wastedBytes(), Sizes.si(dive.wastedBytes()));
        out.printf("  userWastedPercent   %s%n",
                dive.userWastedPercent() == null ? "n/a (no layers above the base)" : percent(dive.userWastedPercent()));
        out.println();
    }

    private void notes(Report report, PrintWriter out) {
        if (report.notes().isEmpty()) {
            return;
        }
        out.println(heading("Notes"));
        for (String note : report.notes()) {
            out.println("  - " + TerminalText.sanitize(note));
        }
        out.println();
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.2f %%", ratio * 100);
    }

    private String heading(String text) {
        return colour ? BOLD + text + RESET : text;
    }
}
