package dev.layerlens.core.conformance;

import static dev.layerlens.core.conformance.PeerArchives.analyze;
import static dev.layerlens.core.conformance.PeerArchives.failure;
import static dev.layerlens.core.conformance.PeerArchives.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.layerlens.core.ImageAnalyzer;
import dev.layerlens.core.fs.FileNode;
import dev.layerlens.core.fs.FileTree;
import dev.layerlens.core.fs.FileVersion;
import dev.layerlens.core.fs.HideReason;
import dev.layerlens.core.image.Platform;
import dev.layerlens.core.report.Report;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** google/go-containerregistry's archives: {@code testdata-peers/go-containerregistry/SOURCE.md}; "L28" = line 28. */
class GoContainerRegistryConformanceTest {
    private static final String IMAGE_1_CONFIG = "sha256:6e0b05049ed9c17d02e1a55e80d6599dbfcce7f4f4b022e3c673e685789c470e";
    private static final String IMAGE_2_CONFIG = "sha256:930705ce23e3b6ed4c08746b6fe880089c864fbaf62482702ae3fdd66b8c7fe9";
    private Path dir;

    @BeforeEach
    void locate() {
        dir = PeerArchives.peer("go-containerregistry");
    }

    private String path(String name) {
        return file(dir, name).toString();
    }

    /** Paths the final file system shows (directories included), sorted. */
    private static List<String> visiblePaths(FileTree tree) {
        List<String> paths = new ArrayList<>();
        tree.forEachNode(node -> {
            if (node.visibleVersion() != null) {
                paths.add(node.path());
            }
        });
        return paths.stream().sorted().toList();
    }

    // ---- hello-world-v25.tar ----

    @Test
    @DisplayName("hello-world-v25.tar: index.json lists null manifests, so manifest.json is read (L20-48)")
    void dockerV25NullIndex() throws Exception {
        ImageAnalyzer.Result result = analyze(path("hello-world-v25.tar"));
        Report report = result.report();

        assertThat(report.image().source()).isEqualTo("docker-archive");                            // L38
        assertThat(report.image().digest()).startsWith("sha256:ee301c921b8a");                       // L29
        assertThat(result.image().platform()).isEqualTo(Platform.parse("linux/arm64"));              // L29
        assertThat(report.layers()).singleElement().satisfies(layer -> {
            // L28: uncompressed, blob digest = diffID; 10752-byte tar holding hello (9136 B)
            assertThat(layer.digest()).isEqualTo(layer.diffId())
                    .isEqualTo("sha256:12660636fe55438cc3ae7424da7ac56e845cdb52493ff9cf949c47a7f57f8b43");
            assertThat(layer.compression()).isEqualTo("none");
            assertThat(layer.sizeBytes()).isEqualTo(9136L);
            assertThat(layer.command()).isEqualTo("COPY hello / # buildkit");                          // L29
        });
        assertThat(PeerArchives.scans(path("hello-world-v25.tar")).get(0).tarBytes()).isEqualTo(10752L); // L28
        assertThat(result.image().config().history()).extracting(h -> h.emptyLayer())              // L29
                .containsExactly(false, true);
        FileVersion hello = result.tree().find("hello").visibleVersion();                           // L28
        assertThat(hello.size()).isEqualTo(9136L);
        assertThat(hello.mode()).isEqualTo(0755);
        // L47: validate.Image — every digest, size and diffID checked against the bytes
        assertThat(report.image().verified()).isTrue();
    }

    @Test
    @DisplayName("hello-world-v25.tar with --platform: still falls back to manifest.json (L36-38)")
    void dockerV25NullIndexWithPlatform() throws Exception {
        ImageAnalyzer.Result arm = analyze(path("hello-world-v25.tar"), Platform.parse("linux/arm64"));
        assertThat(arm.report().image().digest()).startsWith("sha256:ee301c921b8a");
        // and asking for a platform it does not hold is a clean refusal naming what it holds
        assertThat(failure(path("hello-world-v25.tar"), Platform.parse("linux/amd64")).getMessage())
                .contains("linux/arm64");
    }

