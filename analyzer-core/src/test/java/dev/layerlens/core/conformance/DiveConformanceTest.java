package dev.layerlens.core.conformance;

import static dev.layerlens.core.conformance.PeerArchives.analyze;
import static dev.layerlens.core.conformance.PeerArchives.failure;
import static dev.layerlens.core.conformance.PeerArchives.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.layerlens.core.ImageAnalyzer;
import dev.layerlens.core.analysis.DiveMetrics;
import dev.layerlens.core.analysis.ReclaimablePath;
import dev.layerlens.core.fs.FileNode;
import dev.layerlens.core.fs.FileVersion;
import dev.layerlens.core.fs.HideReason;
import dev.layerlens.core.image.Platform;
import dev.layerlens.core.report.Report;
import dev.layerlens.core.source.ImageReadException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** wagoodman/dive's archives: {@code testdata-peers/dive/SOURCE.md}; "L61" = line 61 of that file. */
class DiveConformanceTest {
    private Path dir;

    @BeforeEach
    void locate() {
        dir = PeerArchives.peer("dive");
    }

    private String path(String name) {
        return file(dir, name).toString();
    }

    // ---- test-docker-image.tar ----

    @Test
    @DisplayName("docker image: efficiency, wastedBytes, userWastedPercent, sizes exactly as dive's Test_Analysis (L57-65)")
    void dockerImageDiveFigures() throws ImageReadException {
        DiveMetrics dive = analyze(path("test-docker-image.tar")).report().metrics().dive();

        assertThat(dive.efficiency()).isEqualTo(0.9844212134184309);            // L61
        assertThat(dive.sizeBytes()).isEqualTo(1220598L);                        // L62
        assertThat(dive.userSizeBytes()).isEqualTo(66237L);                      // L63
        assertThat(dive.wastedBytes()).isEqualTo(32025L);                        // L64
        assertThat(dive.userWastedPercent()).isEqualTo(0.4834911001404049);     // L65
        // DERIVED L175-176: 1214193 / 1233408, and 32025 = 5 × 6405
        assertThat(dive.efficiency()).isEqualTo(1214193.0 / 1233408.0);
        assertThat(dive.wastedBytes()).isEqualTo(5L * 6405);
    }

    @Test
    @DisplayName("docker image: inefficient files (count, bytes, path) as in export_test.snap (L69-78)")
    void dockerImageInefficiencies() throws ImageReadException {
        DiveMetrics dive = analyze(path("test-docker-image.tar")).report().metrics().dive();

        // L72-76; the two 12810-byte entries tie and dive's sort is unstable (L78), so their order is free
        assertThat(dive.inefficiencies())
                .extracting(DiveMetrics.Inefficiency::path, DiveMetrics.Inefficiency::count, DiveMetrics.Inefficiency::cumulativeBytes)
                .containsExactlyInAnyOrder(
                        tuple("/root/saved.txt", 2, 12810L),
                        tuple("/root/example/somefile1.txt", 2, 12810L),
                        tuple("/root/example/somefile3.txt", 2, 6405L));
        assertThat(dive.inefficiencies()).isSortedAccordingTo(
                Comparator.comparingLong(DiveMetrics.Inefficiency::cumulativeBytes).reversed());
        // DERIVED L177-179: somefile2.txt, removed with its directory, is never reported by dive
        assertThat(dive.inefficiencies()).extracting(DiveMetrics.Inefficiency::path)
                .doesNotContain("root/example/somefile2.txt");
    }

