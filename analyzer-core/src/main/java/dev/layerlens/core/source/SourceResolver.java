package dev.layerlens.core.source;

import dev.layerlens.core.source.archive.ArchiveOpener;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns the words a user gave into an {@link ImageSource}, the way skopeo names images:
 * {@code docker-archive:PATH[:NAME[:TAG]]}, {@code oci-archive:PATH[:TAG]}, {@code oci:DIR[:TAG]},
 * {@code -} (an archive on stdin), or a bare path, which is sniffed.
 */
public final class SourceResolver {
    /** Transports a user may write before the colon, and {@code --source} values. */
    public static final List<String> ARCHIVE_KINDS =
            List.of(ArchiveOpener.DOCKER_ARCHIVE, ArchiveOpener.OCI_ARCHIVE, ArchiveOpener.OCI);
    private static final List<String> REMOTE_KINDS = List.of("docker-daemon", "podman", "docker");

    private final InputStream stdin;

    public SourceResolver(InputStream stdin) {
        this.stdin = stdin;
    }

    public ImageSource open(String input, SourceOptions options) throws ImageReadException {
        String kind = options.source();
        String rest = input;
        int colon = input.indexOf(':');
        if (colon > 0) {
            String prefix = input.substring(0, colon);
            if (ARCHIVE_KINDS.contains(prefix) || REMOTE_KINDS.contains(prefix)) {
                kind = prefix;
                rest = input.substring(colon + 1);
            }
        }
        if (kind != null && REMOTE_KINDS.contains(kind)) {
            throw new ImageReadException("the " + kind + " source is not available in this version of layerlens;"
                    + " save the image with `docker save -o image.tar NAME` and analyse the archive");
        }
        if (rest.equals("-")) {
            return ArchiveOpener.open("stdin", stdin, kind, options);
        }
        PathAndReference target = splitPathAndReference(rest);
        if (target == null) {
            throw new ImageReadException("no such file or directory (image names are looked up in a daemon or registry,"
                    + " which this version of layerlens does not do)");
        }
        // the archive's name without transport prefix or image reference: readers append the reference themselves
        return ArchiveOpener.open(target.path().toString(), target.path(), kind, target.reference(), options);
    }

    record PathAndReference(Path path, String reference) {
    }

    /**
     * {@code archive.tar:app:1.0} → ({@code archive.tar}, {@code app:1.0}): the shortest prefix before a
     * colon that exists as a file or directory is the path; the whole text is tried first.
     */
    static PathAndReference splitPathAndReference(String text) {
        if (Files.exists(Path.of(text))) {
            return new PathAndReference(Path.of(text), null);
        }
        for (int i = text.indexOf(':'); i > 0; i = text.indexOf(':', i + 1)) {
            Path candidate = Path.of(text.substring(0, i));
            if (Files.exists(candidate)) {
                String reference = text.substring(i + 1);
                return new PathAndReference(candidate, reference.isEmpty() ? null : reference);
            }
        }
        return null;
    }
}