    // ---- test_bundle.tar ----

    @Test
    @DisplayName("test_bundle.tar without a name: clean error naming both images (L65-67, TestBundleSingle)")
    void bundleNeedsAName() {
        assertThat(failure(path("test_bundle.tar")).getMessage())
                .contains("2 images").contains("test_image_1").contains("test_image_2");
    }

    @ParameterizedTest(name = "test_bundle.tar:{0} selects image {1} (L55-69, TestBundleMultiple)")
    @CsvSource({
        "test_image_1,                                1",
        "test_image_2,                                2",
        "test_image_1:latest,                         1",
        "test_image_2:latest,                         2",
        "index.docker.io/library/test_image_1:latest, 1",
        "docker.io/library/test_image_2,              2",
    })
    void bundleSelection(String name, int image) throws Exception {
        ImageAnalyzer.Result result = analyze(path("test_bundle.tar") + ":" + name);
        Report report = result.report();

        if (image == 1) {                                                                              // L56-62
            assertThat(report.image().digest()).isEqualTo(IMAGE_1_CONFIG);
            assertThat(report.layers()).singleElement().satisfies(l -> assertThat(l.diffId()).startsWith("sha256:8897395f"));
            assertThat(visiblePaths(result.tree())).containsExactly("bar", "foo");
        } else {
            assertThat(report.image().digest()).isEqualTo(IMAGE_2_CONFIG);
            assertThat(report.layers()).singleElement().satisfies(l -> assertThat(l.diffId()).startsWith("sha256:3610aa52"));
            assertThat(visiblePaths(result.tree())).containsExactly("bat", "baz");
        }
        // L62: 4 B each, mode 0555; L58: the layer.tar is uncompressed whatever LayerSources says
        result.tree().root().children().forEach(node -> {
            assertThat(node.visibleVersion().size()).isEqualTo(4L);
            assertThat(node.visibleVersion().mode()).isEqualTo(0555);
        });
        assertThat(report.layers().get(0).compression()).isEqualTo("none");
        assertThat(report.layers().get(0).command()).isEqualTo("bazel build ...");                  // L63
        assertThat(report.image().verified()).isTrue();                                               // L69: validate.Image
    }

    @Test
    @DisplayName("test_bundle.tar:<unknown name>: clean error listing what it holds (L60-61)")
    void bundleUnknownName() {
        assertThat(failure(path("test_bundle.tar") + ":test_image_3").getMessage())
                .contains("test_image_3").contains("test_image_1").contains("test_image_2");
    }

    // ---- whiteout_image.tar ----

    @Test
    @DisplayName("whiteout_image.tar: final tree has bar.txt and no foo.txt; the entry-less layer reads as empty (L71-85)")
    void fileWhiteout() throws Exception {
        ImageAnalyzer.Result result = analyze(path("whiteout_image.tar"));

        assertThat(result.report().image().reference()).isEqualTo("bazel/pkg/v1/mutate:whiteout_image"); // L73
        assertThat(visiblePaths(result.tree())).containsExactly("bar.txt");                             // L77, L85
        FileNode foo = result.tree().find("foo.txt");                                                   // L75
        assertThat(foo.versions()).singleElement().satisfies(v -> {
            assertThat(v.layer()).isZero();
            assertThat(v.hiddenBy()).isEqualTo(1);
            assertThat(v.hideReason()).isEqualTo(HideReason.DELETED);
        });
        assertThat(result.report().layers()).extracting(Report.LayerReport::sizeBytes)               // L74-76
                .containsExactly(8L, 0L, 0L);
        assertThat(result.tree().changes().get(2).fileCount()).isZero();                              // L76
        assertThat(PeerArchives.scans(path("whiteout_image.tar")).get(2).entries()).isEmpty();          // L76
        assertThat(result.report().image().verified()).isTrue();
    }

    // ---- whiteout_dir.tar ----

