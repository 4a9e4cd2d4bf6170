package dev.layerlens.testdata;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A single-platform image: platform, container config, layers, history.
 *
 * @param history null to leave {@code history} out of the config entirely; it need not pair up with
 *                the layers (old builders, hand-made images)
 */
public record ImageSpec(PlatformSpec platform, String created, ConfigSpec config, List<LayerSpec> layers,
                        List<HistorySpec> history) {
    public static final String DEFAULT_CREATED = "2024-01-01T00:00:00Z";

    public ImageSpec {
        layers = List.copyOf(layers);
        history = history == null ? null : List.copyOf(history);
    }

    public static Builder builder() {
        return new Builder();
    }

    public ImageSpec withPlatform(PlatformSpec value) {
        return new ImageSpec(value, created, config, layers, history);
    }

    public ImageSpec withHistory(List<HistorySpec> value) {
        return new ImageSpec(platform, created, config, layers, value);
    }

    /** The same image with layer {@code index} changed (a fault, a compression). */
    public ImageSpec mapLayer(int index, UnaryOperator<LayerSpec> change) {
        List<LayerSpec> changed = new ArrayList<>(layers);
        changed.set(index, change.apply(layers.get(index)));
        return new ImageSpec(platform, created, config, changed, history);
    }

    /** The same image with every layer stored as {@code how}. */
    public ImageSpec compressedWith(LayerCompression how) {
        return new ImageSpec(platform, created, config, layers.stream().map(l -> l.compressed(how)).toList(), history);
    }

    /** Σ declared layer sizes: dive's image size. */
    public long declaredBytes() {
        return layers.stream().mapToLong(LayerSpec::declaredBytes).sum();
    }

    public static final class Builder {
        private PlatformSpec platform = PlatformSpec.LINUX_AMD64;
        private String created = DEFAULT_CREATED;
        private ConfigSpec config = ConfigSpec.EMPTY;
        private final List<LayerSpec> layers = new ArrayList<>();
        private List<HistorySpec> history = new ArrayList<>();

        public Builder platform(PlatformSpec value) {
            platform = value;
            return this;
        }

        public Builder created(String value) {
            created = value;
            return this;
        }

        public Builder config(ConfigSpec value) {
            config = value;
            return this;
        }

        /** A build step that made a layer: the layer, and a history entry naming the step. */
        public Builder layer(String createdBy, Entry... entries) {
            return layer(createdBy, LayerSpec.of(entries));
        }

        public Builder layer(String createdBy, LayerSpec layer) {
            layers.add(layer);
            if (history != null) {
                history.add(HistorySpec.layer(createdBy));
            }
            return this;
        }

        /** A build step that made no layer ({@code ENV}, {@code CMD}…): a history entry with {@code empty_layer}. */
        public Builder emptyStep(String createdBy) {
            if (history != null) {
                history.add(HistorySpec.empty(createdBy));
            }
            return this;
        }

        /** Leaves {@code history} out of the config; later steps add none. */
        public Builder noHistory() {
            history = null;
            return this;
        }

        public ImageSpec build() {
            return new ImageSpec(platform, created, config, layers, history);
        }
    }
}
