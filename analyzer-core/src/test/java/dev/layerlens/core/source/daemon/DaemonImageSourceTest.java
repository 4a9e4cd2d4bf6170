package dev.layerlens.core.source.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerlens.core.TestImages;
import dev.layerlens.core.image.Digest;
import dev.layerlens.core.image.ImageConfig;
import dev.layerlens.core.image.Platform;
import dev.layerlens.core.layer.LayerScan;
import dev.layerlens.core.layer.LayerScanner;
import dev.layerlens.core.layer.ScanProgress;
import dev.layerlens.core.source.ImageReadException;
import dev.layerlens.core.source.ImageSource;
import dev.layerlens.core.source.SourceOptions;
import dev.layerlens.core.source.SourceResolver;
import dev.layerlens.testdata.DockerArchive;
import dev.layerlens.testdata.Entry;
import dev.layerlens.testdata.ImageSpec;
import dev.layerlens.testdata.LayerFault;
import dev.layerlens.testdata.Written;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The daemon source without a daemon: save streams as Docker writes them (name order, manifest.json
 * last) read once, every layer handed to the scanner. What comes out must be what reading the same
 * archive from disk gives, whether a layer streamed past or had to be kept aside first.
 */
class DaemonImageSourceTest {
    @TempDir
    Path dir;

    @Test
    void aDocker20SaveStreamsEveryLayerAsItPasses() throws Exception {
        Written legacy = new DockerArchive(DockerArchive.Layout.LEGACY).image(TestImages.reference(), "app:1")
                .write(dir.resolve("legacy.tar"));
        Path stream = SaveStreams.mobyLegacy(legacy.path(), dir.resolve("moby.tar"));

        Outcome outcome = compare(legacy, stream);

        assertThat(outcome.result().streamed()).as("layers streamed").isEqualTo(4);
        assertThat(outcome.result().kept()).as("layers kept aside").isZero();
    }

    /** Docker 25+ names layers {@code blobs/sha256/<diffID>}, podman {@code <diffID>.tar}: both known as they pass. */
    @ParameterizedTest
    @EnumSource(value = DockerArchive.Layout.class, names = {"DOCKER_25", "PODMAN"})
    void aSaveNamingLayersByDiffIdStreamsEveryLayerAsItPasses(DockerArchive.Layout layout) throws Exception {
        Written save = new DockerArchive(layout).image(TestImages.reference(), "app:1").write(dir.resolve(layout + ".tar"));
        Outcome outcome = compare(save, SaveStreams.sorted(save.path(), dir.resolve(layout + "-sorted.tar")));

        assertThat(outcome.result().streamed()).isEqualTo(4);
        assertThat(outcome.result().kept()).isZero();
    }

    @Test
    void layersOfAnUnknownNamingAreKeptAsideAndStillReadExactly() throws Exception {
        // the fixture writer names legacy directories its own way: nothing tells them apart before they pass
        ImageSpec image = ImageSpec.builder()
                .layer("ADD big", Entry.dir("data"), Entry.file("data/big.bin", 3_000_000))
                .layer("ADD small", Entry.file("data/small.txt", "hello"))
                .build();
        Written legacy = new DockerArchive(DockerArchive.Layout.LEGACY).image(image, "app:1").write(dir.resolve("l.tar"));
        Outcome outcome = compare(legacy, SaveStreams.sorted(legacy.path(), dir.resolve("l-sorted.tar")));

        assertThat(outcome.result().streamed()).isZero();
        assertThat(outcome.result().kept()).isEqualTo(2);
        assertThat(outcome.spillFiles()).as("the 3 MB layer went to a temporary file, the small one stayed in memory")
                .isEqualTo(1);
    }