    @ParameterizedTest(name = "layer {0}: diffID {1}…, {2} bytes, command {3} (L85-100)")
    @CsvSource(delimiter = '|', value = {
        " 0 | 23bc2b70b201 | 1154361 | #(nop) ADD file:ce026b62",
        " 1 | a65b7d7ac139 |    6405 | #(nop) ADD file:139c3708",
        " 2 | 93e208d47175 |       0 | mkdir -p /root/example/really/nested",
        " 3 | 4abad3abe3cb |    6405 | cp /somefile.txt /root/example/somefile1.txt",
        " 4 | 14c9a6ffcb6a |    6405 | chmod 444 /root/example/somefile1.txt",
        " 5 | 778fb5770ef4 |    6405 | cp /somefile.txt /root/example/somefile2.txt",
        " 6 | f275b8a31a71 |    6405 | cp /somefile.txt /root/example/somefile3.txt",
        " 7 | dd1effc5eb19 |    6405 | mv /root/example/somefile3.txt /root/saved.txt",
        " 8 | 8d1869a0a066 |    6405 | cp /root/saved.txt /root/.saved.txt",
        " 9 | bc2e36423fa3 |       0 | rm -rf /root/example/",
        "10 | 7f648d45ee7b |    2187 | #(nop) ADD dir:7ec14b81",
        "11 | a4b8f95f266d |    6405 | cp /root/saved.txt /tmp/saved.again1.txt",
        "12 | 22a44d45780a |    6405 | cp /root/saved.txt /root/.data/saved.again2.txt",
        "13 | ba689cac6a98 |    6405 | chmod +x /root/saved.txt",
    })
    void dockerImageLayers(int index, String diffIdPrefix, long size, String command) throws ImageReadException {
        Report report = analyze(path("test-docker-image.tar")).report();
        assertThat(report.layers()).hasSize(14);
        Report.LayerReport layer = report.layers().get(index);
        assertThat(layer.diffId()).startsWith("sha256:" + diffIdPrefix);
        assertThat(layer.sizeBytes()).isEqualTo(size);
        // dive shows created_by without its leading "/bin/sh -c " (L81-82); we keep the whole text
        assertThat(layer.command()).startsWith("/bin/sh -c " + command);
        assertThat(layer.compression()).isEqualTo("none");                      // L29: layers uncompressed
    }

    @Test
    @DisplayName("docker image: the two whiteouts (L102-103) hide what they name; removed dir counted by our reclaimable bytes (L177-179)")
    void dockerImageWhiteouts() throws ImageReadException {
        ImageAnalyzer.Result result = analyze(path("test-docker-image.tar"));

        // L102: layer 7 root/example/.wh.somefile3.txt
        FileNode somefile3 = result.tree().find("root/example/somefile3.txt");
        assertThat(somefile3.versions()).singleElement().satisfies(v -> {
            assertThat(v.layer()).isEqualTo(6);
            assertThat(v.hiddenBy()).isEqualTo(7);
            assertThat(v.hideReason()).isEqualTo(HideReason.DELETED);
        });
        // L103: layer 9 root/.wh.example removes the directory and what was still in it
        FileNode example = result.tree().find("root/example");
        assertThat(example.visibleVersion()).isNull();
        assertThat(example.versions().get(example.versions().size() - 1).hideReason()).isEqualTo(HideReason.DELETED);
        assertThat(result.tree().find("root/example/somefile2.txt").visibleVersion()).isNull();
        // L116/L97: /root/.data holds tag.sh, test.sh and saved.again2.txt; /tmp/saved.again1.txt
        assertThat(result.tree().find("root/.data").children()).extracting(FileNode::name)
                .containsExactlyInAnyOrder("saved.again2.txt", "tag.sh", "test.sh");
        FileVersion saved = result.tree().find("root/saved.txt").visibleVersion();
        assertThat(saved.layer()).isEqualTo(13);

        // DESIGN §4: dive ignores removed directories (L177-179); our reclaimable bytes do not
        assertThat(result.report().reclaimable())
                .extracting(ReclaimablePath::path, ReclaimablePath::bytes, ReclaimablePath::hiddenBy, ReclaimablePath::reason)
                .contains(tuple("/root/example/somefile2.txt", 6405L, 9, HideReason.DIR_REMOVED),
                        tuple("/root/example/somefile3.txt", 6405L, 7, HideReason.DELETED));
    }

