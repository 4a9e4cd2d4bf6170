package dev.layerlens.core.source.archive;

import dev.layerlens.core.source.Compression;
import dev.layerlens.core.source.ImageReadException;
import dev.layerlens.core.source.ImageSource;
import dev.layerlens.core.source.SourceOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a local image archive or layout: sniffs what the path holds (a directory, a tar, a
 * compressed tar), then reads it as a docker save archive or an OCI layout.
 */
public final class ArchiveOpener {
    public static final String DOCKER_ARCHIVE = "docker-archive";
    public static final String OCI_ARCHIVE = "oci-archive";
    public static final String OCI = "oci";
    private static final int TAR_BLOCK = 512;

    private ArchiveOpener() {
    }

    /**
     * @param kind       {@link #DOCKER_ARCHIVE}, {@link #OCI_ARCHIVE}, {@link #OCI}, or null to sniff
     * @param reference  the image to pick inside the archive ({@code NAME:TAG} or an OCI tag), or null
     */
    public static ImageSource open(String displayName, Path path, String kind, String reference, SourceOptions options)
            throws ImageReadException {
        return read(contentsOf(displayName, path, false), kind, reference, options, Files.isDirectory(path));
    }

    /** Spools a stream (stdin) to a temporary file, deleted on close, and opens it as an archive. */
    public static ImageSource open(String displayName, InputStream in, String kind, SourceOptions options)
            throws ImageReadException {
        Path temp;
        try {
            temp = Spool.toTempFile(in);
        } catch (IOException e) {
            throw new ImageReadException("could not spool it to a temporary file: " + e.getMessage());
        }
        return read(contentsOf(displayName, temp, true), kind, null, options, false);
    }

    /** @param owned the file is a spool of ours: delete it when done with it */
    private static ArchiveContents contentsOf(String displayName, Path path, boolean owned) throws ImageReadException {
        Runnable release = owned ? Spool.deleter(path) : () -> { };
        try {
            if (Files.isDirectory(path)) {
                return new DirectoryContents(displayName, path);
            }
            if (!Files.isRegularFile(path)) {
                throw new ImageReadException("no such file or directory");
            }
            if (Files.size(path) == 0) {
                throw new ImageReadException("the file is empty");
            }
            Compression compression = sniff(path);
            if (compression == Compression.NONE) {
                requireTar(path);
                return new TarArchiveContents(displayName, path, release);
            }
            Path spooled;
            try (InputStream in = compression.decompress(Files.newInputStream(path))) {
                spooled = Spool.toTempFile(in);
            } catch (IOException e) {
                throw new ImageReadException("the " + compression.displayName() + " stream is corrupt: " + e.getMessage());
            } finally {
                release.run();
            }
            return contentsOf(displayName, spooled, true);
        } catch (IOException e) {
            release.run();
            throw new ImageReadException("not a readable tar archive: " + e.getMessage());
        } catch (ImageReadException | RuntimeException e) {
            release.run();
            throw e;
        }
    }

    private static Compression sniff(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(Compression.MAGIC_LENGTH);
            return Compression.sniff(head, head.length);
        }
    }

    /** A tar begins with a header block whose checksum field matches its bytes. */
    private static void requireTar(Path path) throws IOException, ImageReadException {
        byte[] block;
        try (InputStream in = Files.newInputStream(path)) {
            block = in.readNBytes(TAR_BLOCK);
        }
        if (block.length < TAR_BLOCK || !validChecksum(block)) {
            throw new ImageReadException("not an image: neither a tar archive nor an OCI layout directory");
        }
    }

    private static boolean validChecksum(byte[] block) {
        String field = new String(block, 148, 8, StandardCharsets.US_ASCII).replace('\0', ' ').trim();
        if (field.isEmpty()) {
            return false;
        }
        long stored;
        try {
            stored = Long.parseLong(field, 8);
        } catch (NumberFormatException e) {
            return false;
        }
        long unsigned = 0;
        for (int i = 0; i < TAR_BLOCK; i++) {
            unsigned += (i >= 148 && i < 156) ? ' ' : (block[i] & 0xff);
        }
        return stored == unsigned;
    }

    private static ImageSource read(ArchiveContents contents, String kind, String reference, SourceOptions options,
                                    boolean directory) throws ImageReadException {
        try {
            return readFormat(contents, kind, reference, options, directory);
        } catch (ImageReadException | RuntimeException e) {
            closeQuietly(contents);
            throw e;
        }
    }

    private static ImageSource readFormat(ArchiveContents contents, String kind, String reference, SourceOptions options,
                                          boolean directory) throws ImageReadException {
        boolean hasManifest = contents.find(DockerArchiveReader.MANIFEST).isPresent();
        boolean hasIndex = contents.find(OciLayoutReader.INDEX).isPresent();
        String layoutKind = directory ? OCI : OCI_ARCHIVE;
        if (kind == null) {
            // docker save writes both files since Docker 25: manifest.json describes the saved image,
            // index.json may list platforms whose blobs are absent; a requested platform needs the index,
            // unless it lists nothing (Docker 25.0.0/25.0.1 wrote "manifests": null for untagged images).
            if (hasManifest && !(hasIndex && options.platformRequested() && OciLayoutReader.listsManifests(contents))) {
                return DockerArchiveReader.read(contents, reference, options);
            }
            if (hasIndex) {
                return OciLayoutReader.read(contents, reference, options, layoutKind);
            }
            if (contents.find("repositories").isPresent()) {
                throw new ImageReadException("a pre-Docker-1.10 save (repositories but no manifest.json) is not supported;"
                        + " load and save it again with a current docker");
            }
            throw new ImageReadException("not an image: it has neither manifest.json nor index.json"
                    + (directory ? "" : " (a plain tar, such as a filesystem export?)"));
        }
        return switch (kind) {
            case DOCKER_ARCHIVE -> DockerArchiveReader.read(contents, reference, options);
            case OCI_ARCHIVE, OCI -> OciLayoutReader.read(contents, reference, options, layoutKind);
            default -> throw new IllegalArgumentException("unknown archive kind " + kind);
        };
    }

    private static void closeQuietly(ArchiveContents contents) {
        try {
            contents.close();
        } catch (IOException | RuntimeException ignored) {
            // the original failure is what the user needs to see
        }
    }
}
