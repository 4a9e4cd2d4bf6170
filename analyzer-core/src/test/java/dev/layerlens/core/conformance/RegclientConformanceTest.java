package dev.layerlens.core.conformance;

import static dev.layerlens.core.conformance.PeerArchives.analyze;
import static dev.layerlens.core.conformance.PeerArchives.failure;
import static dev.layerlens.core.conformance.PeerArchives.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.layerlens.core.ImageAnalyzer;
import dev.layerlens.core.fs.FileNode;
import dev.layerlens.core.fs.FileTree;
import dev.layerlens.core.fs.FileVersion;
import dev.layerlens.core.fs.HideReason;
import dev.layerlens.core.image.Digest;
import dev.layerlens.core.image.HistoryEntry;
import dev.layerlens.core.image.ImageConfig;
import dev.layerlens.core.image.Platform;
import dev.layerlens.core.layer.EntryType;
import dev.layerlens.core.layer.LayerEntry;
import dev.layerlens.core.layer.LayerScan;
import dev.layerlens.core.report.Report;
import dev.layerlens.core.source.Compression;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** regclient/regclient's OCI layout and layer: {@code testdata-peers/regclient/SOURCE.md}; "L28" = line 28. */
class RegclientConformanceTest {
    private Path dir;
    private String repo;

    @BeforeEach
    void locate() {
        dir = PeerArchives.peer("regclient");
        repo = file(dir, "testrepo").toString();
    }

    // ---- testrepo: images and platforms ----

    @Test
    @DisplayName("testrepo without a tag: clean error listing the user tags TestTag asserts, not the referrers tags (L61-68)")
    void tagListing() {
        String message = failure(repo).getMessage();
        for (String tag : List.of("a1", "a2", "ai", "b1", "b2", "b3", "child", "loop", "mirror", "v1", "v2", "v3")) {
            assertThat(message).contains(tag);                                      // L66-68
        }
        assertThat(message).doesNotContain("sha256-");                              // L61-62: not user tags
    }

    /*
     * L28 says b2 and b3 copy base-b. The bytes say otherwise for b2: b2 = COPY base-a.txt + LABEL base=b,
     * b3 = COPY base-b.txt + LABEL base=a (checked in every platform's config). We assert the bytes.
     */
    @ParameterizedTest(name = "{0} --platform {1}: {2}, {3}, label base={4} (L28)")
    @CsvSource({
        "b1, linux/amd64,  linux/amd64,  base-a.txt, a",
        "b1, linux/arm64,  linux/arm64,  base-a.txt, a",
        "b1, linux/arm/v7, linux/arm/v7, base-a.txt, a",
        "b1, linux/arm/v6, linux/arm/v6, base-a.txt, a",
        "b1, linux/arm,    linux/arm/v7, base-a.txt, a",
        "b2, linux/arm/v6, linux/arm/v6, base-a.txt, b",
        "b3, linux/arm64,  linux/arm64,  base-b.txt, a",
    })
    void basePlatforms(String tag, String requested, String expected, String copied, String label) throws Exception {
        ImageAnalyzer.Result result = analyze(repo + ":" + tag, Platform.parse(requested));
        Report report = result.report();

        assertThat(result.image().platform()).isEqualTo(Platform.parse(expected));
        assertThat(report.layers()).singleElement()                                   // L28: L=1
                .satisfies(l -> assertThat(l.command()).isEqualTo("COPY " + copied + " /base.txt # buildkit"));
        assertThat(result.image().config().history()).extracting(HistoryEntry::emptyLayer)  // L28: H=2 (E=1)
                .containsExactly(false, true);
        assertThat(result.image().config().history().get(1).createdBy()).isEqualTo("LABEL base=" + label);
        assertThat(result.image().config().labels()).containsEntry("base", label);
        assertThat(report.notes()).isEmpty();
        assertThat(result.tree().find("base.txt").visibleVersion().size()).isEqualTo(2L);
        assertThat(report.image().verified()).isTrue();
    }