    @Test
    void aRepeatedLayerIsFedToBothIndexesFromOnePass() throws Exception {
        Entry[] same = {Entry.dir("etc"), Entry.file("etc/motd", "hello")};
        ImageSpec image = ImageSpec.builder()
                .layer("ADD a", same)
                .layer("ADD b", Entry.file("b.txt", 1000))
                .layer("ADD a again", same)
                .build();
        Written legacy = new DockerArchive(DockerArchive.Layout.LEGACY).image(image, "app:1").write(dir.resolve("r.tar"));
        assertThat(legacy.image().layers().get(0).diffId()).isEqualTo(legacy.image().layers().get(2).diffId());
        Outcome outcome = compare(legacy, SaveStreams.mobyLegacy(legacy.path(), dir.resolve("r-moby.tar")));

        assertThat(outcome.result().streamed()).isEqualTo(3);
    }

    @Test
    void aLayerThatIsNotItsDiffIdFailsNamingIt() throws Exception {
        ImageSpec damaged = TestImages.reference().mapLayer(2, l -> l.withFault(LayerFault.wrongDiffId()));
        Written legacy = new DockerArchive(DockerArchive.Layout.LEGACY).image(damaged, "app:1").write(dir.resolve("d.tar"));
        Path stream = SaveStreams.mobyLegacy(legacy.path(), dir.resolve("d-moby.tar"));

        assertThatThrownBy(() -> scan(open(legacy, stream)))
                .isInstanceOf(ImageReadException.class)
                .hasMessageContaining("layer 2").hasMessageContaining("diffID");
    }

    @Test
    void aStreamThatBreaksOffFailsAndSaysSo() throws Exception {
        Written docker25 = new DockerArchive(DockerArchive.Layout.DOCKER_25).image(TestImages.reference(), "app:1")
                .write(dir.resolve("t.tar"));
        Path sorted = SaveStreams.sorted(docker25.path(), dir.resolve("t-sorted.tar"));
        byte[] bytes = Files.readAllBytes(sorted);
        Path cut = Files.write(dir.resolve("cut.tar"), java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> scan(open(docker25, cut))).isInstanceOf(ImageReadException.class)
                .satisfies(e -> assertThat(e.getMessage().toLowerCase(java.util.Locale.ROOT))
                        .containsAnyOf("broke off", "truncated", "missing"));
    }

    @Test
    void aLayerMissingFromTheStreamIsAnError() throws Exception {
        ImageSpec missing = TestImages.reference().mapLayer(1, l -> l.withFault(LayerFault.missingBlob()));
        Written docker25 = new DockerArchive(DockerArchive.Layout.DOCKER_25).image(missing, "app:1").write(dir.resolve("m.tar"));
        Path stream = SaveStreams.sorted(docker25.path(), dir.resolve("m-sorted.tar"));

        assertThatThrownBy(() -> scan(open(docker25, stream))).isInstanceOf(ImageReadException.class)
                .hasMessageContaining("layer 1").hasMessageContaining("missing");
    }

    @Test
    void aFailedScanCutsTheStreamOff() throws Exception {
        ImageSpec image = ImageSpec.builder()
                .layer("ADD big", Entry.dir("data"), Entry.file("data/big.bin", 30_000_000))
                .layer("ADD small", Entry.file("small.txt", "hello"))
                .build();
        Written docker25 = new DockerArchive(DockerArchive.Layout.DOCKER_25).image(image, "app:1").write(dir.resolve("a.tar"));
        Path sorted = SaveStreams.sorted(docker25.path(), dir.resolve("a-sorted.tar"));
        String bigLayer = "blobs/sha256/" + docker25.image().layers().get(0).diffId().substring("sha256:".length());
        Path broken = SaveStreams.withBrokenHeader(sorted, bigLayer, dir.resolve("a-broken.tar"));
        AtomicBoolean aborted = new AtomicBoolean();
        DaemonImageSource source = open(docker25, broken, aborted);

        assertThatThrownBy(() -> scan(source)).isInstanceOf(ImageReadException.class).hasMessageContaining("layer 0");
        assertThat(aborted).as("the stream was cut off, not read to its end").isTrue();
    }

