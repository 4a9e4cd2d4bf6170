package dev.layerlens.core.source.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.layerlens.core.image.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Re-packs fixture-writer archives the way a daemon streams them: Docker (before 25) builds the
 * save in a directory and tars it in name order, so manifest.json comes last and layer directories
 * come in the order of their names, not of the layers. {@link #mobyLegacy} also names the
 * directories and writes their {@code json} as Docker 20.10 does (checked against a real save in
 * {@link LegacyLayerIdsTest}).
 */
final class SaveStreams {
    /** The {@code container_config} Docker 20.10 writes for every layer below the top. */
    static final String DOCKER_20_CONTAINER_CONFIG = "{\"Hostname\":\"\",\"Domainname\":\"\",\"User\":\"\",\"AttachStdin\":false,"
            + "\"AttachStdout\":false,\"AttachStderr\":false,\"Tty\":false,\"OpenStdin\":false,\"StdinOnce\":false,\"Env\":null,"
            + "\"Cmd\":null,\"Image\":\"\",\"Volumes\":null,\"WorkingDir\":\"\",\"Entrypoint\":null,\"OnBuild\":null,\"Labels\":null}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Item(String name, byte[] bytes, String symlink) {
    }

    private SaveStreams() {
    }

    /** The same files in name order, directories as docker writes them. */
    static Path sorted(Path archive, Path out) throws IOException {
        write(read(archive), out);
        return out;
    }

    /**
     * A legacy archive of the fixture writer (one image) re-made as Docker 20.10 saves it: layer
     * directories named by moby's v1 ids, their {@code json} as Docker writes them, in name order.
     */
    static Path mobyLegacy(Path legacyArchive, Path out) throws IOException {
        Map<String, Item> items = read(legacyArchive);
        JsonNode entry = JSON.readTree(items.get("manifest.json").bytes()).get(0);
        JsonNode config = JSON.readTree(items.get(entry.get("Config").asText()).bytes());
        List<Digest> diffIds = new ArrayList<>();
        config.at("/rootfs/diff_ids").forEach(d -> diffIds.add(Digest.parse(d.asText())));
        List<String> ids = new ArrayList<>(LegacyLayerIds.belowTop(diffIds, DOCKER_20_CONTAINER_CONFIG,
                "\"1970-01-01T00:00:00Z\""));
        ids.add(Digest.sha256(("top of " + entry.get("Config").asText()).getBytes(StandardCharsets.UTF_8)).hex());
        Map<String, String> renamed = new HashMap<>();
        ArrayNode layers = JSON.createArrayNode();
        for (int i = 0; i < diffIds.size(); i++) {
            String oldDir = entry.get("Layers").get(i).asText().replace("/layer.tar", "");
            renamed.put(oldDir, ids.get(i));
            layers.add(ids.get(i) + "/layer.tar");
        }
        Map<String, Item> out2 = new TreeMap<>();
        for (Item item : items.values()) {
            String name = item.name();
            int slash = name.indexOf('/');
            String dir = slash > 0 ? name.substring(0, slash) : null;
            if (dir != null && renamed.containsKey(dir)) {
                String newDir = renamed.get(dir);
                int index = ids.indexOf(newDir);
                String rest = name.substring(slash + 1);
                byte[] bytes = item.bytes();
                String symlink = item.symlink();
                if (rest.equals("json")) {
                    bytes = v1Json(newDir, index == 0 ? null : ids.get(index - 1), index == ids.size() - 1);
                }
                if (symlink != null) {
                    String target = symlink.replace("../", "");
                    String targetDir = target.substring(0, target.indexOf('/'));
                    symlink = "../" + renamed.get(targetDir) + target.substring(target.indexOf('/'));
                }
                out2.put(newDir + "/" + rest, new Item(newDir + "/" + rest, bytes, symlink));
            } else if (name.equals("manifest.json")) {
                ((ObjectNode) entry).set("Layers", layers);
                out2.put(name, new Item(name, JSON.writeValueAsBytes(JSON.createArrayNode().add(entry)), null));
            } else if (!name.equals("repositories")) {
                out2.put(name, item);
            }
        }
        write(out2, out);
        return out;
    }

    /** The same stream with the first tar header of one entry overwritten: its reader fails on the first block. */
    static Path withBrokenHeader(Path stream, String entryName, Path out) throws IOException {
        Map<String, Item> items = read(stream);
        Item item = items.get(entryName);
        byte[] bytes = item.bytes().clone();
        java.util.Arrays.fill(bytes, 0, 512, (byte) 'x');
        items.put(entryName, new Item(entryName, bytes, null));
        write(items, out);
        return out;
    }

    /** The entry names in stream order. */
    static List<String> names(Path stream) throws IOException {
        return new ArrayList<>(read(stream).keySet());
    }

    private static byte[] v1Json(String id, String parent, boolean top) {
        String json = "{\"id\":\"" + id + "\"" + (parent == null ? "" : ",\"parent\":\"" + parent + "\"")
                + ",\"created\":\"1970-01-01T00:00:00Z\",\"container_config\":" + DOCKER_20_CONTAINER_CONFIG
                + (top ? ",\"config\":{\"Env\":[\"PATH=/bin\"]},\"architecture\":\"amd64\"" : "") + ",\"os\":\"linux\"}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Item> read(Path archive) throws IOException {
        Map<String, Item> items = new TreeMap<>();
        try (InputStream in = Files.newInputStream(archive); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                String name = e.getName().replaceAll("/$", "");
                if (e.isDirectory()) {
                    continue;
                }
                items.put(name, new Item(name, e.isSymbolicLink() ? null : tar.readAllBytes(),
                        e.isSymbolicLink() ? e.getLinkName() : null));
            }
        }
        return items;
    }

    /** Name order, with each directory written just before its first file (as a walk of the tree writes it). */
    private static void write(Map<String, Item> items, Path out) throws IOException {
        try (OutputStream raw = Files.newOutputStream(out); TarArchiveOutputStream tar = new TarArchiveOutputStream(raw)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            java.util.Set<String> dirs = new java.util.HashSet<>();
            for (Item item : new TreeMap<>(items).values()) {
                String name = item.name();
                for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
                    String dir = name.substring(0, slash + 1);
                    if (dirs.add(dir)) {
                        tar.putArchiveEntry(new TarArchiveEntry(dir, TarConstants.LF_DIR));
                        tar.closeArchiveEntry();
                    }
                }
                if (item.symlink() != null) {
                    TarArchiveEntry link = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
                    link.setLinkName(item.symlink());
                    tar.putArchiveEntry(link);
                } else {
                    TarArchiveEntry file = new TarArchiveEntry(name);
                    file.setSize(item.bytes().length);
                    tar.putArchiveEntry(file);
                    tar.write(item.bytes());
                }
                tar.closeArchiveEntry();
            }
        }
    }
}
