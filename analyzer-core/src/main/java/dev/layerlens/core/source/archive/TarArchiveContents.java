package dev.layerlens.core.source.archive;

import java.io.IOException;
import dev.layerlens.core.image.PathNames;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * The files of an image archive that is a tar on disk. The index of entries is read with random
 * access ({@link TarFile}), because {@code docker save} writes manifest.json after the blobs.
 */
public final class TarArchiveContents implements ArchiveContents {
    private static final int MAX_LINK_HOPS = 16;

    private record Entry(long offset, long size, String symlinkTarget, String hardlinkTarget) {
    }

    private final String displayName;
    private final Path file;
    private final Runnable onClose;
    private final Map<String, Entry> entries = new HashMap<>();

    /**
     * @param onClose run on close (deletes a spooled temp file)
     */
    public TarArchiveContents(String displayName, Path file, Runnable onClose) throws IOException {
        this.displayName = displayName;
        this.file = file;
        this.onClose = onClose;
        try (TarFile tar = new TarFile(file.toFile())) {
            for (TarArchiveEntry e : tar.getEntries()) {
                String name = PathNames.normalize(e.getName());
                if (e.isSymbolicLink()) {
                    entries.put(name, new Entry(0, 0, ArchivePaths.resolveSymlink(name, e.getLinkName()), null));
                } else if (e.isLink()) {
                    String target = PathNames.normalize(e.getLinkName());
                    if (!target.equals(name)) { // tar re-adding a file as a link to itself changes nothing
                        entries.put(name, new Entry(0, 0, null, target));
                    }
                } else if (e.isFile()) {
                    if (e.isSparse()) {
                        throw new IOException("entry " + name + " is a sparse file, which image archives never hold");
                    }
                    entries.put(name, new Entry(e.getDataOffset(), e.getSize(), null, null));
                }
            }
        }
        for (Entry e : entries.values()) {
            if (e.symlinkTarget == null && e.hardlinkTarget == null && e.offset + e.size > file.toFile().length()) {
                throw new IOException("it is truncated (an entry ends past the end of the file)");
            }
        }
    }

    @Override
    public Optional<ArchiveFile> find(String name) {
        String current = PathNames.normalize(name);
        for (int hop = 0; hop < MAX_LINK_HOPS; hop++) {
            Entry e = entries.get(current);
            if (e == null) {
                return Optional.empty();
            }
            if (e.symlinkTarget != null) {
                current = e.symlinkTarget;
            } else if (e.hardlinkTarget != null) {
                current = e.hardlinkTarget;
            } else {
                return Optional.of(new ArchiveFile(current, file, e.offset, e.size));
            }
        }
        return Optional.empty();
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public void close() {
        onClose.run();
    }
}
