package dev.layerlens.core.analysis.grade;

import dev.layerlens.core.analysis.cache.CacheExposure;
import java.util.List;

/**
 * The production-readiness summary of an image.
 *
 * @param grade          the overall grade and its breakdown
 * @param removableBytes Σ bytes of the {@code removable/…} findings: visible, not needed at run time
 *                       (each file counted once)
 * @param cacheExposure  what a source-only change rebuilds and re-pushes, now and after the fix;
 *                       null when no layer of the own build copies sources
 * @param wins           the byte figures of the findings by id, largest first
 */
public record Readiness(Grade grade, long removableBytes, CacheExposure cacheExposure, List<Win> wins) {
    public Readiness {
        wins = List.copyOf(wins);
    }
}
