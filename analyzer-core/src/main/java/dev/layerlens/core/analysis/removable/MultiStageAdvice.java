package dev.layerlens.core.analysis.removable;

import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.Severity;
import dev.layerlens.core.analysis.dockerfile.BuildHistory;
import dev.layerlens.core.layer.LayerScan;
import dev.layerlens.core.report.Sizes;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code build/use-multi-stage}: what only the build needs (package caches, toolchains, -dev
 * packages, dev dependencies: {@link RemovableCategory#buildTime()}) is at least {@link #SHARE} of
 * the bytes this image's own layers add, and at least {@link #MIN_BYTES}.
 *
 * <p>Estimated size after: a final stage that starts from the same base and copies in only what
 * runs. It keeps the base layers and the files of the own layers that are still visible, less the
 * build-only ones; it loses the bytes the own layers ship that later layers hide. So
 * {@code estimate = base bytes + visible bytes of the own layers − build-only bytes}.
 */
final class MultiStageAdvice {
    static final String ID = "build/use-multi-stage";
    static final double SHARE = 0.25;
    static final long MIN_BYTES = 10_000_000;

    private MultiStageAdvice() {
    }

    static Optional<Finding> advise(RemovableFiles files, BuildHistory history, List<LayerScan> scans) {
        int base = Math.min(history.baseLayerCount(), scans.size());
        long baseBytes = 0;
        long ownBytes = 0;
        for (LayerScan scan : scans) {
            if (scan.index() < base) {
                baseBytes += scan.sizeBytes();
            } else {
                ownBytes += scan.sizeBytes();
            }
        }
        Map<RemovableCategory, Long> buildOnly = new EnumMap<>(RemovableCategory.class);
        files.visible().forEach((key, tally) -> {
            if (key.category().buildTime() && key.layer() >= base) {
                buildOnly.merge(key.category(), tally.bytes, Long::sum);
            }
        });
        long buildBytes = buildOnly.values().stream().mapToLong(Long::longValue).sum();
        if (ownBytes == 0 || buildBytes < MIN_BYTES || buildBytes < SHARE * ownBytes) {
            return Optional.empty();
        }
        long[] visibleByLayer = files.visibleBytesByLayer();
        long ownVisible = 0;
        for (int i = base; i < visibleByLayer.length; i++) {
            ownVisible += visibleByLayer[i];
        }
        long estimate = baseBytes + ownVisible - buildBytes;
        long size = baseBytes + ownBytes;
        String layers = base == scans.size() - 1 ? "layer " + base : "layers " + base + "–" + (scans.size() - 1);
        String parts = buildOnly.entrySet().stream()
                .sorted(Map.Entry.<RemovableCategory, Long>comparingByValue().reversed())
                .map(e -> e.getKey().what() + " " + Sizes.si(e.getValue())).collect(Collectors.joining(", "));
        String evidence = String.format(Locale.ROOT,
                "build-only bytes %s (%.0f %% of the %s that %s add): %s; estimate = base %s + %s still visible from %s − %s build-only",
                Sizes.si(buildBytes), 100.0 * buildBytes / ownBytes, Sizes.si(ownBytes), layers, parts,
                Sizes.si(baseBytes), Sizes.si(ownVisible), layers, Sizes.si(buildBytes));
        return Optional.of(new Finding(ID, Severity.LOW,
                "A multi-stage build would ship about " + Sizes.si(estimate) + " instead of " + Sizes.si(size), null,
                null, evidence,
                "build in a stage (FROM … AS build) and start the final stage from the runtime base, "
                        + "copying only the application and its production dependencies (COPY --from=build …)",
                size - estimate));
    }
}
