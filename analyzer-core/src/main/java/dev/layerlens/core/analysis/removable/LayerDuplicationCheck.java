package dev.layerlens.core.analysis.removable;

import dev.layerlens.core.analysis.AnalysisContext;
import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.ImageCheck;
import dev.layerlens.core.analysis.Severity;
import dev.layerlens.core.analysis.dockerfile.BuildHistory;
import dev.layerlens.core.fs.FileNode;
import dev.layerlens.core.fs.FileVersion;
import dev.layerlens.core.layer.EntryType;
import dev.layerlens.core.report.Sizes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code waste/layer-duplication}: a layer ships files again with the very content the layer below
 * already had ({@code chmod -R}, {@code chown -R}, {@code touch}, a RUN that rewrites files
 * unchanged). Content equality is the scan's per-file checksum
 * ({@link dev.layerlens.core.layer.ScanOptions#hashContents()}) plus the size; without checksums
 * (--no-verify) the check reports nothing, because it cannot tell a re-shipped file from a changed one.
 * Reported per layer when the re-shipped bytes reach {@link #MIN_BYTES}.
 */
public final class LayerDuplicationCheck implements ImageCheck {
    public static final String ID = "waste/layer-duplication";
    static final long MIN_BYTES = 100_000;

    /** What one layer re-shipped unchanged. */
    private static final class Tally {
        long bytes;
        long files;
        long metadataOnly;
        String common;

        void add(String path, FileVersion now, FileVersion before) {
            bytes += now.contentBytes();
            files++;
            if (now.mode() != before.mode() || now.uid() != before.uid() || now.gid() != before.gid()) {
                metadataOnly++;
            }
            common = common == null ? parentOf(path) : commonDirectory(common, path);
        }
    }

    @Override
    public Set<String> ids() {
        return Set.of(ID);
    }

    @Override
    public List<Finding> findings(AnalysisContext context) {
        int layers = context.scans().size();
        Tally[] tallies = new Tally[layers];
        context.tree().forEachNode(node -> compare(node, tallies));
        BuildHistory history = BuildHistory.of(context.image());
        List<Finding> out = new ArrayList<>();
        for (int layer = 0; layer < layers; layer++) {
            Tally t = tallies[layer];
            if (t == null || t.bytes < MIN_BYTES) {
                continue;
            }
            String evidence = t.files + " files (" + Sizes.si(t.bytes) + ") under " + t.common
                    + " shipped again with identical content by " + RemovableCheck.step(history, layer)
                    + (t.metadataOnly > 0 ? "; " + t.metadataOnly + " of them only changed owner or mode" : "");
            out.add(new Finding(ID, t.bytes >= 10_000_000 ? Severity.MEDIUM : Severity.LOW,
                    Sizes.si(t.bytes) + " shipped twice: layer " + layer + " repeats unchanged files", layer, t.common,
                    evidence, "set owner and mode where the files are created (COPY --chown=… --chmod=…, or chown/chmod "
                    + "in the same RUN that writes them) instead of in a later layer", t.bytes));
        }
        return out;
    }

    private static void compare(FileNode node, Tally[] tallies) {
        List<FileVersion> versions = node.versions();
        for (int i = 1; i < versions.size(); i++) {
            FileVersion now = versions.get(i);
            FileVersion before = versions.get(i - 1);
            if (now.type() == EntryType.FILE && before.type() == EntryType.FILE && now.contentHash() != 0
                    && now.contentHash() == before.contentHash() && now.size() == before.size()
                    && before.visibleAt(now.layer() - 1) && now.contentBytes() > 0) {
                Tally t = tallies[now.layer()];
                if (t == null) {
                    t = tallies[now.layer()] = new Tally();
                }
                t.add("/" + node.path(), now, before);
            }
        }
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    private static String commonDirectory(String dir, String path) {
        String d = dir;
        while (!d.equals("/") && !path.startsWith(d + "/")) {
            d = parentOf(d);
        }
        return d;
    }
}
