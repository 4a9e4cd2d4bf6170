package dev.layerlens.cli.it;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * An independent replay of an image's layers, written for the tests and on purpose naive: the
 * filesystem is a map from path to node, whiteouts and opaque markers are applied to the layers
 * below (before the layer's own entries), hard links are resolved to the content they name.
 * It recomputes what the report claims: layer sizes (Σ tar size fields), file counts, change
 * counts, the final filesystem, visible bytes and reclaimable bytes (= bytes shipped in some
 * layer whose content the final filesystem cannot reach under any name).
 */
final class LayerReplay {
    enum Kind { FILE, DIRECTORY, SYMLINK, SPECIAL }

    /**
     * A path of the replayed filesystem. A hard link is a FILE sharing the content id of the file it
     * names; {@code shipment} is set only on the name whose tar entry carried the bytes.
     */
    record Node(Kind kind, long size, String linkTarget, long contentId, Shipment shipment) {
    }

    /** The figures of one layer, named as in the JSON report. */
    record LayerFacts(int index, String diffId, String compression, long storedSize, long sizeBytes, int fileCount,
                      int addedCount, long addedBytes, int modifiedCount, long modifiedBytes, int removedCount,
                      long removedBytes, long reclaimableBytes) {
    }

    /** Reclaimable bytes of one path, as in the report's {@code reclaimable} list. */
    record Waste(String path, long bytes, List<Integer> layers, int hiddenBy, String reason) {
    }

    /** The bytes of one regular-file entry of one layer. */
    static final class Shipment {
        final int layer;
        final String path;
        final long size;
        final long contentId;
        int hiddenBy = -1;

        Shipment(int layer, String path, long size, long contentId) {
            this.layer = layer;
            this.path = path;
            this.size = size;
            this.contentId = contentId;
        }
    }

    private record RawEntry(String path, Kind kind, long size, String link, boolean hardLink) {
    }

    private record Removal(int layer, String reason) {
    }

    private static final String WHITEOUT = ".wh.";
    private static final String OPAQUE = ".wh..wh..opq";

    private final TreeMap<String, Node> fs = new TreeMap<>();
    private final Map<String, Removal> lastRemoval = new HashMap<>();
    private final List<Shipment> shipments = new ArrayList<>();
    private final List<LayerFacts> partialFacts = new ArrayList<>();
    private long nextContentId;

    /** Replays every layer of {@code image} in order. */
    static LayerReplay of(ImageFiles image) throws IOException {
        LayerReplay replay = new LayerReplay();
        for (int i = 0; i < image.layers.size(); i++) {
            ImageFiles.StoredLayer layer = image.layers.get(i);
            try (InputStream raw = new BufferedInputStream(layer.opener().open(), 1 << 16)) {
                replay.apply(i, raw, layer.storedSize());
            }
        }
        return replay;
    }

    private void apply(int index, InputStream stored, long storedSize) throws IOException {
        String compression = sniff(stored);
        MessageDigest sha = sha256();
        List<RawEntry> entries = new ArrayList<>();
        long sizeBytes = 0;
        try (InputStream plain = decompress(compression, stored);
             DigestInputStream hashed = new DigestInputStream(plain, sha)) {
            TarArchiveInputStream tar = new TarArchiveInputStream(hashed);
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                sizeBytes += e.getSize();
                String path = ImageFiles.normalize(e.getName());
                if (path.isEmpty()) {
                    continue;
                }
                Kind kind = kindOf(e);
                entries.add(new RawEntry(path, kind, e.getSize(), e.isSymbolicLink() ? e.getLinkName()
                        : e.isLink() ? ImageFiles.normalize(e.getLinkName()) : null, e.isLink()));
            }
            hashed.transferTo(java.io.OutputStream.nullOutputStream()); // the diffID covers the padding too
        }
        String diffId = "sha256:" + HexFormat.of().formatHex(sha.digest());

        int[] counts = new int[3]; // added, modified, removed
        long[] bytes = new long[3];
        int fileCount = 0;
        // 1. markers hide what the layers below put there
        for (RawEntry e : entries) {
            String name = baseName(e.path());
            String parent = parentOf(e.path());
            if (name.equals(OPAQUE)) {
                removeBelow(parent, index, counts, bytes);
            } else if (name.startsWith(WHITEOUT) && !name.startsWith(WHITEOUT + WHITEOUT)) {
                String target = parent.isEmpty() ? name.substring(WHITEOUT.length()) : parent + "/" + name.substring(WHITEOUT.length());
                hide(target, index, "deleted", true, counts, bytes);
                removeBelow(target, index, counts, bytes);
            }
        }
        // 2. then the layer's own entries, in tar order
        for (RawEntry e : entries) {
            if (isMarkerOrBookkeeping(e.path())) {
                continue;
            }
            boolean isDir = e.kind() == Kind.DIRECTORY;
            if (!isDir) {
                fileCount++;
            }
            for (String ancestor : ancestorsOf(e.path())) {
                Node in = fs.get(ancestor);
                if (in != null && in.kind() != Kind.DIRECTORY) {
                    hide(ancestor, index, "overwritten", true, counts, bytes);
                }
            }
            Node existing = fs.get(e.path());
            if (existing != null) {
                boolean fileBecomesDir = existing.kind() != Kind.DIRECTORY && isDir;
                hide(e.path(), index, "overwritten", fileBecomesDir, counts, bytes);
                if (existing.kind() == Kind.DIRECTORY && !isDir) {
                    removeBelow(e.path(), index, counts, bytes);
                }
            }
            long shippedBytes = e.kind() == Kind.FILE && !e.hardLink() ? e.size() : 0;
            if (!isDir) {
                int slot = existing == null ? 0 : 1;
                counts[slot]++;
                bytes[slot] += shippedBytes;
            }
            fs.put(e.path(), nodeFor(index, e));
        }
        partialFacts.add(new LayerFacts(index, diffId, compression, storedSize, sizeBytes, fileCount, counts[0], bytes[0],
                counts[1], bytes[1], counts[2], bytes[2], -1));
    }

    private Node nodeFor(int layer, RawEntry e) {
        switch (e.kind()) {
            case FILE -> {
                if (e.hardLink()) {
                    Node target = fs.get(e.link());
                    if (target != null && target.kind() == Kind.FILE) {
                        return new Node(Kind.FILE, target.size(), null, target.contentId(), null);
                    }
                    return new Node(Kind.FILE, 0, null, nextContentId++, null); // names nothing: empty
                }
                Shipment s = new Shipment(layer, e.path(), e.size(), nextContentId++);
                shipments.add(s);
                return new Node(Kind.FILE, e.size(), null, s.contentId, s);
            }
            case SYMLINK -> {
                return new Node(Kind.SYMLINK, 0, e.link(), -1, null);
            }
            default -> {
                return new Node(e.kind(), 0, null, -1, null);
            }
        }
    }

    /** Removes {@code path} itself; {@code count}: it counts as removed by this layer (unless a directory). */
    private void hide(String path, int layer, String reason, boolean count, int[] counts, long[] bytes) {
        Node node = fs.remove(path);
        if (node == null) {
            return;
        }
        lastRemoval.put(path, new Removal(layer, reason));
        if (node.shipment() != null) {
            node.shipment().hiddenBy = layer;
        }
        if (count && node.kind() != Kind.DIRECTORY) {
            counts[2]++;
            bytes[2] += node.shipment() != null ? node.size() : 0;
        }
    }

    /** Removes everything below {@code dir} (the whole tree for the root). */
    private void removeBelow(String dir, int layer, int[] counts, long[] bytes) {
        String prefix = dir.isEmpty() ? "" : dir + "/";
        List<String> below = new ArrayList<>();
        for (String path : fs.tailMap(prefix, true).keySet()) {
            if (!path.startsWith(prefix)) {
                break;
            }
            if (!path.equals(dir)) {
                below.add(path);
            }
        }
        for (String path : below) {
            hide(path, layer, "dir-removed", true, counts, bytes);
        }
    }

    // ---- results ---------------------------------------------------------------------------------

    /** The final filesystem: every path (no leading slash) and its node; directories only where a layer shipped one. */
    SortedMap<String, Node> finalFilesystem() {
        return java.util.Collections.unmodifiableSortedMap(fs);
    }

    /** Every directory of the final filesystem, shipped or implied by a path below it. */
    Set<String> directories() {
        Set<String> dirs = new TreeSet<>();
        for (Map.Entry<String, Node> e : fs.entrySet()) {
            if (e.getValue().kind() == Kind.DIRECTORY) {
                dirs.add(e.getKey());
            }
            dirs.addAll(ancestorsOf(e.getKey()));
        }
        return dirs;
    }

    /** Bytes of the distinct contents the final filesystem shows (a hard-linked content once). */
    long visibleBytes() {
        return visibleBytesExcept(Set.of());
    }

    long visibleBytesExcept(Set<String> excluded) {
        return visibleBytesOf(path -> !excluded.contains(path));
    }

    /** Visible bytes of the files below {@code dir} (no leading slash). */
    long visibleBytesUnder(String dir) {
        return visibleBytesOf(path -> path.startsWith(dir + "/"));
    }

    private long visibleBytesOf(java.util.function.Predicate<String> counted) {
        Map<Long, Long> contents = new HashMap<>();
        fs.forEach((path, node) -> {
            if (node.kind() == Kind.FILE && counted.test(path)) {
                contents.put(node.contentId(), node.size());
            }
        });
        return contents.values().stream().mapToLong(Long::longValue).sum();
    }

    long shippedBytes() {
        return shipments.stream().mapToLong(s -> s.size).sum();
    }

    private Set<Long> visibleContent() {
        Set<Long> ids = new HashSet<>();
        fs.values().forEach(n -> {
            if (n.kind() == Kind.FILE) {
                ids.add(n.contentId());
            }
        });
        return ids;
    }

    /** Reclaimable bytes per path (with a leading slash, as reported), in no particular order. */
    Map<String, Waste> reclaimable() {
        Set<Long> visible = visibleContent();
        Map<String, List<Shipment>> byPath = new LinkedHashMap<>();
        for (Shipment s : shipments) {
            if (s.size > 0 && !visible.contains(s.contentId)) {
                byPath.computeIfAbsent(s.path, p -> new ArrayList<>()).add(s);
            }
        }
        Map<String, Waste> result = new TreeMap<>();
        byPath.forEach((path, list) -> {
            long total = list.stream().mapToLong(s -> s.size).sum();
            List<Integer> layers = list.stream().map(s -> s.layer).distinct().sorted().toList();
            Shipment last = list.get(list.size() - 1);
            String reason = fs.containsKey(path) ? "overwritten" : lastRemoval.get(path).reason();
            result.put("/" + path, new Waste("/" + path, total, layers, last.hiddenBy, reason));
        });
        return result;
    }

    long reclaimableBytes() {
        return reclaimable().values().stream().mapToLong(Waste::bytes).sum();
    }

    /** Per-layer figures, including the bytes each layer shipped that end up unreachable. */
    List<LayerFacts> layers() {
        Set<Long> visible = visibleContent();
        long[] perLayer = new long[partialFacts.size()];
        for (Shipment s : shipments) {
            if (!visible.contains(s.contentId)) {
                perLayer[s.layer] += s.size;
            }
        }
        List<LayerFacts> result = new ArrayList<>();
        for (LayerFacts f : partialFacts) {
            result.add(new LayerFacts(f.index(), f.diffId(), f.compression(), f.storedSize(), f.sizeBytes(), f.fileCount(),
                    f.addedCount(), f.addedBytes(), f.modifiedCount(), f.modifiedBytes(), f.removedCount(),
                    f.removedBytes(), perLayer[f.index()]));
        }
        return result;
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** What a tar entry is; a hard link is a FILE (it names one). Checked in this order: commons-compress calls anything that is not a directory a file. */
    static Kind kindOf(TarArchiveEntry e) {
        if (e.isDirectory()) {
            return Kind.DIRECTORY;
        }
        if (e.isSymbolicLink()) {
            return Kind.SYMLINK;
        }
        if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
            return Kind.SPECIAL;
        }
        return Kind.FILE;
    }

    private static boolean isMarkerOrBookkeeping(String path) {
        for (String part : path.split("/")) {
            if (part.startsWith(WHITEOUT)) {
                return true;
            }
        }
        return false;
    }

    private static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** Proper ancestors, outermost first ({@code a/b/c} → {@code a}, {@code a/b}). */
    static List<String> ancestorsOf(String path) {
        List<String> result = new ArrayList<>();
        for (int i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) {
            result.add(path.substring(0, i));
        }
        return result;
    }

    private static String sniff(InputStream in) throws IOException {
        in.mark(4);
        byte[] head = in.readNBytes(4);
        in.reset();
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return "gzip";
        }
        if (head.length == 4 && (head[0] & 0xff) == 0x28 && (head[1] & 0xff) == 0xb5 && (head[2] & 0xff) == 0x2f
                && (head[3] & 0xff) == 0xfd) {
            return "zstd";
        }
        return "none";
    }

    private static InputStream decompress(String compression, InputStream in) throws IOException {
        return switch (compression) {
            case "gzip" -> new GZIPInputStream(in, 1 << 16);
            case "zstd" -> new com.github.luben.zstd.ZstdInputStream(in);
            default -> in;
        };
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
