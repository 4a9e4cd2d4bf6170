package dev.layerlens.testdata;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The image behind {@code testdata/samples/sample.tar}, the archive the README's demo analyses. Its
 * figures are explained in {@code testdata/samples/README.md}; a test checks that the committed file
 * is exactly what this class writes.
 *
 * <p>Regenerate with {@code mvn -q -pl testdata compile exec:java -Dexec.mainClass=dev.layerlens.testdata.SampleImage}
 * (from the repository root; an argument overrides the output path).
 */
public final class SampleImage {
    public static final String TAG = "layerlens/sample:1.0";
    public static final Path DEFAULT_PATH = Path.of("testdata", "samples", "sample.tar");

    private SampleImage() {
    }

    public static ImageSpec spec() {
        return ImageSpec.builder()
                .config(ConfigSpec.builder()
                        .user("app")
                        .env("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
                        .entrypoint("/bin/app")
                        .workingDir("/srv")
                        .label("org.opencontainers.image.title", "layerlens sample")
                        .build())
                .layer("/bin/sh -c #(nop) ADD file:5b1d5f0bd2a5a2e5 in / ",
                        Entry.dir("bin"),
                        Entry.file("bin/app", 1000).withMode(0644),
                        Entry.dir("etc"),
                        Entry.file("etc/os-release", 100),
                        Entry.dir("usr"),
                        Entry.dir("usr/share"),
                        Entry.dir("usr/share/doc"),
                        Entry.file("usr/share/doc/README", 600),
                        Entry.file("usr/share/doc/LICENSE", 300))
                .emptyStep("/bin/sh -c #(nop)  ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
                .layer("COPY config.json build.log / # buildkit",
                        Entry.dir("etc/app"),
                        Entry.file("etc/app/config.json", 200),
                        Entry.dir("tmp"),
                        Entry.file("tmp/build.log", 400))
                .layer("RUN /bin/sh -c sed -i s/debug/info/ /etc/app/config.json && rm /tmp/build.log # buildkit",
                        Entry.dir("etc/app"),
                        Entry.file("etc/app/config.json", 250),
                        Entry.dir("tmp"),
                        Entry.whiteout("tmp/build.log"))
                .layer("RUN /bin/sh -c rm -rf /usr/share/doc # buildkit",
                        Entry.dir("usr/share"),
                        Entry.whiteout("usr/share/doc"))
                .layer("RUN /bin/sh -c chmod 0755 /bin/app # buildkit",
                        Entry.dir("bin"),
                        Entry.file("bin/app", 1000).withMode(0755))
                .emptyStep("WORKDIR /srv")
                .emptyStep("ENTRYPOINT [\"/bin/app\"]")
                .build();
    }

    /** Writes the sample as {@code docker save} (25+) does. */
    public static Written write(Path file) {
        return new DockerArchive(DockerArchive.Layout.DOCKER_25).image(spec(), TAG).write(file);
    }

    public static void main(String[] args) throws Exception {
        Path out = args.length > 0 ? Path.of(args[0]) : DEFAULT_PATH;
        Files.createDirectories(out.toAbsolutePath().getParent());
        Written written = write(out);
        System.out.println("wrote " + out + " (" + Files.size(out) + " bytes), image " + written.image().configDigest());
    }
}
