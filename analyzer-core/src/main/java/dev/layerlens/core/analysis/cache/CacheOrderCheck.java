package dev.layerlens.core.analysis.cache;

import dev.layerlens.core.analysis.AnalysisContext;
import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.ImageCheck;
import dev.layerlens.core.analysis.Severity;
import dev.layerlens.core.report.Plural;
import dev.layerlens.core.report.Sizes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code cache/copy-before-dependency-install}: a broad copy of the build context comes before a
 * dependency install, so every source change reinstalls the dependencies. The finding names the
 * manifests found in that COPY layer and the cache exposure now and after the fix; its bytes are
 * what the fix takes out of every source-only rebuild and push.
 */
public final class CacheOrderCheck implements ImageCheck {
    public static final String ID = "cache/copy-before-dependency-install";

    @Override
    public Set<String> ids() {
        return Set.of(ID);
    }

    @Override
    public List<Finding> findings(AnalysisContext context) {
        CopyOrder order = CopyOrder.analyse(context);
        CacheExposure exposure = order.exposure();
        List<Finding> out = new ArrayList<>();
        for (CopyOrder.Misplaced m : order.misplaced()) {
            long saved = 0;
            for (CopyOrder.Install install : m.installs()) {
                saved += context.scans().get(install.layer()).sizeBytes();
            }
            List<String> manifests = relevant(m);
            out.add(new Finding(ID, Severity.MEDIUM, "Sources are copied before the dependencies are installed",
                    m.copy().layer(), manifests.isEmpty() ? null : manifests.get(0),
                    evidence(m, exposure, context.scans().size()), remedy(m), saved));
        }
        return out;
    }

    private static String evidence(CopyOrder.Misplaced m, CacheExposure exposure, int layerCount) {
        CopyStep copy = m.copy();
        StringBuilder s = new StringBuilder();
        s.append("layer ").append(copy.layer()).append(" (").append(copy.instruction().shortDisplay())
                .append(") ships ");
        List<String> manifests = relevant(m);
        if (manifests.isEmpty()) {
            s.append(Plural.of(copy.sourceFiles(), "source file"));
        } else {
            s.append(String.join(", ", manifests)).append(" and ").append(Plural.of(copy.sourceFiles(), "other file"));
        }
        s.append("; then ");
        s.append(m.installs().stream().map(i -> "layer " + i.layer() + " (" + i.instruction().shortDisplay() + ")")
                .collect(Collectors.joining(", ")));
        s.append(m.installs().size() == 1 ? " installs" : " install").append(" dependencies after it");
        if (exposure != null) {
            s.append("; a source-only change rebuilds and re-pushes ").append(Sizes.si(exposure.nowBytes()))
                    .append(" (layers ").append(exposure.fromLayer()).append("–").append(layerCount - 1)
                    .append("), ").append(Sizes.si(exposure.afterFixBytes())).append(" after the fix");
        }
        return s.toString();
    }

    /** The manifests of this copy that the following installs read. */
    private static List<String> relevant(CopyOrder.Misplaced m) {
        Set<Ecosystem> ecosystems = CopyOrder.ecosystems(m);
        return m.copy().manifests().stream()
                .filter(p -> ecosystems.stream().anyMatch(e -> e.isManifest(p)))
                .toList();
    }

    /** {@code COPY package.json package-lock.json ./ → RUN npm install → COPY . .} */
    private static String remedy(CopyOrder.Misplaced m) {
        String copy = m.copy().instruction().shortDisplay();
        String install = m.installs().get(0).instruction().shortDisplay();
        List<String> manifests = relevant(m);
        if (manifests.isEmpty()) {
            return "move " + install + " above " + copy + ": it needs nothing the copy brings";
        }
        String destText = CopyStep.destination(m.copy().instruction().arguments());
        String destDir = CopyOrder.resolve(m.workdir(), destText.isEmpty() ? "." : destText);
        destDir = normalize(destDir);
        String shownDest = destText.isEmpty() || destText.equals(".") ? "./" : destText.endsWith("/") ? destText : destText + "/";
        Map<String, List<String>> byDir = new LinkedHashMap<>();
        for (String path : manifests) {
            String relative = path.startsWith(destDir.equals("/") ? "/" : destDir + "/")
                    ? path.substring(destDir.equals("/") ? 1 : destDir.length() + 1) : path;
            int slash = relative.lastIndexOf('/');
            String dir = slash < 0 ? "" : relative.substring(0, slash + 1);
            byDir.computeIfAbsent(dir, d -> new ArrayList<>()).add(relative);
        }
        String copies = byDir.entrySet().stream()
                .map(e -> "COPY " + String.join(" ", e.getValue()) + " "
                        + (e.getKey().startsWith("/") ? e.getKey() : shownDest + e.getKey()))
                .collect(Collectors.joining(" → "));
        return "copy the manifests first, install, then copy the rest: " + copies + " → " + install + " → " + copy;
    }

    /** {@code /app/./} → {@code /app}. */
    private static String normalize(String dir) {
        String d = dir.replace("/./", "/");
        while (d.endsWith("/.")) {
            d = d.substring(0, d.length() - 2);
        }
        while (d.length() > 1 && d.endsWith("/")) {
            d = d.substring(0, d.length() - 1);
        }
        return d.isEmpty() ? "/" : d;
    }
}
