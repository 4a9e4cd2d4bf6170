package dev.layerlens.cli;

import dev.layerlens.testdata.DockerArchive;
import dev.layerlens.testdata.Entry;
import dev.layerlens.testdata.ImageSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Measures how long {@code layerlens explore} takes from launch to its first complete screen on a
 * large image, beside {@code layerlens analyze} on the same image (the analysis both share), and how
 * long the first keys take on it. Not a test: a measurement to run by hand, printed as a table.
 *
 * <pre>
 * mvn -q -pl cli -am package -DskipTests &amp;&amp; mvn -q -pl cli -am test-compile
 * java -cp cli/target/test-classes:testdata/target/classes:cli/target/layerlens.jar \
 *     dev.layerlens.cli.ExploreStartup target/explore-bench 500000 [IMAGE...]
 * </pre>
 * With only a directory and a file count it writes (once) an uncompressed docker-archive of that many
 * files in five layers, about 2 kB each; further arguments are existing images to measure as well.
 */
public final class ExploreStartup {
    private static final int FILES_PER_DIRECTORY = 500;

    private ExploreStartup() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]).toAbsolutePath();
        int files = Integer.parseInt(args[1]);
        Files.createDirectories(out);
        Path jar = Path.of("cli", "target", "layerlens.jar").toAbsolutePath();
        List<Path> images = new ArrayList<>();
        Path generated = out.resolve("explore-" + files + ".tar");
        if (!Files.exists(generated)) {
            long start = System.nanoTime();
            new DockerArchive(DockerArchive.Layout.LEGACY).image(image(files), "explore-bench:" + files).write(generated);
            System.out.printf("wrote %s (%d MB) in %.1f s%n", generated, Files.size(generated) / 1_000_000,
                    (System.nanoTime() - start) / 1e9);
        }
        images.add(generated);
        for (int i = 2; i < args.length; i++) {
            images.add(Path.of(args[i]).toAbsolutePath());
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        System.out.println("image | analyze (s) | explore: first screen (s) | End in the tree (s) | next layer (s)");
        for (Path image : images) {
            double analyze = analyze(java, jar, image);
            double[] explore = explore(java, jar, image);
            System.out.printf("%s | %.2f | %.2f | %.2f | %.2f%n", image.getFileName(), analyze, explore[0], explore[1],
                    explore[2]);
        }
    }

    /** {@code files} files in five layers under directories of 500: a base, dependencies, a removal, the app. */
    static ImageSpec image(int files) {
        SplittableRandom random = new SplittableRandom(7);
        int perLayer = files / 4;
        ImageSpec.Builder b = ImageSpec.builder();
        b.layer("ADD rootfs.tar /", tree("usr/lib", perLayer, random));
        b.layer("RUN apt-get install -y runtime", tree("usr/share/runtime", perLayer, random));
        b.layer("RUN build", tree("root/.cache/build", perLayer, random));
        b.layer("RUN rm -rf /root/.cache/build", Entry.whiteout("root/.cache/build"));
        b.layer("COPY . /app", tree("app", files - 3 * perLayer, random));
        return b.build();
    }

    private static Entry[] tree(String root, int count, SplittableRandom random) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String dir = root + "/d" + (i / FILES_PER_DIRECTORY);
            if (i % FILES_PER_DIRECTORY == 0) {
                entries.add(Entry.dir(dir));
            }
            entries.add(Entry.file(dir + "/f" + i, 1 + random.nextInt(4000)));
        }
        return entries.toArray(Entry[]::new);
    }

    private static double analyze(String java, Path jar, Path image) throws Exception {
        long start = System.nanoTime();
        // stdout discarded, not "-o /dev/null": -o writes a temporary file and renames it over the target
        Process p = new ProcessBuilder(java, "-jar", jar.toString(), "analyze", "--format", "json", image.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("analyze failed on " + image);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Seconds to the first full screen, to the tree's last row after End, to the next layer's tree. */
    private static double[] explore(String java, Path jar, Path image) throws Exception {
        try (Tmux tmux = Tmux.start("layerlens-explore-bench", 200, 50,
                "'" + java + "' -jar '" + jar + "' explore '" + image + "'; sleep 600")) {
            long start = System.nanoTime();
            firstTime(tmux, s -> s.contains(" Layers 1/") && s.contains("q quit") && s.contains(" Image "));
            double first = (System.nanoTime() - start) / 1e9;
            tmux.await("the first screen to settle", s -> true, Duration.ofSeconds(30));
            tmux.keys("Tab", "Tab");
            Thread.sleep(300);
            long keyed = System.nanoTime();
            tmux.keys("End");
            firstTime(tmux, s -> s.contains("└── f"));
            double end = (System.nanoTime() - keyed) / 1e9;
            tmux.keys("Tab", "Tab");
            Thread.sleep(300);
            keyed = System.nanoTime();
            tmux.keys("Down");
            firstTime(tmux, s -> s.contains(" Layers 2/") && s.contains("layers 0–1"));
            double next = (System.nanoTime() - keyed) / 1e9;
            tmux.keys("q");
            return new double[] {first, end, next};
        }
    }

    private static void firstTime(Tmux tmux, java.util.function.Predicate<String> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (!condition.test(tmux.screen())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no such screen:\n" + tmux.screen());
            }
            Thread.sleep(10);
        }
    }
}
