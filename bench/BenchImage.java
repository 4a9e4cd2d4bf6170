import dev.layerlens.testdata.DockerArchive;
import dev.layerlens.testdata.Entry;
import dev.layerlens.testdata.ImageSpec;
import dev.layerlens.testdata.LayerCompression;
import dev.layerlens.testdata.OciLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes the benchmark image with the project's fixture writer: about 1 GB in 8 layers, over 100k
 * files, shaped like a real application image (a base with many small files, dependency layers,
 * a chmod that re-ships files, a removed directory, the application), as an uncompressed docker
 * save archive and as a gzip OCI layout. Sizes come from a seeded generator: every run writes the
 * same bytes.
 *
 * Usage: java -cp <testdata classpath> bench/BenchImage.java OUT_DIR
 */
public final class BenchImage {
    private static final SplittableRandom RANDOM = new SplittableRandom(20261125);

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        ImageSpec image = image();
        long files = image.layers().stream().mapToLong(l -> l.entries().stream()
                .filter(e -> e.type() == Entry.Type.FILE).count()).sum();
        System.out.printf("bench image: %d layers, %d files, %d declared bytes%n",
                image.layers().size(), files, image.declaredBytes());
        new DockerArchive(DockerArchive.Layout.LEGACY).image(image, "bench:1").write(out.resolve("bench-docker.tar"));
        new OciLayout().compression(LayerCompression.GZIP).tag("1", image).writeDirectory(out.resolve("bench-oci-gzip"));
    }

    static ImageSpec image() {
        ImageSpec.Builder b = ImageSpec.builder();
        b.layer("ADD rootfs.tar /", tree("usr/lib", 60_000, 280_000_000L));
        b.layer("RUN apt-get install -y runtime", tree("usr/share/runtime", 15_000, 160_000_000L));
        b.layer("COPY vendor /opt/vendor", tree("opt/vendor", 12_000, 150_000_000L));
        // a chmod re-ships 2000 files of the vendor layer unchanged
        List<Entry> chmod = new ArrayList<>();
        for (Entry e : tree("opt/vendor", 12_000, 150_000_000L)) {
            if (e.type() == Entry.Type.FILE && chmod.size() < 2_000) {
                chmod.add(e.withMode(0755));
            }
        }
        b.layer("RUN chmod -R +x /opt/vendor/d0", chmod.toArray(Entry[]::new));
        b.layer("RUN build-cache", tree("root/.cache/build", 8_000, 120_000_000L));
        // the build cache is removed in a later layer: its bytes stay in the image
        b.layer("RUN rm -rf /root/.cache/build", Entry.whiteout("root/.cache/build"));
        b.layer("COPY assets /srv/assets", tree("srv/assets", 4_000, 120_000_000L));
        b.layer("COPY . /app", tree("app", 6_000, 70_000_000L));
        return b.build();
    }

    /** {@code count} files under {@code root}, 500 per directory, sizes drawn around total/count. */
    static Entry[] tree(String root, int count, long totalBytes) {
        SplittableRandom random = new SplittableRandom(root.hashCode());
        long mean = totalBytes / count;
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String dir = root + "/d" + (i / 500);
            if (i % 500 == 0) {
                entries.add(Entry.dir(dir));
            }
            // mostly small files, a few large ones: exponential around the mean
            long size = Math.max(1, (long) (-Math.log(1 - random.nextDouble()) * mean));
            entries.add(Entry.file(dir + "/f" + i + ".bin", size));
        }
        return entries.toArray(Entry[]::new);
    }
}
