package dev.layerlens.core.analysis.removable;

import dev.layerlens.core.analysis.AnalysisContext;
import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.ImageCheck;
import dev.layerlens.core.analysis.Severity;
import dev.layerlens.core.analysis.content.Inspectors;
import dev.layerlens.core.analysis.dockerfile.BuildHistory;
import dev.layerlens.core.layer.ContentInspector;
import dev.layerlens.core.layer.LayerScan;
import dev.layerlens.core.report.Plural;
import dev.layerlens.core.report.Sizes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Removable bytes, measured from the files themselves: one {@code removable/…} finding per category,
 * root and shipping layer; {@code waste/cache-cleaned-in-later-layer} for caches deleted by a later
 * layer (the bytes stay in the earlier one); and {@code build/use-multi-stage} when what only the
 * build needs (caches, toolchains, -dev packages, dev dependencies) is at least
 * {@link MultiStageAdvice#SHARE} of the bytes this image's own layers add.
 */
public final class RemovableCheck implements ImageCheck {
    public static final String CLEANED_LATER_ID = "waste/cache-cleaned-in-later-layer";
    private static final Set<String> IDS = Stream.concat(Stream.of(RemovableCategory.values()).map(RemovableCategory::id),
            Stream.of(CLEANED_LATER_ID, MultiStageAdvice.ID)).collect(Collectors.toUnmodifiableSet());
    private static final int MAX_DETAILS = 5;

    private final DpkgPackages dpkg = new DpkgPackages();
    private final NodeDevDependencies node = new NodeDevDependencies();

    @Override
    public ContentInspector contentInspector() {
        return Inspectors.of(dpkg.inspector(), node.inspector());
    }

    @Override
    public Set<String> ids() {
        return IDS;
    }

    @Override
    public List<Finding> findings(AnalysisContext context) {
        List<LayerScan> scans = context.scans();
        RemovableFiles files = RemovableFiles.classify(context.tree(), scans.size(), dpkg.ownership(context.tree()),
                node.devDirectories(context.tree()));
        BuildHistory history = BuildHistory.of(context.image());
        List<Finding> out = new ArrayList<>();
        files.visible().entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<RemovableFiles.VisibleKey, RemovableFiles.Tally> e) -> e.getKey().layer())
                        .thenComparing(e -> -e.getValue().bytes))
                .forEach(e -> out.add(removable(e.getKey(), e.getValue(), history)));
        files.hidden().entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<RemovableFiles.HiddenKey, RemovableFiles.Tally> e) -> e.getKey().shippedBy())
                        .thenComparing(e -> -e.getValue().bytes))
                .forEach(e -> out.add(cleanedLater(e.getKey(), e.getValue(), history)));
        MultiStageAdvice.advise(files, history, scans).ifPresent(out::add);
        return out;
    }

    private static Finding removable(RemovableFiles.VisibleKey key, RemovableFiles.Tally tally, BuildHistory history) {
        RemovableCategory category = key.category();
        Severity severity = category == RemovableCategory.DOCS ? Severity.INFO : BySize.severity(tally.bytes);
        String title = Sizes.si(tally.bytes) + " of " + category.what() + " in layer " + key.layer();
        StringBuilder evidence = new StringBuilder();
        evidence.append(Plural.of(tally.files, "file"));
        if (!tally.details.isEmpty()) {
            evidence.append(": ").append(details(tally.details));
        }
        evidence.append("; added by ").append(step(history, key.layer()));
        return new Finding(category.id(), severity, title, key.layer(), key.root(), evidence.toString(),
                category.remedy(), tally.bytes);
    }

    private static Finding cleanedLater(RemovableFiles.HiddenKey key, RemovableFiles.Tally tally, BuildHistory history) {
        String title = key.category().what() + " deleted in layer " + key.hiddenBy() + ", still shipped by layer "
                + key.shippedBy();
        String evidence = Plural.of(tally.files, "file") + " (" + Sizes.si(tally.bytes)
                + ") added by " + step(history, key.shippedBy()) + "; deleted by " + step(history, key.hiddenBy());
        return new Finding(CLEANED_LATER_ID, BySize.severity(tally.bytes), title, key.shippedBy(), key.root(), evidence,
                "delete the cache in the same RUN that creates it: a later layer only hides the bytes, every pull still downloads them",
                tally.bytes);
    }

    /** The largest details first: {@code gcc-12 41.2 MB, cpp-12 22.1 MB, … (9 more)}. */
    private static String details(Map<String, Long> details) {
        List<Map.Entry<String, Long>> sorted = details.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
        String shown = sorted.stream().limit(MAX_DETAILS).map(e -> e.getKey() + " " + Sizes.si(e.getValue()))
                .collect(Collectors.joining(", "));
        return sorted.size() > MAX_DETAILS ? shown + ", … (" + (sorted.size() - MAX_DETAILS) + " more)" : shown;
    }

    /** {@code layer 3 (RUN npm install)}, build-arg values left out. */
    static String step(BuildHistory history, int layer) {
        return history.forLayer(layer).filter(i -> !i.keyword().isEmpty())
                .map(i -> "layer " + layer + " (" + i.shortDisplay() + ")")
                .orElse("layer " + layer);
    }

    /** Severity from the bytes at stake. */
    static final class BySize {
        private BySize() {
        }

        static Severity severity(long bytes) {
            if (bytes >= 50_000_000) {
                return Severity.MEDIUM;
            }
            return bytes >= 1_000_000 ? Severity.LOW : Severity.INFO;
        }
    }
}
