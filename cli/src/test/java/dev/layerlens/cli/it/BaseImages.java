package dev.layerlens.cli.it;

import static dev.layerlens.cli.it.Prerequisites.need;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The two base images every scenario starts from, built at most once per test run. Each carries a
 * label with the hash of its recipe; an image already tagged with the same hash is reused, so local
 * reruns skip the build (debootstrap above all).
 */
final class BaseImages {
    static final String BUSYBOX = "layerlens-it/busybox:base";
    static final String DEBIAN = "layerlens-it/debian:bookworm";
    static final String RECIPE_LABEL = "dev.layerlens.it.recipe";

    private static final String BUSYBOX_BINARY = "/bin/busybox";
    private static final String BUSYBOX_DOCKERFILE = """
            FROM scratch
            COPY busybox /bin/busybox
            RUN ["/bin/busybox", "--install", "-s", "/bin"]
            """;
    private static final String DEBIAN_SUITE = "bookworm";
    private static final String DEBIAN_MIRROR_ENV = "LAYERLENS_DEBIAN_MIRROR";
    private static final String DEFAULT_DEBIAN_MIRROR = "http://deb.debian.org/debian";
    /**
     * Makes the rootfs an image-like tree: no downloaded .debs or package lists (as in Debian's own
     * images, so that a scenario's apt-get update is what ships the lists), no device nodes and no
     * hostname/resolv.conf (the engine provides those in a container).
     */
    private static final String DEBIAN_SCRIPT = """
            set -euo pipefail
            rootfs="$1"; tarball="$2"; tag="$3"; label="$4"; suite="$5"; mirror="$6"; debootstrap="$7"; docker="$8"
            rm -rf "$rootfs" "$tarball"
            "$debootstrap" --variant=minbase "$suite" "$rootfs" "$mirror" > "$rootfs.log" 2>&1 \\
              || { tail -n 40 "$rootfs.log" >&2; exit 1; }
            find "$rootfs/var/cache/apt/archives" -name '*.deb' -delete
            find "$rootfs/var/lib/apt/lists" -type f -delete
            rm -rf "$rootfs"/dev/* "$rootfs/etc/hostname" "$rootfs/etc/resolv.conf"
            tar --numeric-owner -C "$rootfs" -cf "$tarball" .
            "$docker" import --change "LABEL $label" "$tarball" "$tag" > /dev/null
            rm -rf "$rootfs" "$tarball" "$rootfs.log"
            """;

    private final Docker docker;
    private final Path workDir;
    private boolean busyboxReady;
    private boolean debianReady;

    BaseImages(Docker docker, Path workDir) {
        this.docker = docker;
        this.workDir = workDir;
    }

    /** Makes sure the base image named in a scenario's {@code expected.json} exists; returns its tag. */
    String ensure(String base) {
        return switch (base) {
            case "busybox" -> busybox();
            case "debian" -> debian();
            default -> throw new IllegalArgumentException("unknown base image " + base);
        };
    }

    synchronized String busybox() {
        if (busyboxReady) {
            return BUSYBOX;
        }
        Path binary = Path.of(BUSYBOX_BINARY);
        need(Files.isRegularFile(binary), BUSYBOX_BINARY + " is missing (apt-get install busybox-static)");
        String recipe = sha256(BUSYBOX_DOCKERFILE.getBytes(StandardCharsets.UTF_8), fileSha256(binary).getBytes(StandardCharsets.UTF_8));
        if (!recipe.equals(docker.label(BUSYBOX, RECIPE_LABEL))) {
            Path context = workDir.resolve("base-busybox");
            try {
                Files.createDirectories(context);
                Files.copy(binary, context.resolve("busybox"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Files.writeString(context.resolve("Dockerfile"), BUSYBOX_DOCKERFILE + "LABEL " + RECIPE_LABEL + "=" + recipe + "\n",
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            docker.build(Docker.Builder.LEGACY, context, BUSYBOX, Duration.ofMinutes(5));
        }
        busyboxReady = true;
        return BUSYBOX;
    }

    synchronized String debian() {
        if (debianReady) {
            return DEBIAN;
        }
        String mirror = System.getenv().getOrDefault(DEBIAN_MIRROR_ENV, DEFAULT_DEBIAN_MIRROR);
        String recipe = sha256((DEBIAN_SCRIPT + "\n" + DEBIAN_SUITE + "\nminbase\n" + mirror).getBytes(StandardCharsets.UTF_8));
        if (!recipe.equals(docker.label(DEBIAN, RECIPE_LABEL))) {
            Path debootstrap = Command.which("debootstrap");
            need(debootstrap != null, "debootstrap is missing (apt-get install debootstrap)");
            Path bash = Command.which("bash");
            Command.run(List.of(bash.toString(), "-c", DEBIAN_SCRIPT, "debian-base",
                            workDir.resolve("debian-rootfs").toString(), workDir.resolve("debian-rootfs.tar").toString(),
                            DEBIAN, RECIPE_LABEL + "=" + recipe, DEBIAN_SUITE, mirror, debootstrap.toString(),
                            docker.anyClient().toString()),
                    Map.of(), Duration.ofMinutes(10)).orThrow();
        }
        debianReady = true;
        return DEBIAN;
    }

    private static String fileSha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                md.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                md.update(part);
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
