package dev.layerlens.core.conformance;

import static dev.layerlens.core.conformance.PeerArchives.analyze;
import static dev.layerlens.core.conformance.PeerArchives.failure;
import static dev.layerlens.core.conformance.PeerArchives.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.layerlens.core.ImageAnalyzer;
import dev.layerlens.core.fs.FileTree;
import dev.layerlens.core.fs.FileVersion;
import dev.layerlens.core.image.HistoryEntry;
import dev.layerlens.core.image.ImageConfig;
import dev.layerlens.core.image.Platform;
import dev.layerlens.core.layer.EntryType;
import dev.layerlens.core.layer.LayerEntry;
import dev.layerlens.core.layer.LayerScan;
import dev.layerlens.core.report.Report;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** aquasecurity/trivy's archives and layouts: {@code testdata-peers/trivy/SOURCE.md}; "L31" = line 31. */
class TrivyConformanceTest {
    private static final String HELLO_DIFF_ID = "sha256:9c27e219663c25e0f28493790cc0b88bc973ba3b1686355f221c38a36978ac63";
    private Path dir;

    @BeforeEach
    void locate() {
        dir = PeerArchives.peer("trivy");
    }

    private String path(String name) {
        return file(dir, name).toString();
    }

    // ---- alpine-311.tar.gz ----

    @Test
    @DisplayName("alpine-311.tar.gz: gzip-wrapped docker save; RepoTags, diffID, config digest, created_by (L9-37)")
    void alpine311() throws Exception {
        ImageAnalyzer.Result result = analyze(path("alpine-311.tar.gz"));
        Report report = result.report();

        assertThat(report.image().source()).isEqualTo("docker-archive");                              // L16
        assertThat(report.image().reference()).isEqualTo("alpine:3.11");                              // L19, L27-28
        assertThat(report.image().digest())                                                             // L36
                .isEqualTo("sha256:a187dde48cd289ac374ad8539930628314bc581a481cdb41409c9289419ddb72");
        assertThat(report.image().created()).isEqualTo("2020-03-23T21:19:34.196162891Z");             // L37
        assertThat(result.image().platform()).isEqualTo(Platform.parse("linux/amd64"));               // L37
        assertThat(report.layers()).singleElement().satisfies(layer -> {                               // L20
            assertThat(layer.diffId())                                                                  // L32
                    .isEqualTo("sha256:beee9f30bc1f711043e78d4a2be0668955d4b761d587d6f60c2c8dc081efb203");
            assertThat(layer.compression()).isEqualTo("none");                                         // L16: inner layer.tar uncompressed
            // L33: trivy strips "/bin/sh -c " and "#(nop) "; we keep created_by whole
            assertThat(layer.command()).isEqualTo("/bin/sh -c #(nop) ADD "
                    + "file:0c4555f363c2672e350001f1293e689875a3760afe7b3f9146886afe67121cba in / ");
            // L21: dive's layer size (sum of entry sizes) = the 72 regular files' 5,591,284 bytes
            assertThat(layer.sizeBytes()).isEqualTo(5_591_284L);
        });
        assertThat(report.image().verified()).isTrue();
        ImageConfig config = result.image().config();
        assertThat(config.history()).extracting(HistoryEntry::emptyLayer).containsExactly(false, true); // L23
        assertThat(config.history().get(1).createdBy()).isEqualTo("/bin/sh -c #(nop)  CMD [\"/bin/sh\"]");
        assertThat(config.user()).isEmpty();                                                            // L24
        assertThat(config.cmd()).containsExactly("/bin/sh");                                           // L24
        assertThat(config.healthcheck()).isNull();                                                      // L24
        assertThat(result.tree().find("lib/apk/db/installed").visibleVersion()).isNotNull();          // L35
        assertThat(result.tree().find("etc/ssl/misc/CA.pl").visibleVersion()).isNotNull();            // L38
        assertThat(result.tree().find("etc/shadow").visibleVersion().size()).isPositive();            // L22
    }

    @Test
    @DisplayName("alpine-311.tar.gz: uncompressed layer is 5,861,888 bytes with 488 entries, no setuid/setgid (L20-21, L31)")
    void alpine311Layer() throws Exception {
        LayerScan scan = PeerArchives.scans(path("alpine-311.tar.gz")).get(0);

        assertThat(scan.tarBytes()).isEqualTo(5_861_888L);                                            // L31: trivy's Size
        List<LayerEntry> files = scan.entries().stream().filter(e -> e.type() == EntryType.FILE).toList();
        assertThat(files).hasSize(72);                                                                  // L21
        assertThat(files.stream().mapToLong(LayerEntry::size).sum()).isEqualTo(5_591_284L);           // L21
        assertThat(scan.entries()).filteredOn(e -> e.type() == EntryType.SYMLINK || e.type() == EntryType.HARDLINK)
                .hasSize(326);                                                                          // L21
        assertThat(scan.entries()).filteredOn(e -> (e.mode() & 06000) != 0).isEmpty();               // L21
        // L21: 488 entries, the rest (90) directories
        assertThat(scan.entries()).hasSize(488);
        assertThat(scan.entries()).filteredOn(e -> e.type() == EntryType.DIRECTORY).hasSize(488 - 72 - 326);
    }

    // ---- oci-layout/* ----