    @Test
    @DisplayName("b1: the four platforms are four different images (L28)")
    void basePlatformsDiffer() throws Exception {
        List<String> configs = new java.util.ArrayList<>();
        for (String platform : List.of("linux/amd64", "linux/arm64", "linux/arm/v7", "linux/arm/v6")) {
            configs.add(analyze(repo + ":b1", Platform.parse(platform)).report().image().digest());
        }
        assertThat(configs).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("no --platform: the host's platform is chosen (amd64 on amd64 hosts) (L77, DESIGN §3)")
    void defaultPlatformIsTheHosts() throws Exception {
        ImageAnalyzer.Result byDefault = analyze(repo + ":v1");
        assertThat(byDefault.image().platform()).isEqualTo(Platform.host());
        ImageAnalyzer.Result explicit = analyze(repo + ":v1", Platform.host());
        assertThat(byDefault.report().image().digest()).isEqualTo(explicit.report().image().digest());
    }

    @Test
    @DisplayName("v1 linux/amd64: manifest, config, layers, diff_ids, history and config as derived (L33-48, L77)")
    void v1Amd64() throws Exception {
        ImageAnalyzer.Result result = analyze(repo + ":v1", Platform.parse("linux/amd64"));
        Report report = result.report();

        assertThat(result.image().manifestDigest().toString()).startsWith("sha256:1effc9d4");       // L34
        assertThat(report.image().digest()).startsWith("sha256:03d7b3c6");                         // L34
        assertThat(result.image().platform()).isEqualTo(Platform.parse("linux/amd64"));            // L77
        assertThat(report.layers())                                                                 // L34-36
                .extracting(l -> l.digest().substring(7, 15), l -> l.diffId().substring(7, 15),
                        Report.LayerReport::compressedSizeBytes, Report.LayerReport::sizeBytes)
                .containsExactly(tuple("ac4ae171", "d619c4d8", 106L, 2L), tuple("5fcd3f90", "3a904016", 103L, 2L));
        ImageConfig config = result.image().config();
        assertThat(config.history()).extracting(HistoryEntry::createdBy).containsExactly(           // L37-45
                "COPY base-a.txt /base.txt # buildkit", "LABEL base=a", "COPY layer1.txt /layer1 # buildkit",
                "ARG arg=value", "ARG arg_label", "LABEL arg_label=arg_for_label", "LABEL version=1",
                "VOLUME [/volume]");
        assertThat(config.history()).extracting(HistoryEntry::emptyLayer)
                .containsExactly(false, true, false, true, true, true, true, true);
        assertThat(config.history()).extracting(HistoryEntry::comment).containsOnly("buildkit.dockerfile.v0"); // L46
        assertThat(config.history()).extracting(HistoryEntry::created)                              // L46-47
                .containsExactly("2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z", "2021-01-01T00:00:00Z",
                        "2021-01-01T00:00:00Z", "2021-01-01T00:00:00Z", "2021-01-01T00:00:00Z",
                        "2021-01-01T00:00:00Z", "2021-01-01T00:00:00Z");
        assertThat(report.layers()).extracting(Report.LayerReport::command)                         // empty_layer ↔ layer
                .containsExactly("COPY base-a.txt /base.txt # buildkit", "COPY layer1.txt /layer1 # buildkit");
        assertThat(report.notes()).isEmpty();
        assertThat(config.cmd()).containsExactly("sh");                                             // L48
        assertThat(config.volumes()).containsExactly("/volume");
        assertThat(config.labels()).containsOnly(                                                   // L48
                org.assertj.core.api.Assertions.entry("arg_label", "arg_for_label"),
                org.assertj.core.api.Assertions.entry("version", "1"));
        assertThat(config.env()).anySatisfy(e -> assertThat(e).startsWith("PATH="));
        assertThat(report.image().verified()).isTrue();                                             // L35-36: verified
    }

    @Test
    @DisplayName("v1: the unknown/unknown attestation entries are never offered as platforms (L29, L86)")
    void v1AttestationsSkipped() throws Exception {
        assertThat(analyze(repo + ":v1", Platform.parse("linux/arm64")).image().platform())
                .isEqualTo(Platform.parse("linux/arm64"));
        String armV7 = failure(repo + ":v1", Platform.parse("linux/arm/v7")).getMessage();
        assertThat(armV7).contains("linux/amd64, linux/arm64").doesNotContain("unknown");
        String unknown = failure(repo + ":v1", Platform.parse("unknown/unknown")).getMessage();
        assertThat(unknown).contains("available: linux/amd64, linux/arm64)");
    }

    @ParameterizedTest(name = "{0} {1}: {2} layers, {3} history entries (L30-31)")
    @CsvSource({
        "v2, linux/amd64,  3,  9",
        "v2, linux/arm/v7, 3,  9",
        "v3, linux/amd64,  5, 11",
        "v3, linux/arm/v6, 5, 11",
    })
    void laterVersions(String tag, String platform, int layers, int history) throws Exception {
        ImageAnalyzer.Result result = analyze(repo + ":" + tag, Platform.parse(platform));

        assertThat(result.image().platform()).isEqualTo(Platform.parse(platform));
        assertThat(result.report().layers()).hasSize(layers);
        assertThat(result.image().config().history()).hasSize(history)
                .filteredOn(HistoryEntry::emptyLayer).hasSize(6);                     // E=6
        assertThat(result.report().notes()).isEmpty();
        assertThat(result.report().image().verified()).isTrue();
    }

    @Test
    @DisplayName("v3 layer 5 holds dir/layer.tar as a FILE, not read as a layer (L50-51)")
    void nestedTarIsAFile() throws Exception {
        ImageAnalyzer.Result result = analyze(repo + ":v3", Platform.parse("linux/amd64"));

        assertThat(result.report().layers()).hasSize(5);
        Report.LayerReport fifth = result.report().layers().get(4);
        assertThat(fifth.command()).isEqualTo("COPY layer.tar /dir/layer.tar # buildkit");
        assertThat(fifth.sizeBytes()).isEqualTo(10240L);
        FileNode inner = result.tree().find("dir/layer.tar");
        assertThat(inner.children()).isEmpty();
        assertThat(inner.visibleVersion().type()).isEqualTo(EntryType.FILE);
        assertThat(inner.visibleVersion().size()).isEqualTo(10240L);
        assertThat(inner.visibleVersion().layer()).isEqualTo(4);
        assertThat(result.tree().find("dir").children()).extracting(FileNode::name).containsExactly("layer.tar");
    }

    // ---- testrepo: what is not an image ----

    @ParameterizedTest(name = "{0} is refused as an artifact, not an image (L54-60, L79)")
    @ValueSource(strings = {"a1", "a2", "a3", "ai", "a-docker", "a-docker-oci", "a-example", "child", "mirror"})
    void artifactsRefused(String tag) {
        assertThat(failure(repo + ":" + tag).getMessage()).contains("artifact").contains("not an image");
    }

    @Test
    @DisplayName("loop: manifests and subject both point at child; the walk ends, at child, an artifact (L59)")
    void loopDoesNotLoop() {
        String message = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> failure(repo + ":loop").getMessage());
        assertThat(message).contains("sha256:8e54c6754f08").contains("artifact");
    }