    @Test
    void theDescriptionBeforeTheStreamComesFromInspectAndIsReplacedByTheConfig() throws Exception {
        Written docker25 = new DockerArchive(DockerArchive.Layout.DOCKER_25).image(TestImages.reference(), "app:1")
                .write(dir.resolve("p.tar"));
        DaemonImageSource source = open(docker25, SaveStreams.sorted(docker25.path(), dir.resolve("p-sorted.tar")));
        assertThat(source.image().config().history()).as("inspect's guess: no history given here").isEmpty();
        assertThat(source.image().layers()).hasSize(4);

        scan(source);

        assertThat(source.image().config().history()).as("the saved config's history").hasSize(5);
        assertThat(source.image().layers().get(1).createdBy()).isEqualTo("COPY app /app # buildkit");
    }

    private record Outcome(SaveStreamReader.Result result, long spillFiles) {
    }

    /** Reads {@code stream} as a daemon's save and {@code written} from disk: same image, same scans. */
    private Outcome compare(Written written, Path stream) throws Exception {
        List<LayerScan> expected;
        dev.layerlens.core.image.Image expectedImage;
        try (ImageSource archive = new SourceResolver(InputStream.nullInputStream(), Map.of())
                .open(written.path().toString(), SourceOptions.DEFAULT)) {
            expected = scan(archive);
            expectedImage = archive.image();
        }
        DaemonImageSource source = open(written, stream);
        long[] spills = new long[1];
        List<LayerScan> actual;
        try (source) {
            actual = scan(source);
            spills[0] = countSpills();
        }
        assertThat(actual).as("scans from the stream").isEqualTo(expected);
        assertThat(source.image()).usingRecursiveComparison().ignoringFields("reference", "source").isEqualTo(expectedImage);
        assertThat(source.image().source()).isEqualTo("docker-daemon");
        assertThat(countSpills()).as("temporary files are deleted on close").isZero();
        return new Outcome(source.deliveryResult().orElseThrow(), spills[0]);
    }

    private static List<LayerScan> scan(ImageSource source) throws ImageReadException {
        return new LayerScanner(TestImages.VERIFY, List.of(), ScanProgress.NONE).scanAll(source);
    }

    private DaemonImageSource open(Written written, Path stream) throws ImageReadException {
        return open(written, stream, new AtomicBoolean());
    }

    /** As DaemonSource opens it, with inspect's answer made from what the writer wrote (no history: the API's guess may differ). */
    private DaemonImageSource open(Written written, Path stream, AtomicBoolean aborted) throws ImageReadException {
        List<Digest> diffIds;
        try (ImageSource archive = new SourceResolver(InputStream.nullInputStream(), Map.of())
                .open(written.path().toString(), SourceOptions.DEFAULT)) {
            diffIds = archive.image().config().diffIds(); // as inspect says: the config's, right or wrong
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ImageConfig config = new ImageConfig(new Platform("linux", "amd64", ""), null, "", List.of(), List.of(), List.of(), "",
                List.of(), List.of(), Map.of(), null, List.of(), diffIds);
        InspectedImage inspected = new InspectedImage(Digest.parse(written.image().configDigest()), diffIds, config);
        SaveOpener opener = new SaveOpener() {
            private InputStream in;

            @Override
            public InputStream open() {
                try {
                    in = Files.newInputStream(stream);
                    return in;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void abort() {
                aborted.set(true);
                try {
                    in.close();
                } catch (IOException ignored) {
                    // closing is the point
                }
            }
        };
        return new DaemonImageSource("app:1", DaemonKind.DOCKER, "the test's stream", inspected, opener, SourceOptions.DEFAULT,
                null);
    }

    private static long countSpills() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (var list = Files.list(tmp)) {
            return list.filter(p -> p.getFileName().toString().startsWith("layerlens-save-"))
                    .mapToLong(DaemonImageSourceTest::filesIn).sum();
        }
    }

    private static long filesIn(Path dir) {
        try (var files = Files.list(dir)) {
            return files.count();
        } catch (IOException e) {
            return 0;
        }
    }
}
