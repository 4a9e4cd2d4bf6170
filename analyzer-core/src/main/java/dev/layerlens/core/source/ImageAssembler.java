package dev.layerlens.core.source;

import dev.layerlens.core.image.Digest;
import dev.layerlens.core.image.HistoryEntry;
import dev.layerlens.core.image.Image;
import dev.layerlens.core.image.ImageConfig;
import dev.layerlens.core.image.Layer;
import java.util.ArrayList;
import java.util.List;

/** Pairs a manifest's layer blobs with the config's diffIDs and non-empty history entries. */
public final class ImageAssembler {
    private ImageAssembler() {
    }

    /**
     * @param blobs one descriptor per layer in manifest order; a null digest means "not known before reading"
     */
    public static Image assemble(String reference, String source, Digest manifestDigest, Digest configDigest,
                                 ImageConfig config, List<LayerDescriptor> blobs) throws ImageReadException {
        List<Digest> diffIds = config.diffIds();
        if (diffIds.size() != blobs.size()) {
            throw new ImageReadException("the manifest lists " + blobs.size() + " layers but the config has "
                    + diffIds.size() + " diff_ids");
        }
        List<String> notes = new ArrayList<>();
        List<HistoryEntry> layerHistory = layerHistory(config.history(), blobs.size(), notes);
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < blobs.size(); i++) {
            LayerDescriptor blob = blobs.get(i);
            layers.add(new Layer(i, blob.digest(), diffIds.get(i), blob.mediaType(), blob.size(), layerHistory.get(i)));
        }
        return new Image(reference, source, manifestDigest, configDigest, config, layers, notes);
    }

    /**
     * The history entry of each layer: non-empty entries in order. When their count differs from the
     * layer count (old builders, hand-made images) they are still paired in order, and a note says so.
     */
    static List<HistoryEntry> layerHistory(List<HistoryEntry> history, int layerCount, List<String> notes) {
        List<HistoryEntry> nonEmpty = history.stream().filter(h -> !h.emptyLayer()).toList();
        if (!history.isEmpty() && nonEmpty.size() != layerCount) {
            notes.add("history has " + nonEmpty.size() + " non-empty entries for " + layerCount
                    + " layers: commands were paired in order and may be misattributed");
        }
        List<HistoryEntry> out = new ArrayList<>();
        for (int i = 0; i < layerCount; i++) {
            out.add(i < nonEmpty.size() ? nonEmpty.get(i) : null);
        }
        return out;
    }
}