    @Test
    @DisplayName("docker image passes dive's own CI config .dive-ci (0.95 / 20MB / 0.5) (L180-182)")
    void dockerImagePassesDiveCi() throws ImageReadException {
        DiveMetrics dive = analyze(path("test-docker-image.tar")).report().metrics().dive();
        assertThat(dive.efficiency()).isGreaterThanOrEqualTo(0.95);
        assertThat(dive.wastedBytes()).isLessThanOrEqualTo(20_000_000L);
        assertThat(dive.userWastedPercent()).isLessThanOrEqualTo(0.5);
    }

    // ---- test-kaniko-image.tar ----

    @Test
    @DisplayName("kaniko image: DERIVED dive figures (L195-204)")
    void kanikoImageDiveFigures() throws ImageReadException {
        Report report = analyze(path("test-kaniko-image.tar")).report();
        DiveMetrics dive = report.metrics().dive();

        assertThat(report.layers()).hasSize(14);                                 // L197
        assertThat(dive.sizeBytes()).isEqualTo(1326410L);                        // L199
        assertThat(dive.userSizeBytes()).isEqualTo(94677L);                      // L200
        assertThat(dive.wastedBytes()).isEqualTo(46245L).isEqualTo(5L * 9249);   // L201
        assertThat(dive.userWastedPercent()).isEqualTo(0.4884502043790995);     // L202
        assertThat(dive.efficiency()).isEqualTo(0.9793688490216431)              // L203
                .isEqualTo(1317161.0 / 1344908.0);
        assertThat(dive.inefficiencies())                                        // L204
                .extracting(DiveMetrics.Inefficiency::path, DiveMetrics.Inefficiency::count, DiveMetrics.Inefficiency::cumulativeBytes)
                .containsExactlyInAnyOrder(
                        tuple("/root/saved.txt", 2, 18498L),
                        tuple("/root/example/somefile1.txt", 2, 18498L),
                        tuple("/root/example/somefile3.txt", 2, 9249L));
        // L188-191: dive's Taskfile runs it with .dive-ci and expects success
        assertThat(dive.efficiency()).isGreaterThanOrEqualTo(0.95);
        assertThat(dive.userWastedPercent()).isLessThanOrEqualTo(0.5);
    }

    @Test
    @DisplayName("kaniko image: per-layer sizes, gzip layers, commands, history pairing (L205-209, L30)")
    void kanikoImageLayers() throws ImageReadException {
        ImageAnalyzer.Result result = analyze(path("test-kaniko-image.tar"));
        Report report = result.report();

        assertThat(report.layers()).extracting(Report.LayerReport::sizeBytes)   // L205
                .containsExactly(1231733L, 9249L, 0L, 9249L, 9249L, 9249L, 9249L, 9249L, 9249L, 0L, 2187L, 9249L,
                        9249L, 9249L);
        assertThat(report.layers()).extracting(Report.LayerReport::compression).containsOnly("gzip"); // L30
        assertThat(report.image().digest()).startsWith("sha256:ae16a5");       // L30: config named sha256:ae16a5…
        // L208: commands
        assertThat(report.layers().get(0).command()).startsWith("/bin/sh -c #(nop) ADD file:ab8940a9").endsWith(" in / ");
        assertThat(report.layers().get(1).command()).isEqualTo("ADD README.md /somefile.txt");
        assertThat(report.layers().get(2).command()).isEqualTo("RUN mkdir -p /root/example/really/nested");
        // L209: 15 history entries, one empty_layer skipped when pairing: no mismatch note
        assertThat(result.image().config().history()).hasSize(15)
                .filteredOn(h -> h.emptyLayer()).singleElement()
                .satisfies(h -> assertThat(h.createdBy()).contains("CMD [\"sh\"]"));
        assertThat(report.notes()).isEmpty();
        // L211: whiteouts in layers 7 and 9
        assertThat(result.tree().find("root/example/somefile3.txt").versions().get(0).hiddenBy()).isEqualTo(7);
        assertThat(result.tree().find("root/example").visibleVersion()).isNull();
        assertThat(report.image().verified()).isTrue();
    }

