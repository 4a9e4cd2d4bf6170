package dev.layerlens.cli.it;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The non-directory paths of a {@code docker export}, each with the SHA-256 of its content, its
 * mode and owner: the test's own view of a final filesystem, to check what {@code layerlens diff}
 * says changed between two images. The engine's per-container files are left out.
 */
final class ExportedContents {
    /**
     * @param type  file, hardlink, symlink or special, as the diff names them
     * @param bytes content bytes of a regular file, 0 for anything else
     */
    record Item(String type, long bytes, String sha256, String link, int mode, long uid, long gid) {
    }

    /** One path's difference as {@code layerlens diff} reports it. */
    record Change(String path, long deltaBytes, List<String> changes) {
    }

    final Map<String, Item> items;

    private ExportedContents(Map<String, Item> items) {
        this.items = items;
    }

    static ExportedContents read(Path exportTar) throws IOException {
        Map<String, Item> items = new TreeMap<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(exportTar), 1 << 16)) {
            TarArchiveInputStream tar = new TarArchiveInputStream(in);
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                String path = ImageFiles.normalize(e.getName());
                if (path.isEmpty() || e.isDirectory() || ExportedFilesystem.ENGINE_FILES.contains(path)
                        || path.startsWith("dev/") || path.startsWith("proc/") || path.startsWith("sys/")) {
                    continue;
                }
                int mode = e.getMode() & 07777;
                Item item;
                if (e.isSymbolicLink()) {
                    item = new Item("symlink", 0, null, e.getLinkName(), mode, e.getLongUserId(), e.getLongGroupId());
                } else if (e.isLink()) {
                    String target = ImageFiles.normalize(e.getLinkName());
                    Item named = items.get(target);
                    item = new Item("hardlink", 0, named == null ? null : named.sha256(), target, mode, e.getLongUserId(),
                            e.getLongGroupId());
                } else if (e.isFile()) {
                    item = new Item("file", e.getSize(), sha256(tar), null, mode, e.getLongUserId(), e.getLongGroupId());
                } else {
                    item = new Item("special", 0, null, null, mode, e.getLongUserId(), e.getLongGroupId());
                }
                items.put("/" + path, item);
            }
        }
        return new ExportedContents(items);
    }

    List<Change> added(ExportedContents after) {
        List<Change> added = new ArrayList<>();
        after.items.forEach((path, item) -> {
            if (!items.containsKey(path)) {
                added.add(new Change(path, item.bytes(), List.of()));
            }
        });
        return added;
    }

    List<Change> removed(ExportedContents after) {
        List<Change> removed = new ArrayList<>();
        items.forEach((path, item) -> {
            if (!after.items.containsKey(path)) {
                removed.add(new Change(path, -item.bytes(), List.of()));
            }
        });
        return removed;
    }

    /** Paths in both whose type, content, link target, mode or owner differ, in the diff's words. */
    List<Change> changed(ExportedContents after) {
        List<Change> changed = new ArrayList<>();
        items.forEach((path, was) -> {
            Item is = after.items.get(path);
            if (is == null) {
                return;
            }
            List<String> what = new ArrayList<>();
            if (!was.type().equals(is.type())) {
                what.add("type");
            } else if (was.type().equals("file") && !Objects.equals(was.sha256(), is.sha256())) {
                what.add("content");
            }
            if (was.type().equals(is.type()) && !Objects.equals(was.link(), is.link())) {
                what.add("link");
            }
            if (was.mode() != is.mode()) {
                what.add("mode");
            }
            if (was.uid() != is.uid() || was.gid() != is.gid()) {
                what.add("owner");
            }
            if (!what.isEmpty()) {
                changed.add(new Change(path, is.bytes() - was.bytes(), what));
            }
        });
        return changed;
    }

    private static String sha256(InputStream content) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            // not closed: the tar stream goes on to the next entry
            new DigestInputStream(content, sha).transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
