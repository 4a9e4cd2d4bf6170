package dev.layerlens.core.source.archive;

import java.io.IOException;
import java.nio.file.Files;
import dev.layerlens.core.image.PathNames;
import java.nio.file.Path;
import java.util.Optional;

/** The files of an image layout directory; links that lead outside the directory are not followed. */
public final class DirectoryContents implements ArchiveContents {
    private final String displayName;
    private final Path root;

    public DirectoryContents(String displayName, Path root) throws IOException {
        this.displayName = displayName;
        this.root = root.toRealPath();
    }

    @Override
    public Optional<ArchiveFile> find(String name) {
        String normalized = PathNames.normalize(name);
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path real = root.resolve(normalized).toRealPath();
            if (!real.startsWith(root) || !Files.isRegularFile(real)) {
                return Optional.empty();
            }
            return Optional.of(new ArchiveFile(normalized, real, 0, Files.size(real)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public void close() {
    }
}
