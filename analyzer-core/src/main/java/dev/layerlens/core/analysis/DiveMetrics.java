package dev.layerlens.core.analysis;

import java.util.List;

/**
 * The figures dive 0.13 prints, computed the way dive computes them, so that dive users keep their
 * CI thresholds.
 *
 * @param efficiency        Σ smallest size seen per path / Σ all sizes seen per path (1.0 when nothing was seen)
 * @param wastedBytes       Σ all sizes seen, over the paths seen in two or more layers
 * @param userWastedPercent wastedBytes / userSizeBytes, a ratio; null where dive gets NaN (no user layers)
 * @param sizeBytes         Σ layer sizes
 * @param userSizeBytes     Σ layer sizes, all layers but the first
 * @param inefficiencies    the paths behind wastedBytes, largest first
 */
public record DiveMetrics(double efficiency, long wastedBytes, Double userWastedPercent, long sizeBytes,
                          long userSizeBytes, List<Inefficiency> inefficiencies) {

    public DiveMetrics {
        inefficiencies = List.copyOf(inefficiencies);
    }

    /** One path dive reports as inefficient: how often it was seen and the sizes it added up to. */
    public record Inefficiency(String path, int count, long cumulativeBytes) {
    }
}
