package dev.layerlens.core.report;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The human form of a {@link SecretsReport}: a summary of what was read, then each finding with
 * where it is, whether the final image still shows it, the evidence and the fix. Every string from
 * the image is sanitised for the terminal.
 */
public final class SecretsTextWriter {
    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";
    private static final String INDENT = "           ";

    private final boolean colour;

    public SecretsTextWriter(boolean colour) {
        this.colour = colour;
    }

    public void write(SecretsReport report, PrintWriter out) {
        SecretsReport.ImageSummary image = report.image();
        out.println(heading("Secrets in " + TerminalText.sanitize(image.reference())));
        if (image.digest() != null) {
            out.println("  image id   " + image.digest());
        }
        SecretsReport.Scanned s = report.scanned();
        if (s.fileContents()) {
            out.printf("  read       %d history entries, the config, and %d files (%s) in %d layers, hidden copies included%n",
                    image.historyEntries(), s.files(), Sizes.si(s.bytes()), image.layerCount());
        } else {
            out.printf("  read       %d history entries, the config, and the file names of %d layers; no file contents"
                    + " (--no-file-secrets)%n", image.historyEntries(), image.layerCount());
        }
        if (s.binaryFiles() > 0 || s.truncatedFiles() > 0) {
            out.printf("  skipped    %d binary files; %d files read only up to %s%n", s.binaryFiles(), s.truncatedFiles(),
                    Sizes.si(s.maxFileBytes()));
        }
        if (s.droppedMatches() > 0) {
            out.printf("  capped     %d more matches in files were not recorded%n", s.droppedMatches());
        }
        if (report.findings().isEmpty()) {
            out.println();
            out.println("No secrets found.");
            out.flush();
            return;
        }
        long hidden = report.findings().stream().filter(e -> !e.inFinalImage()).count();
        out.printf("  found      %d (%s)%s%n", report.findings().size(), report.severityCounts(),
                hidden == 0 ? "" : "; " + hidden + " only in copies later layers hid, which still ship");
        out.println(report.secretsShown() ? "  values     SHOWN IN CLEAR (--show-secrets)" : "  values     redacted (--show-secrets shows them)");
        out.println();
        for (SecretsReport.Entry e : report.findings()) {
            out.printf("  %-8s %s%n", e.severity().id().toUpperCase(Locale.ROOT), e.id());
            out.println(INDENT + TerminalText.sanitize(e.title()));
            out.println(INDENT + "status: " + TerminalText.sanitize(e.status()));
            out.println(INDENT + "seen:   " + TerminalText.sanitize(e.evidence()));
            out.println(INDENT + "fix:    " + TerminalText.sanitize(e.remedy()));
        }
        out.flush();
    }

    private String heading(String text) {
        return colour ? BOLD + text + RESET : text;
    }
}
