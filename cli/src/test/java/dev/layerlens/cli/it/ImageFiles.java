package dev.layerlens.cli.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * The test's own reading of an image on disk (a {@code docker save} archive, an OCI layout
 * directory or an oci-archive), written apart from analyzer-core so that it can check it: the
 * ordered layer blobs with their stored sizes, and the diffIDs the config declares.
 */
final class ImageFiles implements Closeable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One layer as stored: opened raw (possibly compressed), with the size of the stored blob. */
    record StoredLayer(String name, long storedSize, BlobOpener opener) {
    }

    interface BlobOpener {
        InputStream open() throws IOException;
    }

    private final Closeable resource;
    final List<StoredLayer> layers;
    final List<String> diffIds;
    /** {@code sha256:} of the config's bytes as stored: the image ID. */
    final String configDigest;
    /** The config as stored (user, healthcheck, labels, history). */
    final JsonNode config;

    private ImageFiles(Closeable resource, List<StoredLayer> layers, byte[] config) throws IOException {
        this.resource = resource;
        this.layers = List.copyOf(layers);
        this.config = JSON.readTree(config);
        this.diffIds = List.copyOf(diffIds(this.config));
        this.configDigest = sha256(config);
    }

    /** A {@code docker save} archive: {@code manifest.json} names the config and the layer files. */
    static ImageFiles dockerArchive(Path archive) throws IOException {
        TarStore store = new TarStore(archive);
        JsonNode manifest = JSON.readTree(store.read("manifest.json"));
        if (manifest.size() != 1) {
            throw new IOException(archive + ": expected one image in manifest.json, found " + manifest.size());
        }
        JsonNode entry = manifest.get(0);
        byte[] config = store.read(entry.get("Config").asText());
        List<StoredLayer> layers = new ArrayList<>();
        for (JsonNode layer : entry.get("Layers")) {
            String name = layer.asText();
            String resolved = store.resolve(name);
            layers.add(new StoredLayer(name, store.size(resolved), () -> store.open(resolved)));
        }
        return new ImageFiles(store, layers, config);
    }

    /** An OCI image layout, as a directory or as a tar of one; the image is the only one in {@code index.json}. */
    static ImageFiles ociLayout(Path layout) throws IOException {
        Store store = Files.isDirectory(layout) ? new DirStore(layout) : new TarStore(layout);
        JsonNode index = JSON.readTree(store.read("index.json"));
        if (index.get("manifests").size() != 1) {
            throw new IOException(layout + ": expected one manifest in index.json");
        }
        JsonNode manifest = JSON.readTree(store.read(blobPath(index.get("manifests").get(0).get("digest").asText())));
        byte[] config = store.read(blobPath(manifest.get("config").get("digest").asText()));
        List<StoredLayer> layers = new ArrayList<>();
        for (JsonNode layer : manifest.get("layers")) {
            String path = blobPath(layer.get("digest").asText());
            long size = store.size(path);
            if (size != layer.get("size").asLong()) {
                throw new IOException(path + " is " + size + " bytes, the manifest says " + layer.get("size"));
            }
            layers.add(new StoredLayer(path, size, () -> store.open(path)));
        }
        return new ImageFiles(store, layers, config);
    }

    private static String sha256(byte[] bytes) {
        try {
            return "sha256:" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blobPath(String digest) {
        int colon = digest.indexOf(':');
        return "blobs/" + digest.substring(0, colon) + "/" + digest.substring(colon + 1);
    }

    private static List<String> diffIds(JsonNode config) {
        List<String> ids = new ArrayList<>();
        for (JsonNode id : config.get("rootfs").get("diff_ids")) {
            ids.add(id.asText());
        }
        return ids;
    }

    @Override
    public void close() throws IOException {
        resource.close();
    }

    private interface Store extends Closeable {
        InputStream open(String path) throws IOException;

        long size(String path) throws IOException;

        default byte[] read(String path) throws IOException {
            try (InputStream in = open(path)) {
                return in.readAllBytes();
            }
        }
    }

    private record DirStore(Path root) implements Store {
        @Override
        public InputStream open(String path) throws IOException {
            return new BufferedInputStream(Files.newInputStream(root.resolve(path)), 1 << 16);
        }

        @Override
        public long size(String path) throws IOException {
            return Files.size(root.resolve(path));
        }

        @Override
        public void close() {
        }
    }

    /** A tar read with random access (the index of a docker save comes after the blobs). */
    private static final class TarStore implements Store {
        private final TarFile tar;
        private final Map<String, TarArchiveEntry> entries = new HashMap<>();

        TarStore(Path archive) throws IOException {
            tar = new TarFile(archive);
            for (TarArchiveEntry e : tar.getEntries()) {
                entries.put(normalize(e.getName()), e);
            }
        }

        /** Follows symlinks between entries (a repeated layer of a legacy save links to the first copy). */
        String resolve(String path) throws IOException {
            String current = normalize(path);
            for (int hops = 0; hops < 16; hops++) {
                TarArchiveEntry e = entries.get(current);
                if (e == null) {
                    throw new IOException("no entry " + current);
                }
                if (!e.isSymbolicLink()) {
                    return current;
                }
                String target = e.getLinkName();
                String dir = current.contains("/") ? current.substring(0, current.lastIndexOf('/') + 1) : "";
                current = normalize(target.startsWith("/") ? target : collapse(dir + target));
            }
            throw new IOException("symlink loop at " + path);
        }

        @Override
        public InputStream open(String path) throws IOException {
            TarArchiveEntry e = entries.get(resolve(path));
            return new BufferedInputStream(tar.getInputStream(e), 1 << 16);
        }

        @Override
        public long size(String path) throws IOException {
            return entries.get(resolve(path)).getSize();
        }

        @Override
        public void close() throws IOException {
            tar.close();
        }

        private static String collapse(String path) {
            List<String> parts = new ArrayList<>();
            for (String part : path.split("/")) {
                if (part.isEmpty() || part.equals(".")) {
                    continue;
                }
                if (part.equals("..")) {
                    if (!parts.isEmpty()) {
                        parts.remove(parts.size() - 1);
                    }
                } else {
                    parts.add(part);
                }
            }
            return String.join("/", parts);
        }
    }

    static String normalize(String name) {
        String n = name;
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        while (n.startsWith("/")) {
            n = n.substring(1);
        }
        while (n.endsWith("/")) {
            n = n.substring(0, n.length() - 1);
        }
        return n.equals(".") ? "" : n;
    }
}
