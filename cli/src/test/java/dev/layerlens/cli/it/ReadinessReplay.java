package dev.layerlens.cli.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The readiness tests' own replay of an image, written apart from analyzer-core and on purpose
 * plain: a map from path to the copy the stacked layers show, every regular-file shipment with the
 * layer that hid it (and how), each file's SHA-256 and mode, the directories with their modes, and
 * the text of the few files the rules read (dpkg's status and lists, Node manifests and lockfiles).
 * The findings and their byte figures are recomputed from it by {@link ReadinessRules}.
 */
final class ReadinessReplay {

    /** One regular-file entry of one layer. {@code hiddenBy} is -1 while visible. */
    static final class Shipment {
        final int layer;
        final String path;
        final long size;
        final String sha256;
        final int mode;
        final long uid;
        final long gid;
        int hiddenBy = -1;
        boolean deleted;
        /** The copy this one shipped over (visible just below it), or null. */
        Shipment replaced;

        Shipment(int layer, String path, long size, String sha256, int mode, long uid, long gid) {
            this.layer = layer;
            this.path = path;
            this.size = size;
            this.sha256 = sha256;
            this.mode = mode;
            this.uid = uid;
            this.gid = gid;
        }
    }

    private static final int KEEP_TEXT_BYTES = 64 << 20;

    /** path (no leading slash) → the visible regular-file shipment; directories and links are not kept. */
    final TreeMap<String, Shipment> visible = new TreeMap<>();
    /** A directory entry: the layer of the one the stacked layers show, and its permission bits. */
    record Directory(int layer, int mode) {
    }

    /** Directories the stacked layers show (explicit entries only). */
    final TreeMap<String, Directory> directories = new TreeMap<>();
    final List<Shipment> shipments = new ArrayList<>();
    final List<Long> layerSizes = new ArrayList<>();
    /** "layer:path" → text of the files the rules read. */
    private final Map<String, String> texts = new HashMap<>();
    final JsonNode config;

    private ReadinessReplay(JsonNode config) {
        this.config = config;
    }

    static ReadinessReplay of(ImageFiles image) throws IOException {
        ReadinessReplay replay = new ReadinessReplay(image.config);
        for (int i = 0; i < image.layers.size(); i++) {
            try (InputStream in = open(image.layers.get(i).opener().open())) {
                replay.apply(i, in);
            }
        }
        return replay;
    }

    private static InputStream open(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private record Raw(String path, TarArchiveEntry entry, String sha256, byte[] text) {
    }

    private void apply(int layer, InputStream in) throws IOException {
        List<Raw> entries = new ArrayList<>();
        long size = 0;
        TarArchiveInputStream tar = new TarArchiveInputStream(in);
        for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
            String path = normalize(e.getName());
            size += e.getSize();
            if (path.isEmpty()) {
                continue;
            }
            String sha = null;
            byte[] text = null;
            if (isRegularFile(e)) {
                MessageDigest md = sha256();
                DigestInputStream content = new DigestInputStream(tar, md);
                if (wantsText(path) && e.getSize() <= KEEP_TEXT_BYTES) {
                    text = content.readAllBytes();
                } else {
                    content.transferTo(java.io.OutputStream.nullOutputStream());
                }
                sha = HexFormat.of().formatHex(md.digest());
            }
            entries.add(new Raw(path, e, sha, text));
        }
        layerSizes.add(size);
        // whiteouts and opaque markers act on the layers below, before this layer's own entries
        for (Raw r : entries) {
            String name = r.path().substring(r.path().lastIndexOf('/') + 1);
            String parent = r.path().contains("/") ? r.path().substring(0, r.path().lastIndexOf('/')) : "";
            if (name.equals(".wh..wh..opq")) {
                removeBelow(parent, layer);
            } else if (name.startsWith(".wh.")) {
                String target = parent.isEmpty() ? name.substring(4) : parent + "/" + name.substring(4);
                remove(target, layer);
                removeBelow(target, layer);
            }
        }
        for (Raw r : entries) {
            String name = r.path().substring(r.path().lastIndexOf('/') + 1);
            if (name.startsWith(".wh.")) {
                continue;
            }
            TarArchiveEntry e = r.entry();
            if (e.isDirectory()) {
                if (visible.containsKey(r.path())) {
                    remove(r.path(), layer);
                }
                directories.put(r.path(), new Directory(layer, e.getMode() & 07777));
                continue;
            }
            if (directories.containsKey(r.path())) {
                removeBelow(r.path(), layer);
                directories.remove(r.path());
            }
            Shipment before = visible.remove(r.path());
            if (before != null) {
                before.hiddenBy = layer;
                before.deleted = false;
            }
            if (r.sha256() != null) {
                Shipment s = new Shipment(layer, r.path(), e.getSize(), r.sha256(), e.getMode() & 07777, e.getLongUserId(),
                        e.getLongGroupId());
                s.replaced = before;
                shipments.add(s);
                visible.put(r.path(), s);
                if (r.text() != null) {
                    texts.put(layer + ":" + r.path(), new String(r.text(), StandardCharsets.UTF_8));
                }
            }
        }
    }

    /** commons-compress's isFile() also holds for links and devices: only regular files ship content. */
    private static boolean isRegularFile(TarArchiveEntry e) {
        return e.isFile() && !e.isLink() && !e.isSymbolicLink() && !e.isCharacterDevice() && !e.isBlockDevice()
                && !e.isFIFO();
    }

    private void remove(String path, int layer) {
        Shipment s = visible.remove(path);
        if (s != null) {
            s.hiddenBy = layer;
            s.deleted = true;
        }
        directories.remove(path);
    }

    private void removeBelow(String dir, int layer) {
        String prefix = dir.isEmpty() ? "" : dir + "/";
        List<String> below = new ArrayList<>(visible.subMap(prefix, prefix + Character.MAX_VALUE).keySet());
        for (String p : below) {
            remove(p, layer);
        }
        directories.keySet().removeIf(p -> p.startsWith(prefix) && !p.equals(dir));
    }

    /** The text of {@code path} as the final filesystem shows it, or null. */
    String finalText(String path) {
        Shipment s = visible.get(path);
        return s == null ? null : texts.get(s.layer + ":" + path);
    }

    private static boolean wantsText(String path) {
        return path.equals("var/lib/dpkg/status") || (path.startsWith("var/lib/dpkg/info/") && path.endsWith(".list"))
                || path.endsWith("package.json") || path.endsWith("package-lock.json") || path.equals("etc/passwd");
    }

    private static String normalize(String name) {
        String p = name;
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.equals(".") ? "" : p;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
