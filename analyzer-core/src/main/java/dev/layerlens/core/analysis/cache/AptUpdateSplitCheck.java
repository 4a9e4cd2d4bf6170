package dev.layerlens.core.analysis.cache;

import com.google.re2j.Pattern;
import dev.layerlens.core.analysis.AnalysisContext;
import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.ImageCheck;
import dev.layerlens.core.analysis.Severity;
import dev.layerlens.core.analysis.dockerfile.BuildHistory;
import dev.layerlens.core.analysis.dockerfile.Instruction;
import dev.layerlens.core.fs.FileNode;
import dev.layerlens.core.fs.FileTree;
import dev.layerlens.core.fs.FileVersion;
import dev.layerlens.core.report.Sizes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * {@code build/apt-update-separate-layer}: a RUN of this image's build runs {@code apt-get update}
 * without installing, and a later RUN installs. Once the update layer is cached, the install reads
 * stale package lists (old versions, or 404s when the mirror has moved on), and the lists ship as
 * a layer of their own. Confirmed by the bytes: the update layer must ship files under
 * {@code /var/lib/apt/lists}; the finding carries those bytes.
 */
public final class AptUpdateSplitCheck implements ImageCheck {
    public static final String ID = "build/apt-update-separate-layer";
    private static final String LISTS = "var/lib/apt/lists";
    private static final Pattern UPDATE = Pattern.compile("\\bapt(?:-get)?\\s+(?:-\\S+\\s+)*update\\b");

    @Override
    public Set<String> ids() {
        return Set.of(ID);
    }

    @Override
    public List<Finding> findings(AnalysisContext context) {
        BuildHistory history = BuildHistory.of(context.image());
        List<Instruction> own = history.own();
        List<Finding> out = new ArrayList<>();
        for (int u = 0; u < own.size(); u++) {
            Instruction update = own.get(u);
            if (!update.is("RUN") || !update.madeLayer() || !UPDATE.matcher(update.arguments()).find()
                    || Ecosystem.installedBy(update.arguments()).contains(Ecosystem.APT)) {
                continue;
            }
            Instruction install = null;
            for (Instruction later : own.subList(u + 1, own.size())) {
                if (later.is("RUN") && Ecosystem.installedBy(later.arguments()).contains(Ecosystem.APT)) {
                    install = later;
                    break;
                }
            }
            long bytes = shippedUnder(context.tree(), LISTS, update.layerIndex());
            if (install == null || bytes == 0) {
                continue;
            }
            String installStep = install.layerIndex() == null ? "history entry " + install.historyIndex()
                    : "layer " + install.layerIndex();
            out.add(new Finding(ID, Severity.LOW, "apt-get update runs in a different layer than apt-get install",
                    update.layerIndex(), "/" + LISTS,
                    "layer " + update.layerIndex() + " (" + update.shortDisplay() + ") ships "
                            + Sizes.si(bytes) + " of package lists; " + installStep + " ("
                            + install.shortDisplay() + ") installs from them later",
                    "RUN apt-get update && apt-get install -y --no-install-recommends … && rm -rf /var/lib/apt/lists/* "
                            + "(one RUN: fresh lists, and none shipped)",
                    bytes));
        }
        return out;
    }

    /** Content bytes of every copy that {@code layer} shipped below {@code dir}, hidden later or not. */
    static long shippedUnder(FileTree tree, String dir, int layer) {
        FileNode top = tree.find(dir);
        if (top == null) {
            return 0;
        }
        long bytes = 0;
        Deque<FileNode> stack = new ArrayDeque<>(top.children());
        while (!stack.isEmpty()) {
            FileNode node = stack.pop();
            for (FileVersion v : node.versions()) {
                if (v.layer() == layer) {
                    bytes += v.contentBytes();
                }
            }
            stack.addAll(node.children());
        }
        return bytes;
    }
}
