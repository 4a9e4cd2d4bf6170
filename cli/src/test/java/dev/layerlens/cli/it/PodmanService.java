package dev.layerlens.cli.it;

import static dev.layerlens.cli.it.Prerequisites.need;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debian's podman serving its Docker-compatible API ({@code podman system service}) on a socket of
 * the test's own, over an image store of its own under the work directory (vfs, so it needs no
 * kernel overlay support), beside the Docker daemon rather than instead of it.
 */
final class PodmanService implements AutoCloseable {
    static final String BINARY = "podman";

    private final Path binary;
    private final Path dir;
    private final Process process;

    private PodmanService(Path binary, Path dir, Process process) {
        this.binary = binary;
        this.dir = dir;
        this.process = process;
    }

    static PodmanService start(Path workDir) {
        Path binary = Command.which(BINARY);
        need(binary != null, BINARY + " is missing (apt-get install podman)");
        try {
            Path dir = Files.createDirectories(workDir.resolve("podman"));
            List<String> argv = argv(binary, dir, "system", "service", "--time=0", "unix://" + socket(dir));
            Process process = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("service.log").toFile()).start();
            PodmanService started = new PodmanService(binary, dir, process);
            started.awaitSocket();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path socket() {
        return socket(dir);
    }

    private static Path socket(Path dir) {
        return dir.resolve("podman.sock");
    }

    /** What layerlens is told to find Podman by, as podman-remote is. */
    Map<String, String> environment() {
        return Map.of("CONTAINER_HOST", "unix://" + socket());
    }

    /** {@code podman load} of a {@code docker save} archive into this service's store. */
    void load(Path archive) {
        Command.run(podman("load", "-i", archive.toString()), Map.of(), Duration.ofMinutes(2)).orThrow();
    }

    /** {@code podman save --format docker-archive}: Podman's own layout of a docker archive. */
    void save(String name, Path archive) {
        Command.run(podman("save", "--format", "docker-archive", "-o", archive.toString(), name), Map.of(),
                Duration.ofMinutes(2)).orThrow();
    }

    private List<String> podman(String... args) {
        return argv(binary, dir, args);
    }

    private static List<String> argv(Path binary, Path dir, String... args) {
        List<String> argv = new ArrayList<>(List.of(binary.toString(), "--storage-driver", "vfs",
                "--root", dir.resolve("root").toString(), "--runroot", dir.resolve("run").toString()));
        argv.addAll(List.of(args));
        return argv;
    }

    private void awaitSocket() throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("podman system service exited with " + process.exitValue() + ":\n"
                        + Files.readString(dir.resolve("service.log")));
            }
            if (Files.exists(socket())) {
                try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket()))) {
                    return;
                } catch (IOException e) {
                    // bound, not accepting yet
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("podman system service did not listen within 20 s:\n"
                + Files.readString(dir.resolve("service.log")));
    }

    @Override
    public void close() {
        Command.stop(process);
    }
}