    @Test
    @DisplayName("whiteout_dir.tar: .wh.a removes a/ and a/foo; a/ recreated with a/baz (L87-104)")
    void directoryWhiteout() throws Exception {
        ImageAnalyzer.Result result = analyze(path("whiteout_dir.tar"));
        Report report = result.report();

        assertThat(report.image().reference()).isEqualTo("localhost:5000/whiteout:latest");          // L90
        assertThat(report.image().digest()).startsWith("sha256:92f1e3d5");                           // L90
        assertThat(result.image().config().labels()).containsEntry("io.buildah.version", "1.42.2");  // L91
        assertThat(report.layers()).hasSize(4).extracting(Report.LayerReport::compression).containsOnly("gzip"); // L89
        assertThat(report.layers().get(2).command()).contains("COPY file:").contains("in .wh.a");      // L92
        assertThat(visiblePaths(result.tree())).containsExactly("a", "a/baz", "b", "b/bar");          // L94
        FileNode foo = result.tree().find("a/foo");                                                    // L93-94
        assertThat(foo.visibleVersion()).isNull();
        assertThat(foo.versions()).singleElement().satisfies(v -> {
            assertThat(v.hiddenBy()).isEqualTo(2);
            assertThat(v.hideReason()).isEqualTo(HideReason.DIR_REMOVED);
        });
        assertThat(result.tree().find("a").versions())                                                 // L93
                .extracting(FileVersion::layer, FileVersion::hiddenBy)
                .containsExactly(tuple(0, 2), tuple(3, -1));
        assertThat(report.image().verified()).isTrue();
    }

    // ---- layout/test_index ----

    @Test
    @DisplayName("layout/test_index without a tag: clean error listing tags 1-4 (L110)")
    void layoutNeedsATag() {
        assertThat(failure(path("layout/test_index")).getMessage()).contains("tags: 1, 2, 3, 4");
    }

    @ParameterizedTest(name = "layout/test_index:{0} → manifest {1}…, config {2}… (L112-117)")
    @CsvSource({
        // 1: OCI descriptor, body is Docker v2s2
        "1, eebff607, 6e0b0504, dc52c6e4, 167, bar|foo",
        // 2: descriptor type application/vnd.oci.descriptor.v1+json, sniffed from the body
        "2, 32589985, 930705ce, 321460fa, 165, bat|baz",
        // 3: nested OCI index with one child eebff607
        "3, eebff607, 6e0b0504, dc52c6e4, 167, bar|foo",
        // 4: Docker manifest list with one child eebff607
        "4, eebff607, 6e0b0504, dc52c6e4, 167, bar|foo",
    })
    void layoutTags(String tag, String manifest, String config, String layerBlob, long blobSize, String files)
            throws Exception {
        ImageAnalyzer.Result result = analyze(path("layout/test_index") + ":" + tag);
        Report report = result.report();

        assertThat(result.image().manifestDigest().toString()).startsWith("sha256:" + manifest);
        assertThat(report.image().digest()).startsWith("sha256:" + config);
        assertThat(report.image().reference()).endsWith("test_index:" + tag);
        assertThat(result.image().layers()).singleElement().satisfies(layer -> {
            assertThat(layer.digest().toString()).startsWith("sha256:" + layerBlob);
            // L123: "Fixture is a DockerLayer"
            assertThat(layer.mediaType()).isEqualTo("application/vnd.docker.image.rootfs.diff.tar.gzip");
        });
        assertThat(report.layers().get(0).compressedSizeBytes()).isEqualTo(blobSize);                // L114
        assertThat(report.layers().get(0).compression()).isEqualTo("gzip");
        assertThat(visiblePaths(result.tree())).containsExactly(files.split("\\|"));                 // L114-115
        assertThat(report.image().verified()).isTrue();                                               // L121: validate.Image
    }

    @ParameterizedTest(name = "layout/test_index:{0} is an unknown tag: clean error")
    @ValueSource(strings = {"5", "latest"})
    void layoutUnknownTag(String tag) {
        assertThat(failure(path("layout/test_index") + ":" + tag).getMessage()).contains("no manifest tagged " + tag);
    }
}
