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
 * Measures how long {@code ./layerlens explore} (the launcher users run) takes from launch to its
 * first complete screen on a large image, beside {@code ./layerlens analyze} on the same image (the
 * analysis both share), and how long the first keys take on it; the median of three runs. Not a
 * test: a measurement to run by hand from the repository root, printed as a table.
 *
 * <pre>
 * mvn -q -pl cli -am package -DskipTests &amp;&amp; mvn -q -pl cli -am test-compile
 * java -cp cli/target/test-classes:testdata/target/classes:cli/target/layerlens.jar \
 *     dev.layerlens.cli.ExploreStartup target/explore-bench 500000 [IMAGE...]
 * </pre>
 * It writes (once) an uncompressed docker-archive of that many files in five layers, about 2 kB
 * each; further arguments are existing images to measure as well (bench/out/bench-docker.tar).
 */
public final class ExploreStartup {
    private static final int FILES_PER_DIRECTORY = 500;
    private static final int RUNS = 3;
    private static final long SLOW_POLL_MILLIS = 100;
    private static final long FAST_POLL_MILLIS = 10;

    private ExploreStartup() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]).toAbsolutePath();
        int files = Integer.parseInt(args[1]);
        Files.createDirectories(out);
        Path launcher = Path.of("layerlens").toAbsolutePath();
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
        analyze(launcher, images.get(0)); // the launcher's first run records its class-data archive
        System.out.println("image | analyze (s) | explore: first screen (s) | End in the tree (s) | next layer (s)");
        for (Path image : images) {
            double[] analyze = new double[RUNS];
            double[][] explore = new double[3][RUNS];
            for (int run = 0; run < RUNS; run++) {
                analyze[run] = analyze(launcher, image);
                double[] e = explore(launcher, image);
                for (int i = 0; i < 3; i++) {
                    explore[i][run] = e[i];
                }
            }
            System.out.printf("%s | %.2f | %.2f | %.2f | %.2f%n", image.getFileName(), median(analyze),
                    median(explore[0]), median(explore[1]), median(explore[2]));
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

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /**
     * {@code analyze} in the same kind of terminal as explore (so both draw progress on stderr and
     * are polled alike), its report discarded by the shell; until the shell says it is done.
     */
    private static double analyze(Path launcher, Path image) throws Exception {
        try (Tmux tmux = Tmux.start("layerlens-analyze-bench", 200, 50,
                "'" + launcher + "' analyze '" + image + "' > /dev/null; echo ANALYZED=$?; sleep 600")) {
            long start = System.nanoTime();
            firstTime(tmux, s -> s.contains("ANALYZED="), SLOW_POLL_MILLIS);
            if (!tmux.screen().contains("ANALYZED=0")) {
                throw new IllegalStateException("analyze failed on " + image + ":\n" + tmux.screen());
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /** Seconds to the first full screen, to the tree's last row after End, to the next layer's tree. */
    private static double[] explore(Path launcher, Path image) throws Exception {
        try (Tmux tmux = Tmux.start("layerlens-explore-bench", 200, 50,
                "'" + launcher + "' explore '" + image + "'; sleep 600")) {
            long start = System.nanoTime();
            firstTime(tmux, s -> s.contains(" Layers 1/") && s.contains("q quit") && s.contains(" Image "),
                    SLOW_POLL_MILLIS);
            double first = (System.nanoTime() - start) / 1e9;
            tmux.await("the first screen to settle", s -> true, Duration.ofSeconds(30));
            tmux.keys("Tab", "Tab");
            Thread.sleep(300);
            long keyed = System.nanoTime();
            tmux.keys("End");
            firstTime(tmux, s -> s.contains("└── f"), FAST_POLL_MILLIS);
            double end = (System.nanoTime() - keyed) / 1e9;
            tmux.keys("Tab", "Tab");
            Thread.sleep(300);
            keyed = System.nanoTime();
            tmux.keys("Down");
            firstTime(tmux, s -> s.contains(" Layers 2/") && s.contains("layers 0–1"), FAST_POLL_MILLIS);
            double next = (System.nanoTime() - keyed) / 1e9;
            tmux.keys("q");
            return new double[] {first, end, next};
        }
    }

    /**
     * Polls until the screen satisfies {@code condition}. While the image is read, polling is slow:
     * each poll starts a tmux client, and on a small machine fast polling would slow the measured run.
     */
    private static void firstTime(Tmux tmux, java.util.function.Predicate<String> condition, long pollMillis)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (!condition.test(tmux.screen())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no such screen:\n" + tmux.screen());
            }
            Thread.sleep(pollMillis);
        }
    }
}
