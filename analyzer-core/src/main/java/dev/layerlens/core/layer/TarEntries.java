package dev.layerlens.core.layer;

import dev.layerlens.core.image.PathNames;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/** Decodes tar headers into {@link LayerEntry}s, including the overlay whiteout conventions. */
final class TarEntries {
    static final String WHITEOUT_PREFIX = ".wh.";
    static final String OPAQUE_MARKER = ".wh..wh..opq";
    /** {@code .wh..wh.*} names other than the opaque marker are aufs bookkeeping, not content. */
    private static final String AUFS_META_PREFIX = ".wh..wh.";

    private TarEntries() {
    }

    /** The normalised name of a tar entry; empty for the root directory itself. */
    static String pathOf(TarArchiveEntry e) {
        return PathNames.normalize(e.getName());
    }

    /**
     * The entry at {@code path} (from {@link #pathOf}), or null for names that carry nothing
     * (the root itself, aufs bookkeeping).
     */
    static LayerEntry decode(TarArchiveEntry e, String path) {
        if (path.isEmpty()) {
            return null;
        }
        String parent = PathNames.parent(path);
        String name = path.substring(path.lastIndexOf('/') + 1);
        int mode = e.getMode() & 07777;
        // the opaque marker's own name starts with the aufs prefix too: it is not bookkeeping
        boolean aufsMeta = parent.startsWith(AUFS_META_PREFIX) || parent.contains("/" + AUFS_META_PREFIX)
                || (name.startsWith(AUFS_META_PREFIX) && !name.equals(OPAQUE_MARKER));
        if (aufsMeta) {
            return null;
        }
        if (name.equals(OPAQUE_MARKER)) {
            return new LayerEntry(parent, EntryType.OPAQUE, e.getSize(), mode, e.getLongUserId(), e.getLongGroupId(), null, 0);
        }
        if (name.startsWith(WHITEOUT_PREFIX)) {
            String removed = name.substring(WHITEOUT_PREFIX.length());
            if (removed.isEmpty()) {
                return null;
            }
            return new LayerEntry(PathNames.child(parent, removed), EntryType.WHITEOUT, e.getSize(), mode,
                    e.getLongUserId(), e.getLongGroupId(), null, 0);
        }
        EntryType type;
        String link = null;
        if (e.isDirectory()) {
            type = EntryType.DIRECTORY;
        } else if (e.isSymbolicLink()) {
            type = EntryType.SYMLINK;
            link = e.getLinkName();
        } else if (e.isLink()) {
            type = EntryType.HARDLINK;
            link = PathNames.normalize(e.getLinkName());
        } else if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
            type = EntryType.SPECIAL;
        } else {
            type = EntryType.FILE;
        }
        return new LayerEntry(path, type, e.getSize(), mode, e.getLongUserId(), e.getLongGroupId(), link, 0);
    }
}
