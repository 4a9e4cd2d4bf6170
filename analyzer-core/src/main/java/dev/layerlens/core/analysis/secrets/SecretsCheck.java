package dev.layerlens.core.analysis.secrets;

import dev.layerlens.core.analysis.AnalysisContext;
import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.ImageCheck;
import dev.layerlens.core.fs.FileNode;
import dev.layerlens.core.fs.FileTree;
import dev.layerlens.core.fs.FileVersion;
import dev.layerlens.core.layer.ContentInspector;
import dev.layerlens.core.layer.EntryType;
import dev.layerlens.core.layer.LayerEntry;
import dev.layerlens.core.layer.LayerScan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The secrets audit: the history and config, and the content of every file of every layer,
 * including copies a later layer overwrote or deleted — those still ship with the image. Each
 * finding says whether the final image still shows it. A fresh instance serves one analysis run.
 */
public final class SecretsCheck implements ImageCheck {
    private final SecretScanner scanner;
    private final Disclosure disclosure;
    private final SecretInspector inspector;
    private final boolean fileContents;
    private List<SecretFinding> results = List.of();

    public SecretsCheck(SecretScanOptions options, Disclosure disclosure) {
        this(SecretScanner.standard(), options, disclosure);
    }

    SecretsCheck(SecretScanner scanner, SecretScanOptions options, Disclosure disclosure) {
        this.scanner = scanner;
        this.disclosure = disclosure;
        this.inspector = new SecretInspector(scanner, options);
        this.fileContents = options.fileContents();
    }

    @Override
    public ContentInspector contentInspector() {
        return fileContents ? inspector : null;
    }

    /** The ids of the scanner's rules and of the sensitive file kinds. */
    @Override
    public Set<String> ids() {
        return Stream.concat(scanner.rules().stream().map(SecretRule::id),
                Stream.of(SensitiveFile.values()).map(SensitiveFile::id)).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public List<Finding> findings(AnalysisContext context) {
        results = audit(context);
        return results.stream().map(f -> f.toFinding(disclosure)).toList();
    }

    /** The findings of the last {@link #findings} call, with their values (for the secrets report). */
    public List<SecretFinding> secretFindings() {
        return results;
    }

    /** What the content scan read and skipped. */
    public SecretScanStats stats() {
        return inspector.stats();
    }

    private List<SecretFinding> audit(AnalysisContext context) {
        List<SecretFinding> out = new ArrayList<>(new MetadataAudit(scanner).audit(context.image()));
        FileTree tree = context.tree();
        for (SecretInspector.FileMatch m : inspector.matches()) {
            SecretRule rule = m.match().rule();
            FileVersion version = versionOf(tree, m.path(), m.layer());
            SecretLocation.File where = new SecretLocation.File("/" + m.path(), m.layer(), m.match().line());
            boolean visible = version == null || version.isVisible();
            out.add(new SecretFinding(rule.id(), rule.severity(), rule.name(), where, visible, status(version, m.layer()),
                    m.match().name(), m.match().value(), Remedies.forFile(rule.revoke(), where, visible), null));
        }
        for (SecretInspector.ConfirmedKind k : inspector.confirmedKinds()) {
            out.add(kindFinding(tree, k.kind(), k.path(), k.layer()));
        }
        // kinds known by name alone, whatever their content (even empty)
        for (LayerScan scan : context.scans()) {
            for (LayerEntry entry : scan.entries()) {
                if (entry.type() == EntryType.FILE) {
                    SensitiveFile kind = SensitiveFile.of(entry.path());
                    if (kind != null && !kind.needsContent()) {
                        out.add(kindFinding(tree, kind, entry.path(), scan.index()));
                    }
                }
            }
        }
        out.sort(ORDER);
        return List.copyOf(out);
    }

    private static SecretFinding kindFinding(FileTree tree, SensitiveFile kind, String path, int layer) {
        FileVersion version = versionOf(tree, path, layer);
        boolean visible = version == null || version.isVisible();
        SecretLocation.File where = new SecretLocation.File("/" + path, layer, null);
        return new SecretFinding(kind.id(), kind.severity(), kind.kind(), where, visible, status(version, layer), null, null,
                Remedies.forKind(kind, where, visible), version == null ? null : version.size());
    }

    /** The copy of {@code path} that {@code layer} shipped (its last, if it shipped the path twice). */
    private static FileVersion versionOf(FileTree tree, String path, int layer) {
        FileNode node = tree.find(path);
        if (node == null) {
            return null;
        }
        FileVersion found = null;
        for (FileVersion v : node.versions()) {
            if (v.layer() == layer) {
                found = v;
            }
        }
        return found;
    }

    /** "in the final filesystem", or which later layer hid this copy while it still ships. */
    static String status(FileVersion version, int layer) {
        if (version == null || version.isVisible()) {
            return "in the final filesystem";
        }
        String by = " in layer " + version.hiddenBy() + ", still shipped in layer " + layer;
        return switch (version.hideReason()) {
            case DELETED -> "deleted" + by;
            case OVERWRITTEN -> "overwritten" + by;
            case DIR_REMOVED -> "its directory removed" + by;
        };
    }

    /** Worst first; then history, config, files; then by layer, path and line. */
    private static final Comparator<SecretFinding> ORDER = Comparator.comparing(SecretFinding::severity)
            .thenComparingInt(f -> f.where() instanceof SecretLocation.History ? 0 : f.where() instanceof SecretLocation.Config ? 1 : 2)
            .thenComparing(f -> f.where().layer(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(SecretsCheck::sortKey)
            .thenComparing(SecretFinding::id);

    private static String sortKey(SecretFinding f) {
        if (f.where() instanceof SecretLocation.History h) {
            return String.format("%08d", h.entry());
        }
        if (f.where() instanceof SecretLocation.Config c) {
            return c.field() + " " + (c.key() == null ? "" : c.key());
        }
        SecretLocation.File file = (SecretLocation.File) f.where();
        return file.path() + String.format(" %08d", file.line() == null ? 0 : file.line());
    }
}
