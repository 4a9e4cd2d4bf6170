package dev.layerlens.core.report;

import dev.layerlens.core.analysis.cache.CacheExposure;
import dev.layerlens.core.analysis.grade.Grade;
import dev.layerlens.core.analysis.grade.Readiness;
import dev.layerlens.core.analysis.grade.Win;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** The text report's production-readiness part: the grade and its breakdown, then biggest wins first. */
final class ReadinessText {
    static final int TOP_WINS = 10;

    private ReadinessText() {
    }

    static void write(Readiness readiness, long imageBytes, int width, UnaryOperator<String> heading, PrintWriter out) {
        if (readiness == null) {
            return;
        }
        Grade grade = readiness.grade();
        out.println(heading.apply("Production readiness") + ": grade " + grade.letter() + " (" + grade.score() + "/100)");
        for (Grade.Deduction d : grade.deductions()) {
            out.printf("  %4s  %s%n", "−" + d.points(), TerminalText.fit(d.reason(), width - 8));
        }
        out.printf("  removable        %s (%s of the image): visible, not needed at run time%n",
                Sizes.si(readiness.removableBytes()), percent(readiness.removableBytes(), imageBytes));
        CacheExposure exposure = readiness.cacheExposure();
        if (exposure != null) {
            out.printf("  cache exposure   %s rebuilt and re-pushed per source-only change (layers %d–top)%s%n",
                    Sizes.si(exposure.nowBytes()), exposure.fromLayer(),
                    exposure.savedBytes() > 0 ? ", " + Sizes.si(exposure.afterFixBytes()) + " after the fix" : "");
        }
        out.println();
        wins(readiness.wins(), width, heading, out);
    }

    private static void wins(List<Win> wins, int width, UnaryOperator<String> heading, PrintWriter out) {
        if (wins.isEmpty()) {
            return;
        }
        out.println(heading.apply("Biggest wins first") + (wins.size() > TOP_WINS
                ? String.format(" (top %d of %d)", TOP_WINS, wins.size()) : ""));
        String header = String.format("  %2s  %9s  %-8s  %s", "#", "BYTES", "LAYERS", "FIX");
        out.println(header);
        int fixWidth = width - (header.length() - "FIX".length());
        int n = 0;
        for (Win w : wins.subList(0, Math.min(TOP_WINS, wins.size()))) {
            String layers = w.layers().isEmpty() ? "-" : w.layers().stream().map(String::valueOf)
                    .collect(Collectors.joining(","));
            out.printf("  %2d  %9s  %-8s  %s%n", ++n, Sizes.si(w.bytes()), TerminalText.fit(layers, 8),
                    TerminalText.fit(w.action() + " [" + w.id() + "]", fixWidth));
        }
        out.println();
    }

    private static String percent(long part, long whole) {
        return String.format(Locale.ROOT, "%.1f %%", whole == 0 ? 0.0 : 100.0 * part / whole);
    }
}
