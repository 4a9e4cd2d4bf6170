package dev.layerlens.core.analysis.secrets;

import dev.layerlens.core.analysis.AnalysisContext;
import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.ImageCheck;
import dev.layerlens.core.fs.FileTree;
import dev.layerlens.core.image.Digest;
import dev.layerlens.core.image.HistoryEntry;
import dev.layerlens.core.image.Image;
import dev.layerlens.core.image.ImageConfig;
import dev.layerlens.core.image.Layer;
import dev.layerlens.core.image.Platform;
import dev.layerlens.core.layer.ContentInspector;
import dev.layerlens.core.layer.EntryType;
import dev.layerlens.core.layer.LayerEntry;
import dev.layerlens.core.layer.LayerScan;
import dev.layerlens.core.source.Compression;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An image model built in memory, and a stand-in for the scan's single pass that hands each file's
 * leading bytes to a check's inspector exactly as LayerScanner does (the bytes asked for, capped
 * at the file's size). For unit tests of the check without archives.
 */
final class SyntheticImage {
    private final List<LayerBuilder> layers = new ArrayList<>();
    private final List<HistoryEntry> extraHistory = new ArrayList<>();
    private final List<String> env = new ArrayList<>();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private List<String> cmd = List.of();
    private List<String> entrypoint = List.of();

    final class LayerBuilder {
        private final String createdBy;
        private final List<LayerEntry> entries = new ArrayList<>();
        private final Map<Integer, byte[]> contents = new LinkedHashMap<>();

        LayerBuilder(String createdBy) {
            this.createdBy = createdBy;
        }

        LayerBuilder file(String path, String content) {
            return file(path, content.getBytes(StandardCharsets.UTF_8));
        }

        LayerBuilder file(String path, byte[] content) {
            contents.put(entries.size(), content);
            entries.add(new LayerEntry(path, EntryType.FILE, content.length, 0644, 0, 0, null, 0));
            return this;
        }

        LayerBuilder whiteout(String path) {
            entries.add(new LayerEntry(path, EntryType.WHITEOUT, 0, 0, 0, 0, null, 0));
            return this;
        }

        SyntheticImage done() {
            return SyntheticImage.this;
        }
    }

    /** A layer, with a history entry that made it. */
    LayerBuilder layer(String createdBy) {
        LayerBuilder layer = new LayerBuilder(createdBy);
        layers.add(layer);
        return layer;
    }

    /** A history entry that made no layer (ENV, ARG, LABEL), after the layers so far. */
    SyntheticImage emptyHistory(String createdBy) {
        extraHistory.add(new HistoryEntry(null, createdBy, null, true));
        layer(null); // placeholder to keep order; removed in build
        return this;
    }

    SyntheticImage env(String assignment) {
        env.add(assignment);
        return this;
    }

    SyntheticImage label(String key, String value) {
        labels.put(key, value);
        return this;
    }

    SyntheticImage cmd(String... args) {
        cmd = List.of(args);
        return this;
    }

    SyntheticImage entrypoint(String... args) {
        entrypoint = List.of(args);
        return this;
    }

    /** Runs the check over this image: the inspector during a simulated scan, then its findings. */
    List<Finding> run(ImageCheck check) {
        List<HistoryEntry> history = new ArrayList<>();
        List<Layer> modelLayers = new ArrayList<>();
        List<LayerScan> scans = new ArrayList<>();
        List<LayerBuilder> real = new ArrayList<>();
        int empty = 0;
        for (LayerBuilder b : layers) {
            if (b.createdBy == null) {
                history.add(extraHistory.get(empty++));
                continue;
            }
            HistoryEntry entry = new HistoryEntry(null, b.createdBy, null, false);
            history.add(entry);
            int index = modelLayers.size();
            Digest diffId = Digest.sha256(("layer " + index).getBytes(StandardCharsets.UTF_8));
            modelLayers.add(new Layer(index, diffId, diffId, null, null, entry));
            scans.add(new LayerScan(index, b.entries, b.entries.stream().mapToLong(LayerEntry::size).sum(), -1, 0,
                    Compression.NONE, diffId, false));
            real.add(b);
        }
        ContentInspector inspector = check.contentInspector();
        for (int i = 0; i < real.size() && inspector != null; i++) {
            LayerBuilder b = real.get(i);
            for (Map.Entry<Integer, byte[]> e : b.contents.entrySet()) {
                LayerEntry entry = b.entries.get(e.getKey());
                int wanted = (int) Math.min(inspector.bytesWanted(modelLayers.get(i), entry), entry.size());
                if (wanted > 0) {
                    byte[] buffer = new byte[wanted + 16]; // the scanner's buffer is reused and often longer
                    System.arraycopy(e.getValue(), 0, buffer, 0, wanted);
                    inspector.inspect(modelLayers.get(i), entry, buffer, wanted);
                }
            }
        }
        ImageConfig config = new ImageConfig(new Platform("linux", "amd64", null), null, null, env, entrypoint, cmd, null,
                List.of(), List.of(), labels, null, history, modelLayers.stream().map(Layer::diffId).toList());
        Image image = new Image("synthetic:latest", "synthetic", null, Digest.sha256(new byte[0]), config, modelLayers,
                List.of());
        return check.findings(new AnalysisContext(image, scans, FileTree.build(scans)));
    }
}