    @Test
    @DisplayName("missing tag: clean error (L78, errs.ErrNotFound)")
    void missingTag() {
        assertThat(failure(repo + ":missing").getMessage()).contains("no manifest tagged missing");
    }

    // ---- layer-wh.tar ----

    @Test
    @DisplayName("layer-wh.tar is a single layer, not an image: clean error (L90)")
    void bareLayerIsNotAnImage() {
        assertThat(failure(file(dir, "layer-wh.tar").toString()).getMessage()).contains("not an image");
    }

    @Test
    @DisplayName("layer-wh.tar scanned as a layer: .wh.layer2.txt is a whiteout, exdir/.wh..wh..opq an opaque marker (L92-99)")
    void layerWhiteoutsDecoded() throws Exception {
        LayerScan scan = scanLayerWh();

        assertThat(scan.entries())                                                    // L92-97, in order
                .extracting(LayerEntry::path, LayerEntry::type, LayerEntry::size)
                .containsExactly(
                        tuple("layer1.txt", EntryType.FILE, 2L),
                        tuple("layer2.txt", EntryType.WHITEOUT, 0L),
                        tuple("layer3.txt", EntryType.FILE, 2L),
                        tuple("exdir", EntryType.DIRECTORY, 0L),
                        tuple("exdir", EntryType.OPAQUE, 0L));
        assertThat(scan.sizeBytes()).isEqualTo(4L);
        assertThat(scan.tarBytes()).isEqualTo(10240L);                               // L13
        assertThat(scan.compression()).isEqualTo(Compression.NONE);
        assertThat(scan.verified()).isTrue();                                        // L13: sha256 0d87eb93…
        assertThat(scan.entries()).extracting(LayerEntry::uid).containsOnly(1000L);  // L99: bmitch, not 0
    }

