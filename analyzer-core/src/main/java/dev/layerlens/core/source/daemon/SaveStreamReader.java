package dev.layerlens.core.source.daemon;

import dev.layerlens.core.image.Digest;
import dev.layerlens.core.image.PathNames;
import dev.layerlens.core.image.json.DockerSaveEntryJson;
import dev.layerlens.core.image.json.WireJson;
import dev.layerlens.core.source.ImageReadException;
import dev.layerlens.core.source.LayerBlob;
import dev.layerlens.core.source.LayerDelivery;
import dev.layerlens.core.source.LayerDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads a daemon's {@code docker save} stream once, front to back, and hands each layer to the
 * scanner while its bytes pass. A save lists its contents in manifest.json, which comes last; so
 * each entry is recognised as it arrives, from what the daemon said beforehand (the image ID and
 * the diffIDs of inspect):
 * <ul>
 * <li>names that state a diffID: Docker 25+ ({@code blobs/sha256/<diffID>}), Podman ({@code <diffID>.tar});</li>
 * <li>legacy saves' {@code <v1 id>/layer.tar}, by the v1 ids {@link LegacyLayerIds} computes;</li>
 * <li>the config, named by the image ID.</li>
 * </ul>
 * What cannot be recognised before its bytes pass (a save of an unknown shape, compressed blobs of
 * the containerd store) is kept aside, small entries in memory and large ones in a temporary file,
 * hashed on the way: a layer whose hash is a diffID is handed over at once, the rest when
 * manifest.json has said which is which.
 */
final class SaveStreamReader {
    static final long SMALL_BYTES = 1L << 20;
    static final long SMALL_TOTAL = 64L << 20;
    static final long MAX_CONFIG_BYTES = 64L << 20;
    private static final int BUFFER = LayerPipe.CHUNK;
    private static final int MAX_LINK_HOPS = 16;
    private static final Pattern BLOB_PATH = Pattern.compile("blobs/sha256/([0-9a-f]{64})");
    private static final Pattern HEX_TAR = Pattern.compile("([0-9a-f]{64})\\.tar");
    private static final Pattern LEGACY_FILE = Pattern.compile("([0-9a-f]{64})/(json|layer\\.tar)");
    private static final Pattern NAMED_DIGEST = Pattern.compile("(?:blobs/sha256/|sha256:)?([0-9a-f]{64})(?:\\.json)?");

    /**
     * What the stream held beside the layers.
     *
     * @param layers   each layer's stored blob as docker-archive reading describes it (digest when the name states it, size)
     * @param streamed layers handed to the scanner while they passed
     * @param kept     layers kept aside (memory or temporary file) until they could be told apart
     */
    record Result(byte[] config, Digest configDigest, List<LayerDescriptor> layers, int streamed, int kept) {
    }

    private final Digest imageId;
    private final List<Digest> diffIds;
    private final Map<Digest, List<Integer>> indexesOf = new HashMap<>();
    private final Path spillDir;
    private final String what;

