package dev.layerlens.core.analysis.content;

import dev.layerlens.core.fs.FileNode;
import dev.layerlens.core.fs.FileTree;
import dev.layerlens.core.fs.FileVersion;
import dev.layerlens.core.image.Layer;
import dev.layerlens.core.layer.ContentInspector;
import dev.layerlens.core.layer.EntryType;
import dev.layerlens.core.layer.LayerEntry;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Reads chosen files while their layers stream past and keeps what a parser makes of each copy, per
 * layer, so that a check can later ask for the copy the final filesystem shows. Parsing happens on
 * the scanning thread, so only the compact result is kept, never the bytes.
 *
 * @param <T> what a file's content is parsed into
 */
public final class CapturedFiles<T> implements ContentInspector {

    /** Makes a value of a file's leading bytes ({@code content[0..length)}); null keeps nothing. */
    public interface Parser<T> {
        T parse(String path, byte[] content, int length);
    }

    private final Predicate<String> wanted;
    private final int limit;
    private final Parser<T> parser;
    private final Map<String, Map<Integer, T>> byPath = new ConcurrentHashMap<>();

    /**
     * @param wanted paths (normalised, no leading slash) to read
     * @param limit  bytes read at most per file; a longer file is parsed from its first {@code limit} bytes
     */
    public CapturedFiles(Predicate<String> wanted, int limit, Parser<T> parser) {
        this.wanted = wanted;
        this.limit = limit;
        this.parser = parser;
    }

    @Override
    public int bytesWanted(Layer layer, LayerEntry entry) {
        return entry.type() == EntryType.FILE && wanted.test(entry.path()) ? limit : 0;
    }

    @Override
    public void inspect(Layer layer, LayerEntry entry, byte[] content, int length) {
        T value = parser.parse(entry.path(), content, length);
        if (value != null) {
            byPath.computeIfAbsent(entry.path(), p -> new ConcurrentHashMap<>()).put(layer.index(), value);
        }
    }

    /** What the copy of {@code path} that layer {@code layerIndex} shipped parsed into. */
    public Optional<T> inLayer(String path, int layerIndex) {
        Map<Integer, T> copies = byPath.get(path);
        return copies == null ? Optional.empty() : Optional.ofNullable(copies.get(layerIndex));
    }

    /** What the copy of {@code path} the final filesystem shows parsed into (regular files only). */
    public Optional<Visible<T>> visible(FileTree tree, String path) {
        FileNode node = tree.find(path);
        FileVersion version = node == null ? null : node.visibleVersion();
        if (version == null || version.type() != EntryType.FILE) {
            return Optional.empty();
        }
        return inLayer(path, version.layer()).map(v -> new Visible<>(path, version.layer(), v));
    }

    /** Every captured path. */
    public java.util.Set<String> paths() {
        return java.util.Collections.unmodifiableSet(byPath.keySet());
    }

    /** A parsed file as the final filesystem shows it, and the layer that shipped that copy. */
    public record Visible<T>(String path, int layer, T value) {
    }
}
