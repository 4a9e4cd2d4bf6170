package dev.layerlens.testdata;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * The files of an image archive in the order they are added (the order of the outer tar), written
 * as a tar, a gzip-compressed tar, or a directory. A name added twice keeps its first content: blobs
 * shared by images are stored once.
 */
final class OuterArchive {
    private record Item(String name, byte[] bytes, String symlinkTarget, boolean directory) {
    }

    private final List<Item> items = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    boolean contains(String name) {
        return names.contains(name);
    }

    void file(String name, byte[] bytes) {
        add(new Item(name, bytes, null, false));
    }

    void directory(String name) {
        add(new Item(name, null, null, true));
    }

    void symlink(String name, String target) {
        add(new Item(name, null, target, false));
    }

    private void add(Item item) {
        if (names.add(item.name())) {
            items.add(item);
        }
    }

    void writeTar(Path file, boolean gzipWhole) {
        try (OutputStream raw = Files.newOutputStream(file);
             OutputStream out = gzipWhole ? new GZIPOutputStream(raw) : raw;
             TarArchiveOutputStream tar = Tars.open(out)) {
            for (Item item : items) {
                if (item.directory()) {
                    tar.putArchiveEntry(Tars.header(item.name() + "/", TarConstants.LF_DIR, 0, 0755));
                } else if (item.symlinkTarget() != null) {
                    var header = Tars.header(item.name(), TarConstants.LF_SYMLINK, 0, 0777);
                    header.setLinkName(item.symlinkTarget());
                    tar.putArchiveEntry(header);
                } else {
                    tar.putArchiveEntry(Tars.header(item.name(), TarConstants.LF_NORMAL, item.bytes().length, 0644));
                    tar.write(item.bytes());
                }
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void writeDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
            for (Item item : items) {
                Path target = dir.resolve(item.name());
                if (item.directory()) {
                    Files.createDirectories(target);
                } else if (item.symlinkTarget() != null) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Path.of(item.symlinkTarget()));
                } else {
                    Files.createDirectories(target.getParent());
                    Files.write(target, item.bytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