    @Test
    @DisplayName("layer-wh.tar over a lower layer: layer2.txt and exdir/test.txt deleted, layer1/3 readable (L101-111)")
    void layerWhiteoutsApplyToLowerLayersOnly() throws Exception {
        LayerScan upper = scanLayerWh();
        // a lower layer holding what the asserted ReadFile calls expect to be deleted
        LayerScan lower = new LayerScan(0, List.of(
                new LayerEntry("layer2.txt", EntryType.FILE, 5, 0644, 0, 0, null, 0),
                new LayerEntry("exdir", EntryType.DIRECTORY, 0, 0755, 0, 0, null, 0),
                new LayerEntry("exdir/test.txt", EntryType.FILE, 7, 0644, 0, 0, null, 0)),
                12, -1, 0, Compression.NONE, null, false);
        LayerScan top = new LayerScan(1, upper.entries(), upper.sizeBytes(), upper.tarBytes(), upper.blobBytes(),
                upper.compression(), upper.blobDigest(), upper.verified());
        FileTree tree = FileTree.build(List.of(lower, top));

        assertThat(tree.find("layer1.txt").visibleVersion().size()).isEqualTo(2L);    // L102
        assertThat(tree.find("layer3.txt").visibleVersion().size()).isEqualTo(2L);    // L104
        assertThat(tree.find("layer2.txt").visibleVersion()).isNull();                 // L103: ErrFileDeleted
        assertThat(tree.find("layer2.txt").versions()).singleElement()
                .extracting(FileVersion::hiddenBy, FileVersion::hideReason).containsExactly(1, HideReason.DELETED);
        assertThat(tree.find("exdir/test.txt").visibleVersion()).isNull();             // L105: ErrFileDeleted
        assertThat(tree.find("exdir/test.txt").versions().get(0).hideReason()).isEqualTo(HideReason.DIR_REMOVED);
        assertThat(tree.find("exdir").visibleVersion().layer()).isEqualTo(1);          // the dir itself stays
        assertThat(tree.find("missing.txt")).isNull();                                 // L106: ErrFileNotFound

        // L110-111: alone, the layer's own whiteout hides nothing (it applies to lower layers only)
        FileTree alone = FileTree.build(List.of(upper));
        assertThat(alone.find("layer2.txt")).isNull();
        assertThat(alone.changes().get(0).removed()).isZero();
    }

    private LayerScan scanLayerWh() throws Exception {
        return PeerArchives.scanLayer(file(dir, "layer-wh.tar"),
                Digest.parse("sha256:0d87eb9306be2b188177fe136e3223433e9249248bc698206bb670328a90ff7c"));
    }
}
