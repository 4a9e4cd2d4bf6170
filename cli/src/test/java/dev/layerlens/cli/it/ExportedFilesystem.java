package dev.layerlens.cli.it;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The filesystem of a container as {@code docker export} writes it: the engine's own merge of the
 * image's layers, plus what the engine adds to every container (its "init" layer).
 */
final class ExportedFilesystem {
    /** Non-directories the engine adds to every container (empty files, a symlink), whatever the image holds there. */
    static final Set<String> ENGINE_FILES = Set.of(".dockerenv", "etc/hostname", "etc/hosts", "etc/resolv.conf",
            "etc/mtab", "dev/console");
    /** Directories the engine creates in every container. */
    static final Set<String> ENGINE_DIRECTORIES = Set.of("dev", "dev/pts", "dev/shm", "proc", "sys", "etc");

    /** A path of the export; hard links resolved to the size of the file they name. */
    record Entry(LayerReplay.Kind kind, long size, String linkTarget) {
    }

    final Map<String, Entry> entries;

    private ExportedFilesystem(Map<String, Entry> entries) {
        this.entries = entries;
    }

    static ExportedFilesystem read(Path exportTar) throws IOException {
        Map<String, Entry> entries = new TreeMap<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(exportTar), 1 << 16)) {
            TarArchiveInputStream tar = new TarArchiveInputStream(in);
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                String path = ImageFiles.normalize(e.getName());
                if (path.isEmpty()) {
                    continue;
                }
                LayerReplay.Kind kind = LayerReplay.kindOf(e);
                Entry entry;
                if (kind == LayerReplay.Kind.SYMLINK) {
                    entry = new Entry(kind, 0, e.getLinkName());
                } else if (kind == LayerReplay.Kind.FILE && e.isLink()) {
                    Entry target = entries.get(ImageFiles.normalize(e.getLinkName()));
                    if (target == null) {
                        throw new IOException("export: hard link " + path + " names " + e.getLinkName() + ", not seen before it");
                    }
                    entry = new Entry(kind, target.size(), null);
                } else {
                    entry = new Entry(kind, kind == LayerReplay.Kind.FILE ? e.getSize() : 0, null);
                }
                entries.put(path, entry);
            }
        }
        return new ExportedFilesystem(entries);
    }

    /** Σ size of the regular-file entries outside {@link #ENGINE_FILES}: each content once, as tar stores hard links. */
    static long regularFileBytes(Path exportTar) throws IOException {
        long total = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(exportTar), 1 << 16)) {
            TarArchiveInputStream tar = new TarArchiveInputStream(in);
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (LayerReplay.kindOf(e) == LayerReplay.Kind.FILE && !e.isLink() && !ENGINE_FILES.contains(ImageFiles.normalize(e.getName()))) {
                    total += e.getSize();
                }
            }
        }
        return total;
    }
}