    @ParameterizedTest(name = "{0} opens and holds hello-world (L46-56)")
    @ValueSource(strings = {"oci-layout/test.oci", "oci-layout/test_image_tag.oci", "oci-layout/test_image_tag.oci:0.0.1"})
    void layoutOpens(String input) throws Exception {
        String name = input.contains(":") ? input.substring(0, input.indexOf(':')) : input;
        String tag = input.contains(":") ? input.substring(input.indexOf(':')) : "";
        ImageAnalyzer.Result result = analyze(path(name) + tag);
        Report report = result.report();

        assertThat(result.image().manifestDigest().toString()).startsWith("sha256:afb74487");        // L47
        assertThat(report.image().digest()).startsWith("sha256:b23a8f65");                           // L48
        assertThat(report.image().created()).startsWith("2020-01-03");                               // L48
        assertThat(result.image().config().cmd()).containsExactly("/hello");                         // L48
        assertThat(result.image().config().history()).extracting(HistoryEntry::emptyLayer)         // L48
                .containsExactly(false, true);
        assertThat(report.layers()).singleElement().satisfies(layer -> {
            assertThat(layer.diffId()).isEqualTo(HELLO_DIFF_ID);                                      // L49
            assertThat(layer.digest()).startsWith("sha256:cdd16bd6");                                  // L50
            assertThat(layer.compression()).isEqualTo("gzip");                                         // L50
            assertThat(layer.compressedSizeBytes()).isEqualTo(2610L);                                 // L50
            assertThat(layer.command()).contains("COPY file:7bf12aab").endsWith(" in / ");           // L48
        });
        FileTree tree = result.tree();
        FileVersion hello = tree.find("hello").visibleVersion();                                     // L50
        assertThat(hello.size()).isEqualTo(13336L);
        assertThat(hello.mode()).isEqualTo(0775);
        assertThat(report.image().verified()).isTrue();
    }

    @Test
    @DisplayName("test_image_tag.oci:0.0.0: unknown tag → 'invalid OCI image ref' (L56)")
    void unknownTag() {
        assertThat(failure(path("oci-layout/test_image_tag.oci") + ":0.0.0").getMessage())
                .contains("invalid OCI image ref").contains("0.0.0").contains("0.0.1");
    }

    @Test
    @DisplayName("test_bad_index_json.oci: index.json 'foobar' → 'invalid index.json' (L57)")
    void badIndexJson() {
        assertThat(failure(path("oci-layout/test_bad_index_json.oci")).getMessage()).contains("invalid index.json");
    }

    @Test
    @DisplayName("test_no_valid_manifests.oci: index.json '{}' → 'no valid manifest' (L58)")
    void emptyIndex() {
        assertThat(failure(path("oci-layout/test_no_valid_manifests.oci")).getMessage()).contains("no valid manifest");
    }

    /*
     * L59: trivy's message says "invalid OCI image". Ours names the actual fault: the manifest blob the
     * index points at (sha256:bad74487…, media type application/badmedia+json) is not in blobs/.
     */
    @Test
    @DisplayName("test_invalid_oci_image.oci: manifest blob absent → clean error naming it (L59)")
    void invalidManifest() {
        assertThat(failure(path("oci-layout/test_invalid_oci_image.oci")).getMessage())
                .contains("sha256:bad744871f99").contains("missing");
    }

    // ---- walker/test.tar ----

    @Test
    @DisplayName("walker/test.tar is a single layer, not an image: clean error (L67-74)")
    void walkerTarIsNotAnImage() {
        assertThat(failure(path("walker/test.tar")).getMessage()).contains("not an image");
    }

    @Test
    @DisplayName("walker/test.tar scanned as a layer: opaque etc/, whiteout foo/foo (L74-81)")
    void walkerLayer() throws Exception {
        Path tar = file(dir, "walker/test.tar");
        LayerScan scan = PeerArchives.scanLayer(tar, PeerArchives.sha256Of(tar));

        // L77: wantOpqDirs ["etc/"] (our opaque entry names the directory itself), wantWhFiles ["foo/foo"]
        assertThat(scan.entries()).filteredOn(e -> e.type() == EntryType.OPAQUE).extracting(LayerEntry::path)
                .containsExactly("etc");
        assertThat(scan.entries()).filteredOn(e -> e.type() == EntryType.WHITEOUT).extracting(LayerEntry::path)
                .containsExactly("foo/foo");
        // L74: the other entries, markers decoded, no ".wh." name left
        assertThat(scan.entries()).filteredOn(e -> !e.type().isMarker())
                .extracting(LayerEntry::path, LayerEntry::type, LayerEntry::size)
                .containsExactly(
                        tuple("app", EntryType.DIRECTORY, 0L),
                        tuple("app/myweb", EntryType.DIRECTORY, 0L),
                        tuple("app/myweb/index.html", EntryType.FILE, 0L),
                        tuple("baz", EntryType.FILE, 4L),
                        tuple("etc", EntryType.DIRECTORY, 0L),
                        tuple("foo", EntryType.DIRECTORY, 0L),
                        tuple("vendor", EntryType.DIRECTORY, 0L),
                        tuple("vendor/bar", EntryType.FILE, 4L));
        assertThat(scan.entries()).extracting(LayerEntry::path).noneMatch(p -> p.contains(".wh."));
        assertThat(scan.sizeBytes()).isEqualTo(8L);
        assertThat(scan.tarBytes()).isEqualTo(7168L);                                               // L73
        assertThat(scan.verified()).isTrue();
    }
}
