package dev.layerlens.core.report;

import dev.layerlens.core.analysis.DiveMetrics;
import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.ReclaimablePath;
import dev.layerlens.core.policy.PolicyInput;
import dev.layerlens.core.policy.RuleOutcome;
import dev.layerlens.core.policy.RuleStatus;
import dev.layerlens.core.policy.Verdict;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * A summary to paste in a pull-request comment: the figures, the CI verdict when there is one,
 * the findings; layers and reclaimable paths folded in {@code <details>}. Every string from the
 * image is escaped ({@link Markdown}).
 */
public final class MarkdownReportWriter {
    static final int TOP_FINDINGS = 25;
    static final int TOP_RECLAIMABLE = 10;

    private MarkdownReportWriter() {
    }

    /** @param verdict the CI gate's verdict, or null outside CI mode */
    public static void write(Report report, Verdict verdict, PrintWriter out) {
        Report.ImageSummary image = report.image();
        String outcome = verdict == null ? "" : verdict.passed() ? " — ✅ CI gate passed" : " — ❌ CI gate failed";
        out.println("### layerlens: " + Markdown.code(image.reference()) + outcome);
        out.println();
        figures(report, out);
        if (verdict != null) {
            gate(verdict, out);
        }
        findings(report.findings(), out);
        layers(report, out);
        reclaimable(report, out);
        out.flush();
    }

    private static void figures(Report report, PrintWriter out) {
        Report.ImageSummary image = report.image();
        DiveMetrics dive = report.metrics().dive();
        long reclaimable = report.metrics().reclaimableBytes();
        long removable = PolicyInput.of(report).removableBytes();
        out.println("| figure | value |");
        out.println("|---|---:|");
        out.println("| size | " + Sizes.si(image.sizeBytes()) + " in " + image.layerCount() + " layers |");
        if (image.compressedSizeBytes() != null) {
            out.println("| compressed | " + Sizes.si(image.compressedSizeBytes()) + " |");
        }
        out.println("| visible files | " + Sizes.si(image.visibleBytes()) + " |");
        out.println("| reclaimable (hidden by later layers) | " + Sizes.si(reclaimable) + " ("
                + share(reclaimable, image.sizeBytes()) + ") |");
        if (removable > 0) {
            out.println("| removable (not needed at run time) | " + Sizes.si(removable) + " ("
                    + share(removable, image.sizeBytes()) + ") |");
        }
        out.println("| dive efficiency | " + Deltas.ratio(dive.efficiency()) + " |");
        out.println("| dive wastedBytes | " + Sizes.si(dive.wastedBytes()) + " |");
        out.println("| dive userWastedPercent | " + Deltas.ratio(dive.userWastedPercent()) + " |");
        out.println();
    }

    private static void gate(Verdict verdict, PrintWriter out) {
        out.println("**CI gate** (rules from " + Markdown.code(verdict.source()) + "): "
                + verdict.count(RuleStatus.PASS) + " passed, " + verdict.count(RuleStatus.FAIL) + " failed, "
                + verdict.count(RuleStatus.DISABLED) + " disabled");
        out.println();
        out.println("| | rule | threshold | measured | why |");
        out.println("|---|---|---|---|---|");
        for (RuleOutcome o : verdict.outcomes()) {
            String mark = switch (o.status()) {
                case PASS -> "✅";
                case FAIL -> "❌";
                case DISABLED -> "⏭️";
            };
            out.println("| " + mark + " | " + o.key() + " | " + Markdown.code(o.threshold()) + " | "
                    + Markdown.text(o.measured() == null ? "" : o.measured()) + " | "
                    + Markdown.text(o.message() == null ? "" : o.message()) + " |");
        }
        out.println();
    }

    private static void findings(List<Finding> findings, PrintWriter out) {
        if (findings.isEmpty()) {
            out.println("**Findings**: none");
            out.println();
            return;
        }
        out.println("**Findings** (" + findings.size() + ")");
        out.println();
        out.println("| severity | rule | where | what | bytes |");
        out.println("|---|---|---|---|---:|");
        for (Finding f : findings.subList(0, Math.min(TOP_FINDINGS, findings.size()))) {
            out.println("| " + f.severity().id() + " | " + Markdown.code(f.id()) + " | " + where(f) + " | "
                    + Markdown.text(f.title()) + " | " + (f.bytes() == null ? "" : Sizes.si(f.bytes())) + " |");
        }
        if (findings.size() > TOP_FINDINGS) {
            out.println();
            out.println("… and " + (findings.size() - TOP_FINDINGS) + " more (see the full report).");
        }
        out.println();
    }

    static String where(Finding f) {
        String layer = f.layerIndex() == null ? "" : "layer " + f.layerIndex();
        String path = f.path() == null ? "" : Markdown.code(f.path());
        return layer.isEmpty() || path.isEmpty() ? layer + path : layer + " " + path;
    }

    private static void layers(Report report, PrintWriter out) {
        out.println("<details><summary>Layers (" + report.layers().size() + ")</summary>");
        out.println();
        out.println("| # | size | compressed | reclaimable | command |");
        out.println("|---:|---:|---:|---:|---|");
        for (Report.LayerReport l : report.layers()) {
            out.println("| " + l.index() + " | " + Sizes.si(l.sizeBytes()) + " | "
                    + (l.compressedSizeBytes() == null ? "" : Sizes.si(l.compressedSizeBytes())) + " | "
                    + (l.reclaimableBytes() == 0 ? "" : Sizes.si(l.reclaimableBytes())) + " | "
                    + Markdown.code(cut(Commands.shortForm(l.command()), 120)) + " |");
        }
        out.println();
        out.println("</details>");
        out.println();
    }

    private static void reclaimable(Report report, PrintWriter out) {
        List<ReclaimablePath> paths = report.reclaimable();
        if (paths.isEmpty()) {
            return;
        }
        int shown = Math.min(TOP_RECLAIMABLE, paths.size());
        out.println("<details><summary>Reclaimable paths (top " + shown + " of " + paths.size() + ")</summary>");
        out.println();
        out.println("| bytes | reason | shipped in | hidden by | path |");
        out.println("|---:|---|---|---:|---|");
        for (ReclaimablePath p : paths.subList(0, shown)) {
            out.println("| " + Sizes.si(p.bytes()) + " | " + p.reason().id() + " | " + p.layers() + " | " + p.hiddenBy()
                    + " | " + Markdown.code(p.path()) + " |");
        }
        out.println();
        out.println("</details>");
    }

    static String share(long part, long whole) {
        return whole == 0 ? "0 %" : String.format(Locale.ROOT, "%.1f %%", part * 100.0 / whole);
    }

    static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
