package dev.layerlens.core.analysis;

import java.util.List;

/**
 * layerlens's reclaimable bytes: what the layers ship that the final filesystem cannot see.
 *
 * @param totalBytes   Σ over {@link #paths}
 * @param paths        largest first
 * @param perLayer     bytes each layer shipped that end up hidden, by layer index
 */
public record Reclaimable(long totalBytes, List<ReclaimablePath> paths, List<Long> perLayer) {
    public Reclaimable {
        paths = List.copyOf(paths);
        perLayer = List.copyOf(perLayer);
    }
}