    // ---- test-oci-*-image.tar ----

    @ParameterizedTest(name = "{0}: 1 layer of {1}, 11189 bytes, diffID {2}… (L31-34, L222-235)")
    @CsvSource({
        "test-oci-uncompressed-image.tar, none, 356d5e7f4012d87cb1078ac1f480e90528eec4940ce45c50380321436db38758, ",
        "test-oci-gzip-image.tar,         gzip, 356d5e7f4012d87cb1078ac1f480e90528eec4940ce45c50380321436db38758, 4132",
        "test-oci-zstd-image.tar,         zstd, 356d5e7f4012d87cb1078ac1f480e90528eec4940ce45c50380321436db38758, 4314",
        "test-oci-estargz-image.tar,      gzip, 2b3dbfdf131b60e153f6c11e1781c35dcaab001dde8f65c5efaad5813817800e, ",
    })
    void ociArchives(String name, String compression, String diffIdHex, Long compressedSize) throws ImageReadException {
        ImageAnalyzer.Result result = analyze(path(name));
        Report report = result.report();

        assertThat(report.image().source()).isEqualTo("oci-archive");          // L31: no manifest.json
        assertThat(result.image().platform()).isEqualTo(new Platform("linux", "arm64", null)); // L31
        assertThat(report.layers()).singleElement().satisfies(layer -> {        // L226
            assertThat(layer.sizeBytes()).isEqualTo(11189L);                     // L228 (eStargz: L237-238)
            assertThat(layer.diffId()).isEqualTo("sha256:" + diffIdHex);        // L234
            assertThat(layer.compression()).isEqualTo(compression);             // L31-34
            assertThat(layer.command()).isEqualTo("COPY README.md /README.md # buildkit"); // L235
            if (compressedSize != null) {
                assertThat(layer.compressedSizeBytes()).isEqualTo(compressedSize); // L32-33
            }
        });
        // the diffID was checked against the bytes: for eStargz it covers the stargz index after the
        // tar end marker (L34), which must not show up as a file (L237-238)
        assertThat(report.image().verified()).isTrue();
        assertThat(result.tree().root().children()).extracting(FileNode::path).containsExactly("README.md"); // L227
        DiveMetrics dive = report.metrics().dive();
        assertThat(dive.sizeBytes()).isEqualTo(11189L);                          // L228
        assertThat(dive.userSizeBytes()).isZero();                               // L229
        assertThat(dive.wastedBytes()).isZero();                                 // L230
        assertThat(dive.inefficiencies()).isEmpty();                             // L230
        assertThat(dive.efficiency()).isEqualTo(1.0);                            // L231
        // L232: dive computes 0/0 = NaN; DiveMetrics says "no user layers" with null instead
        assertThat(dive.userWastedPercent()).isNull();
    }

    // ---- test-{uncompressed,gzip,zstd,estargz}-image.tar: root filesystem exports ----

    @ParameterizedTest(name = "{0} is a rootfs export, not an image (L35-38, L240-244)")
    @ValueSource(strings = {"test-uncompressed-image.tar", "test-gzip-image.tar", "test-zstd-image.tar",
        "test-estargz-image.tar"})
    void rootfsExportsAreNotImages(String name) {
        assertThat(failure(path(name)).getMessage()).contains("not an image");
    }

    @Test
    @DisplayName("every archive in the folder is covered by a test above (L27-38)")
    void everyArchiveIsCovered() throws Exception {
        try (var files = java.nio.file.Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tar")).sorted().toList())
                    .isEqualTo(List.of("test-docker-image.tar", "test-estargz-image.tar", "test-gzip-image.tar",
                            "test-kaniko-image.tar", "test-oci-estargz-image.tar", "test-oci-gzip-image.tar",
                            "test-oci-uncompressed-image.tar", "test-oci-zstd-image.tar",
                            "test-uncompressed-image.tar", "test-zstd-image.tar"));
        }
    }
}
