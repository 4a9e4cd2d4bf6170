package dev.layerlens.core.analysis.grade;

import java.util.List;

/**
 * One line of "biggest wins first": the bytes a kind of fix takes out, summed over its findings.
 *
 * @param id     the finding id (or {@code reclaimable} for hidden files no finding explains)
 * @param action what to do, in a few words
 * @param bytes  bytes saved: from the image, or (for {@code cache/…}) from every source-only rebuild and push
 * @param layers the layers concerned
 */
public record Win(String id, String action, long bytes, List<Integer> layers) {
    public Win {
        layers = List.copyOf(layers);
    }
}
