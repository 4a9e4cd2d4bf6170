package dev.layerlens.core.analysis.cache;

import dev.layerlens.core.layer.LayerScan;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a source-only change costs: the bytes of every layer from the first COPY/ADD that ships
 * application sources to the top, which the builder rebuilds and the registry receives again; and
 * the same after moving the dependency installs that follow a broad copy above it (those layers
 * then stay cached). Equal when nothing is misplaced.
 *
 * @param fromLayer     the first layer that ships sources
 * @param nowBytes      Σ sizes of layers {@code fromLayer..top}
 * @param afterFixBytes {@code nowBytes} less the sizes of the misplaced install layers
 */
public record CacheExposure(int fromLayer, long nowBytes, long afterFixBytes) {

    /** Null when no layer of the own build ships sources (nothing to expose). */
    static CacheExposure of(List<LayerScan> scans, Integer firstSource, List<CopyOrder.Misplaced> misplaced) {
        if (firstSource == null) {
            return null;
        }
        long now = 0;
        for (LayerScan scan : scans) {
            if (scan.index() >= firstSource) {
                now += scan.sizeBytes();
            }
        }
        Set<Integer> cachedByFix = new HashSet<>();
        misplaced.forEach(m -> m.installs().forEach(i -> cachedByFix.add(i.layer())));
        long after = now;
        for (int layer : cachedByFix) {
            after -= scans.get(layer).sizeBytes();
        }
        return new CacheExposure(firstSource, now, after);
    }

    /** Bytes a source-only change would no longer rebuild and push after the fix. */
    public long savedBytes() {
        return nowBytes - afterFixBytes;
    }
}
