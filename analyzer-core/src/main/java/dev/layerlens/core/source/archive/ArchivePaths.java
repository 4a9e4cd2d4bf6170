package dev.layerlens.core.source.archive;

import dev.layerlens.core.image.PathNames;

/** Link resolution inside an archive: nothing may climb above the archive's root. */
final class ArchivePaths {
    private ArchivePaths() {
    }

    /** Resolves a symlink target relative to the directory holding {@code linkName}. */
    static String resolveSymlink(String linkName, String target) {
        if (target.startsWith("/")) {
            return PathNames.normalize(target);
        }
        return PathNames.normalize(PathNames.child(PathNames.parent(linkName), target));
    }
}