    private final Map<String, Integer> legacyDirs = new HashMap<>();
    private boolean legacyComputed;
    private final Map<String, String> links = new HashMap<>();
    private final Map<String, byte[]> small = new HashMap<>();
    private long smallTotal;
    private final Map<String, Path> spilled = new HashMap<>();
    private final Map<String, Long> sizes = new HashMap<>();
    private final String[] deliveredFrom;
    private byte[] config;
    private String configName;
    private int streamed;
    private int kept;
    private int spillCount;
    /** The first layer whose scan stopped reading early: a failed scan, so the rest of the save is not wanted. */
    private final java.util.concurrent.atomic.AtomicReference<String> abandoned = new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * @param imageId the daemon's image ID (the config's digest, except in the containerd store)
     * @param diffIds the layers' diffIDs in order, as inspect gives them
     * @param spillDir where to keep layers that cannot be recognised before they pass
     * @param what    names the stream in errors
     */
    SaveStreamReader(Digest imageId, List<Digest> diffIds, Path spillDir, String what) {
        this.imageId = imageId;
        this.diffIds = List.copyOf(diffIds);
        this.spillDir = spillDir;
        this.what = what;
        this.deliveredFrom = new String[diffIds.size()];
        for (int i = 0; i < diffIds.size(); i++) {
            indexesOf.computeIfAbsent(diffIds.get(i), d -> new ArrayList<>()).add(i);
        }
    }

    Result read(InputStream save, LayerDelivery.Sink sink) throws ImageReadException {
        TarArchiveInputStream tar = new TarArchiveInputStream(save);
        try {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                String name = PathNames.normalize(e.getName());
                if (e.isSymbolicLink()) {
                    links.put(name, PathNames.normalize(PathNames.child(PathNames.parent(name), e.getLinkName())));
                } else if (e.isLink()) {
                    links.put(name, PathNames.normalize(e.getLinkName()));
                } else if (e.isFile() && !name.isEmpty()) {
                    sizes.put(name, e.getSize());
                    entry(tar, name, e.getSize(), sink);
                }
                stopIfAbandoned();
            }
        } catch (IOException e) {
            throw new ImageReadException(what + " broke off: " + e.getMessage(), e);
        }
        return finish(sink);
    }

    private void entry(TarArchiveInputStream tar, String name, long size, LayerDelivery.Sink sink)
            throws IOException, ImageReadException {
        if (isConfigName(name)) {
            config = readSmall(tar, name, size, MAX_CONFIG_BYTES);
            configName = name;
            return;
        }
        Matcher legacy = LEGACY_FILE.matcher(name);
        if (legacy.matches() && legacy.group(2).equals("json") && size <= SMALL_BYTES) {
            byte[] json = readSmall(tar, name, size, SMALL_BYTES);
            keepSmall(name, json);
            learnLegacy(legacy.group(1), json);
            return;
        }
        Integer index = recognise(name, legacy);
        if (index != null) {
            stream(tar, name, size, indexesOf.get(diffIds.get(index)), sink);
            return;
        }
        if (size <= SMALL_BYTES && smallTotal + size <= SMALL_TOTAL) {
            byte[] bytes = readSmall(tar, name, size, SMALL_BYTES);
            keepSmall(name, bytes);
            deliverIfLayer(Digest.sha256(bytes), () -> SpooledLayerBlob.ofBytes(bytes, statedDigest(name)), sink);
        } else {
            Path file = spillDir.resolve("entry-" + (++spillCount));
            MessageDigest hasher = Digest.newSha256();
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[BUFFER];
                for (int n = tar.read(buffer); n > 0; n = tar.read(buffer)) {
                    hasher.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            spilled.put(name, file);
            deliverIfLayer(Digest.sha256Of(hasher), () -> SpooledLayerBlob.ofFile(file, statedDigest(name), size), sink);
        }
    }

    /** The layer index an entry's name says it holds, or null when the name does not tell. */
    private Integer recognise(String name, Matcher legacy) {
        if (legacy.matches() && legacy.group(2).equals("layer.tar")) {
            return legacyDirs.get(legacy.group(1));
        }
        for (Pattern p : List.of(BLOB_PATH, HEX_TAR)) {
            Matcher m = p.matcher(name);
            if (m.matches()) {
                List<Integer> indexes = indexesOf.get(new Digest("sha256", m.group(1)));
                return indexes == null ? null : indexes.get(0);
            }
        }
        return null;
    }

    private boolean isConfigName(String name) {
        Matcher m = NAMED_DIGEST.matcher(name);
        return imageId.algorithm().equals("sha256") && m.matches() && m.group(1).equals(imageId.hex())
                && (name.endsWith(".json") || name.startsWith("blobs/") || name.startsWith("sha256:"));
    }

    /** A lower layer's json shows the constants of every lower layer's v1 id; the top layer's json names itself. */
    private void learnLegacy(String dir, byte[] json) {
        LegacyLayerIds.read(json).ifPresent(v1 -> {
            if (v1.top()) {
                if (!diffIds.isEmpty()) {
                    legacyDirs.putIfAbsent(dir, diffIds.size() - 1);
                }
            } else if (!legacyComputed && v1.containerConfig() != null && v1.created() != null) {
                legacyComputed = true;
                List<String> ids = LegacyLayerIds.belowTop(diffIds, v1.containerConfig(), v1.created());
                for (int i = 0; i < ids.size(); i++) {
                    legacyDirs.putIfAbsent(ids.get(i), i);
                }
            }
        });
    }

    /** Feeds one entry to a pipe per layer index it holds (the same diffID may be several layers). */
    private void stream(TarArchiveInputStream tar, String name, long size, List<Integer> indexes, LayerDelivery.Sink sink)
            throws IOException, ImageReadException {
        List<LayerPipe> pipes = new ArrayList<>();
        Digest stated = statedDigest(name);
        try {
            for (int index : indexes) {
                if (deliveredFrom[index] == null) {
                    LayerPipe pipe = new LayerPipe("layer " + index, () -> abandoned.compareAndSet(null, "layer " + index));
                    deliveredFrom[index] = name;
                    pipes.add(pipe);
                    sink.accept(index, new StreamedLayerBlob(pipe, stated, size));
                }
            }
            if (pipes.isEmpty()) {
                return; // a second copy of a layer already handed over
            }
            streamed += pipes.size();
            byte[] buffer = new byte[BUFFER];
            for (int n = tar.read(buffer); n > 0; n = tar.read(buffer)) {
                for (LayerPipe pipe : pipes) {
                    pipe.write(buffer, 0, n);
                }
                stopIfAbandoned();
            }
        } catch (IOException e) {
            failAll(pipes, new IOException(what + " broke off: " + e.getMessage(), e));
            throw e;
        } catch (ImageReadException | RuntimeException e) {
            // a layer handed over already must not wait for bytes that will not come
            failAll(pipes, new IOException(e.getMessage(), e));
            throw e;
        }
        for (LayerPipe pipe : pipes) {
            pipe.finish();
        }
    }

    private static void failAll(List<LayerPipe> pipes, IOException cause) {
        for (LayerPipe pipe : pipes) {
            pipe.fail(cause);
        }
    }

    private void stopIfAbandoned() throws ImageReadException {
        String layer = abandoned.get();
        if (layer != null) {
            throw new ImageReadException(what + ": stopped reading, the scan of " + layer + " failed");
        }
    }

    private interface BlobMaker {
        LayerBlob make() throws IOException;
    }

    /** Hands over a kept entry whose content is a diffID's (an uncompressed layer), to every index not yet handed. */
    private void deliverIfLayer(Digest content, BlobMaker blob, LayerDelivery.Sink sink) throws IOException, ImageReadException {
        List<Integer> indexes = indexesOf.get(content);
        if (indexes == null) {
            return;
        }
        for (int index : indexes) {
            if (deliveredFrom[index] == null) {
                deliveredFrom[index] = "kept";
                kept++;
                sink.accept(index, blob.make());
            }
        }
    }

    private Result finish(LayerDelivery.Sink sink) throws ImageReadException {
        byte[] manifestBytes = small.get("manifest.json");
        if (manifestBytes == null) {
            throw new ImageReadException(what + " has no manifest.json");
        }
        DockerSaveEntryJson entry;
        try {
            entry = select(WireJson.readDockerSave(manifestBytes, "manifest.json"));
        } catch (WireJson.InvalidJsonException e) {
            throw new ImageReadException(what + ": " + e.getMessage());
        }
        List<String> paths = entry.layersOrEmpty();
        if (paths.size() != diffIds.size()) {
            throw new ImageReadException(what + ": manifest.json lists " + paths.size() + " layers, the daemon said "
                    + diffIds.size());
        }
        List<LayerDescriptor> descriptors = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            String path = resolve(paths.get(i));
            Long size = sizes.get(path);
            if (size == null) {
                throw new ImageReadException(what + ": layer " + i + " (" + paths.get(i) + ") is missing from it");
            }
            descriptors.add(new LayerDescriptor(statedDigest(path), null, size));
            if (deliveredFrom[i] == null) {
                deliveredFrom[i] = path;
                kept++;
                sink.accept(i, keptBlob(path, size, i));
            }
        }
        if (config == null) {
            String path = entry.config() == null ? null : resolve(entry.config());
            if (path == null || (!small.containsKey(path) && !spilled.containsKey(path))) {
                throw new ImageReadException(what + ": the image config is missing from it");
            }
            config = keptBytes(path);
            configName = path;
        }
        Digest configDigest = Digest.sha256(config);
        Matcher named = NAMED_DIGEST.matcher(configName);
        if (named.matches() && !named.group(1).equals(configDigest.hex())) {
            throw new ImageReadException(what + ": the config " + configName + " does not match its digest (its content hashes to "
                    + configDigest.shortForm() + ")");
        }
        return new Result(config, configDigest, descriptors, streamed, kept);
    }

    /** The entry for the image: the only one, or the one whose config is the image ID. */
    private DockerSaveEntryJson select(List<DockerSaveEntryJson> entries) throws ImageReadException {
        if (entries.size() == 1) {
            return entries.get(0);
        }
        for (DockerSaveEntryJson e : entries) {
            if (e.config() != null && e.config().contains(imageId.hex())) {
                return e;
            }
        }
        throw new ImageReadException(what + ": manifest.json lists " + entries.size() + " images, none of them "
                + imageId.shortForm());
    }

    private LayerBlob keptBlob(String path, long size, int index) throws ImageReadException {
        byte[] bytes = small.get(path);
        if (bytes != null) {
            return SpooledLayerBlob.ofBytes(bytes, statedDigest(path));
        }
        Path file = spilled.get(path);
        if (file != null) {
            return SpooledLayerBlob.ofFile(file, statedDigest(path), size);
        }
        throw new ImageReadException(what + ": layer " + index + " (" + path + ") passed before it could be recognised"
                + " and was not kept");
    }

    private byte[] keptBytes(String path) throws ImageReadException {
        byte[] bytes = small.get(path);
        if (bytes != null) {
            return bytes;
        }
        try {
            Path file = spilled.get(path);
            if (Files.size(file) > MAX_CONFIG_BYTES) {
                throw new ImageReadException(what + ": the config is larger than " + MAX_CONFIG_BYTES + " bytes");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ImageReadException(what + ": the kept config cannot be read: " + e.getMessage(), e);
        }
    }

    private String resolve(String name) {
        String current = PathNames.normalize(name);
        for (int hop = 0; hop < MAX_LINK_HOPS && links.containsKey(current); hop++) {
            current = links.get(current);
        }
        return current;
    }

    private static Digest statedDigest(String name) {
        Matcher m = BLOB_PATH.matcher(name);
        return m.matches() ? new Digest("sha256", m.group(1)) : null;
    }

    private void keepSmall(String name, byte[] bytes) {
        small.put(name, bytes);
        smallTotal += bytes.length;
    }

    private byte[] readSmall(TarArchiveInputStream tar, String name, long size, long max) throws IOException {
        if (size > max) {
            throw new IOException(name + " is " + size + " bytes, more than the " + max + " allowed");
        }
        byte[] bytes = tar.readNBytes((int) size);
        if (bytes.length != size) {
            throw new IOException(name + " is truncated at byte " + bytes.length);
        }
        return bytes;
    }
}
