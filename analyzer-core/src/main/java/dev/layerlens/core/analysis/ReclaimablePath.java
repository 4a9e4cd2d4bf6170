package dev.layerlens.core.analysis;

import dev.layerlens.core.fs.HideReason;
import java.util.List;

/**
 * Bytes of one path that layers shipped but the final filesystem cannot see.
 *
 * @param path     with a leading slash
 * @param bytes    content bytes of every hidden copy
 * @param layers   the layers that shipped the hidden copies (the layers that wasted them)
 * @param hiddenBy the layer that hid the last hidden copy
 * @param reason   deleted (a whiteout of the path), dir-removed (a directory above it went), or
 *                 overwritten (the path is still visible; earlier copies are dead weight)
 */
public record ReclaimablePath(String path, long bytes, List<Integer> layers, int hiddenBy, HideReason reason) {
    public ReclaimablePath {
        layers = List.copyOf(layers);
    }
}
