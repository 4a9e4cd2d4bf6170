package dev.layerlens.core.report;

import dev.layerlens.core.analysis.Severity;
import dev.layerlens.core.analysis.secrets.Disclosure;
import dev.layerlens.core.analysis.secrets.SecretFinding;
import dev.layerlens.core.analysis.secrets.SecretLocation;
import dev.layerlens.core.analysis.secrets.SecretScanStats;
import dev.layerlens.core.image.Image;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What {@code layerlens secrets} tells: every secret, where it is, whether the final image still
 * shows it, and the fix. Built through a {@link Disclosure}: unless secrets may be shown, no
 * field of this record holds one (documented in docs/rules.md, "Secrets report").
 *
 * @param secretsShown true under {@code --show-secrets}: evidence holds the values in clear
 */
public record SecretsReport(int schemaVersion, ImageSummary image, boolean secretsShown, Scanned scanned,
                            List<Entry> findings) {
    public static final int SCHEMA_VERSION = 1;

    public SecretsReport {
        findings = List.copyOf(findings);
    }

    public record ImageSummary(String reference, String digest, String platform, int layerCount, int historyEntries) {
    }

    /**
     * @param fileContents   false under {@code --no-file-secrets}: only history, config and file names were audited
     * @param files          regular files whose content was read, in every layer, hidden copies included
     * @param binaryFiles    skipped as binary (a NUL byte among the first 8000)
     * @param truncatedFiles larger than {@code maxFileBytes}: only that much was read
     * @param droppedMatches matches beyond the cap on recorded findings
     */
    public record Scanned(boolean fileContents, long files, long bytes, long binaryFiles, long truncatedFiles,
                          int maxFileBytes, long droppedMatches) {
    }

    /**
     * @param inFinalImage false when only a hidden copy (overwritten or deleted by a later layer) holds it
     * @param evidence     the value, redacted unless {@code secretsShown}, with what it is assigned to
     */
    public record Entry(String id, Severity severity, String title, Where where, boolean inFinalImage, String status,
                        String evidence, String remedy) {
    }

    /**
     * Where a secret is; the fields of the other kinds are null.
     *
     * @param kind        history, config or file
     * @param description the same in words
     */
    public record Where(String kind, String description, Integer layer, Integer historyEntry, String instruction,
                        String buildArg, String field, String configField, String configKey, String path, Integer line) {
    }

    public static SecretsReport of(Image image, List<SecretFinding> findings, SecretScanStats stats, Disclosure disclosure) {
        UnaryOperator<String> text = disclosure::text;
        ImageSummary summary = new ImageSummary(text.apply(image.reference()),
                image.configDigest() == null ? null : image.configDigest().toString(), image.platform().toString(),
                image.layers().size(), image.config().history().size());
        Scanned scanned = new Scanned(stats.fileContents(), stats.files(), stats.bytes(), stats.binaryFiles(),
                stats.truncatedFiles(), stats.maxFileBytes(), stats.droppedMatches());
        List<Entry> entries = findings.stream().map(f -> new Entry(f.id(), f.severity(), text.apply(f.title()),
                where(f.where(), text), f.inFinalImage(), f.status(), f.evidence(disclosure), f.remedy())).toList();
        return new SecretsReport(SCHEMA_VERSION, summary, disclosure == Disclosure.REVEAL, scanned, entries);
    }

    private static Where where(SecretLocation location, UnaryOperator<String> text) {
        String description = text.apply(location.describe());
        if (location instanceof SecretLocation.History h) {
            return new Where("history", description, h.layer(), h.entry(), h.instruction(), h.buildArg(), h.field(),
                    null, null, null, null);
        }
        if (location instanceof SecretLocation.Config c) {
            return new Where("config", description, null, null, null, null, null, c.field(),
                    c.key() == null ? null : text.apply(c.key()), null, null);
        }
        SecretLocation.File f = (SecretLocation.File) location;
        return new Where("file", description, f.layer(), null, null, null, null, null, null, text.apply(f.path()), f.line());
    }

    /** Findings of each severity, highest first, as {@code 2 critical, 1 medium}. */
    public String severityCounts() {
        StringBuilder s = new StringBuilder();
        for (Severity severity : Severity.values()) {
            long n = findings.stream().filter(e -> e.severity() == severity).count();
            if (n > 0) {
                s.append(s.length() > 0 ? ", " : "").append(n).append(' ').append(severity.id());
            }
        }
        return s.toString();
    }
}
