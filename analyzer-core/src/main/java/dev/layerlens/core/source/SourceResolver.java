package dev.layerlens.core.source;

import dev.layerlens.core.image.ImageReference;
import dev.layerlens.core.source.archive.ArchiveOpener;
import dev.layerlens.core.source.daemon.DaemonKind;
import dev.layerlens.core.source.daemon.DaemonSource;
import dev.layerlens.core.source.daemon.DaemonUnavailableException;
import dev.layerlens.core.source.registry.RegistrySource;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns the words a user gave into an {@link ImageSource}, the way skopeo names images:
 * {@code docker-archive:PATH[:NAME[:TAG]]}, {@code oci-archive:PATH[:TAG]}, {@code oci:DIR[:TAG]},
 * {@code docker-daemon:NAME}, {@code podman:NAME}, {@code docker://[REGISTRY/]REPO[:TAG|@DIGEST]},
 * {@code -} (an archive on stdin), or a bare word: an existing path is sniffed, anything else that
 * is an image name is looked up in the Docker daemon and then in its registry.
 */
public final class SourceResolver {
    public static final String DOCKER_DAEMON = DaemonKind.DOCKER.transport();
    public static final String PODMAN = DaemonKind.PODMAN.transport();
    public static final String REGISTRY = RegistrySource.KIND;
    /** Transports a user may write before the colon, and {@code --source} values. */
    public static final List<String> ARCHIVE_KINDS =
            List.of(ArchiveOpener.DOCKER_ARCHIVE, ArchiveOpener.OCI_ARCHIVE, ArchiveOpener.OCI);
    public static final List<String> REMOTE_KINDS = List.of(DOCKER_DAEMON, PODMAN, REGISTRY);
    /** Every {@code --source} value. */
    public static final List<String> ALL_KINDS = List.of(ArchiveOpener.DOCKER_ARCHIVE, ArchiveOpener.OCI_ARCHIVE,
            ArchiveOpener.OCI, DOCKER_DAEMON, PODMAN, REGISTRY);
    /** Bare words that name archives, not images, even when they parse as image names. */
    private static final Pattern ARCHIVE_NAME = Pattern.compile(".*\\.(?:tar|tgz|tar\\.gz|tar\\.zst|tar\\.zstd|oci)");

    private final InputStream stdin;
    private final DaemonSource daemons;
    private final RegistrySource registries;

    /** Reads daemons and registries as the process's environment says. */
    public SourceResolver(InputStream stdin) {
        this(stdin, System.getenv());
    }

    /** @param env where daemons listen and where credentials are ({@code DOCKER_HOST}, {@code DOCKER_CONFIG}, …) */
    public SourceResolver(InputStream stdin, Map<String, String> env) {
        this(stdin, new DaemonSource(env), new RegistrySource(env));
    }

    public SourceResolver(InputStream stdin, DaemonSource daemons, RegistrySource registries) {
        this.stdin = stdin;
        this.daemons = daemons;
        this.registries = registries;
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
        if (DOCKER_DAEMON.equals(kind)) {
            return daemons.open(DaemonKind.DOCKER, rest, options);
        }
        if (PODMAN.equals(kind)) {
            return daemons.open(DaemonKind.PODMAN, rest, options);
        }
        if (REGISTRY.equals(kind)) {
            return registries.open(RegistrySource.parseReference(rest), options);
        }
        if (rest.equals("-")) {
            return ArchiveOpener.open("stdin", stdin, kind, options);
        }
        PathAndReference target = splitPathAndReference(rest);
        if (target == null) {
            if (kind == null && isImageName(rest)) {
                return daemonThenRegistry(rest, options);
            }
            throw new ImageReadException("no such file or directory");
        }
        // the archive's name without transport prefix or image reference: readers append the reference themselves
        return ArchiveOpener.open(target.path().toString(), target.path(), kind, target.reference(), options);
    }

    /** A bare name, as docker resolves it: the local daemon's image if it has one, else the registry's. */
    private ImageSource daemonThenRegistry(String name, SourceOptions options) throws ImageReadException {
        String daemonSaid;
        try {
            return daemons.open(DaemonKind.DOCKER, name, withoutPull(options));
        } catch (ImageNotFoundException | DaemonUnavailableException e) {
            daemonSaid = e.getMessage();
        }
        try {
            return registries.open(ImageReference.parse(name), options);
        } catch (ImageReadException e) {
            throw new ImageReadException("not a file; " + daemonSaid + "; and from its registry: " + e.getMessage(), e);
        }
    }

    /** The registry is the next place to look: a bare name does not make the daemon pull. */
    private static SourceOptions withoutPull(SourceOptions options) {
        RemoteOptions remote = options.remote();
        return new SourceOptions(options.platform(), options.source(),
                new RemoteOptions(remote.credentials(), remote.insecureRegistries(), false));
    }

    /** An image name as docker accepts one; a word that looks like a path ({@code ./x}, {@code x.tar}, {@code dir/}) is not. */
    static boolean isImageName(String text) {
        return !ARCHIVE_NAME.matcher(text).matches() && !text.endsWith("/") && !text.startsWith(".")
                && !text.startsWith("/") && !text.startsWith("~") && ImageReference.tryParse(text) != null;
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
