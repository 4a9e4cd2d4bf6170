package dev.layerlens.testdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer's output has the shape each format promises, checked with plain tar and JSON reading
 * (independently of the analyzer, which the other modules' tests check against this writer).
 */
class FixtureWriterTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final ImageSpec IMAGE = ImageSpec.builder()
            .layer("ADD base /", Entry.dir("etc"), Entry.file("etc/a", 10), Entry.file("etc/b", "hello"))
            .layer("RUN clean", Entry.whiteout("etc/a"), Entry.opaque("var/cache"), Entry.hardlink("etc/c", "etc/b"))
            .build();

    @TempDir
    Path dir;

    /** Entry names in order, with symlink targets after an arrow. */
    static Map<String, byte[]> entries(InputStream in, List<String> order) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                order.add(e.isSymbolicLink() ? e.getName() + " -> " + e.getLinkName() : e.getName());
                if (e.isFile()) {
                    files.put(e.getName(), tar.readAllBytes());
                }
            }
        }
        return files;
    }

    @Test
    void aLegacySaveHasDockersFilesWithManifestLastAndRepeatedLayersSymlinked() throws IOException {
        ImageSpec repeated = ImageSpec.builder()
                .layer("a", Entry.file("x", 3)).layer("b", Entry.file("y", 1)).layer("a", Entry.file("x", 3)).build();
        Path file = new DockerArchive(DockerArchive.Layout.LEGACY).image(repeated, "app:1").write(dir.resolve("l.tar")).path();
        List<String> order = new ArrayList<>();
        Map<String, byte[]> files = entries(Files.newInputStream(file), order);

        assertThat(order.get(order.size() - 1)).isEqualTo("manifest.json");
        JsonNode manifest = JSON.readTree(files.get("manifest.json")).get(0);
        List<String> layers = new ArrayList<>();
        manifest.get("Layers").forEach(n -> layers.add(n.asText()));
        assertThat(layers).hasSize(3).allMatch(p -> p.matches("[0-9a-f]{64}/layer\\.tar")).doesNotHaveDuplicates();
        String first = layers.get(0).substring(0, 64);
        assertThat(order).contains(layers.get(2) + " -> ../" + first + "/layer.tar");
        assertThat(files).containsKeys(first + "/VERSION", first + "/json", "repositories",
                manifest.get("Config").asText());
        assertThat(JSON.readTree(files.get("repositories")).get("app").get("1").asText()).isEqualTo(layers.get(2).substring(0, 64));
    }

    @Test
    void layerTarsUseOverlayNamesForMarkers() throws IOException {
        byte[] tar = Tars.layer(IMAGE.layers().get(1).entries());
        List<String> order = new ArrayList<>();
        entries(new ByteArrayInputStream(tar), order);
        assertThat(order).containsExactly("etc/.wh.a", "var/cache/.wh..wh..opq", "etc/c");
        // Go's archive/tar: two zero blocks after the last header, no padding to a 10 KiB record
        assertThat(tar.length).isEqualTo(3 * 512 + 1024);
    }

    @Test
    void configAndManifestCarryTheRealDigests() throws IOException {
        BuiltImage built = BuiltImage.build(IMAGE, LayerCompression.GZIP);
        JsonNode config = JSON.readTree(built.config());
        JsonNode manifest = JSON.readTree(built.manifest());

        for (int i = 0; i < 2; i++) {
            BuiltLayer layer = built.layers().get(i);
            byte[] tar = new GZIPInputStream(new ByteArrayInputStream(layer.blob())).readAllBytes();
            assertThat(config.get("rootfs").get("diff_ids").get(i).asText()).isEqualTo(Digests.sha256(tar));
            assertThat(manifest.get("layers").get(i).get("digest").asText()).isEqualTo(Digests.sha256(layer.blob()));
            assertThat(manifest.get("layers").get(i).get("size").asLong()).isEqualTo(layer.blob().length);
        }
        assertThat(manifest.get("config").get("digest").asText()).isEqualTo(Digests.sha256(built.config()));
        assertThat(config.get("history")).hasSize(2);
    }

    @Test
    void faultsDamageOnlyWhatTheySay() {
        LayerSpec layer = IMAGE.layers().get(0);
        BuiltLayer intact = BuiltLayer.build(layer, LayerCompression.GZIP);
        BuiltLayer cut = BuiltLayer.build(layer.withFault(LayerFault.truncatedAt(20)), LayerCompression.GZIP);
        BuiltLayer wrongId = BuiltLayer.build(layer.withFault(LayerFault.wrongDiffId()), LayerCompression.GZIP);
        BuiltLayer wrongName = BuiltLayer.build(layer.withFault(LayerFault.wrongBlobDigest()), LayerCompression.GZIP);

        assertThat(cut.stored()).hasSize(20).isEqualTo(java.util.Arrays.copyOf(intact.blob(), 20));
        assertThat(cut.storedName()).isEqualTo(intact.blobDigest());
        assertThat(wrongId.configDiffId()).isNotEqualTo(intact.diffId());
        assertThat(wrongId.stored()).isEqualTo(intact.blob());
        assertThat(wrongName.storedName()).isNotEqualTo(Digests.sha256(wrongName.stored()));
        assertThatThrownBy(() -> BuiltLayer.build(layer.withFault(LayerFault.truncatedAt(1 << 20)), LayerCompression.NONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BuiltLayer.build(layer.withFault(LayerFault.corruptGzip()), LayerCompression.ZSTD))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void gzipVariantsDecompressToTheirStream() throws IOException {
        LayerSpec layer = IMAGE.layers().get(0);
        byte[] tar = Tars.layer(layer.entries());
        BuiltLayer multi = BuiltLayer.build(layer, LayerCompression.GZIP_MULTI_MEMBER);
        BuiltLayer estargz = BuiltLayer.build(layer, LayerCompression.ESTARGZ);

        // java.util.zip reads concatenated members: the whole stream comes back
        assertThat(new GZIPInputStream(new ByteArrayInputStream(multi.blob())).readAllBytes()).isEqualTo(tar);
        byte[] stream = new GZIPInputStream(new ByteArrayInputStream(estargz.blob())).readAllBytes();
        assertThat(stream).startsWith(tar);
        assertThat(stream.length).isGreaterThan(tar.length);
        assertThat(estargz.diffId()).isEqualTo(Digests.sha256(stream));
        assertThat(new String(estargz.blob(), java.nio.charset.StandardCharsets.ISO_8859_1)).contains("STARGZ");
    }

    @Test
    void aContainerdSaveLacksTheOtherPlatformsBlobs() throws IOException {
        ImageSpec arm = IMAGE.withPlatform(PlatformSpec.LINUX_ARM64);
        Written written = new ContainerdArchive()
                .image(PlatformIndex.builder().image(IMAGE).image(arm).attestation().build(), PlatformSpec.LINUX_AMD64, "app:1")
                .write(dir.resolve("c.tar"));
        BuiltImage armBuilt = BuiltImage.build(arm, LayerCompression.GZIP);
        List<String> order = new ArrayList<>();
        Map<String, byte[]> files = entries(Files.newInputStream(written.path()), order);

        assertThat(order.get(order.size() - 1)).isEqualTo("manifest.json");
        assertThat(files).doesNotContainKey(OciLayout.blobPath(armBuilt.manifestDigest()));
        for (WrittenLayer l : written.image().layers()) {
            assertThat(files).containsKey(OciLayout.blobPath(l.blobDigest()));
        }
        JsonNode index = JSON.readTree(files.get("index.json")).get("manifests").get(0);
        assertThat(index.get("annotations").get("io.containerd.image.name").asText()).isEqualTo("docker.io/library/app:1");
        JsonNode platforms = JSON.readTree(files.get(OciLayout.blobPath(index.get("digest").asText()))).get("manifests");
        assertThat(platforms).hasSize(3);
        assertThat(platforms.get(2).get("platform").get("os").asText()).isEqualTo("unknown");
    }

    @Test
    void writingIsDeterministic() throws IOException {
        Path a = new OciLayout().tag("1", PlatformIndex.builder().image(IMAGE).attestation().nested().build())
                .writeArchive(dir.resolve("a.tar")).path();
        Path b = new OciLayout().tag("1", PlatformIndex.builder().image(IMAGE).attestation().nested().build())
                .writeArchive(dir.resolve("b.tar")).path();
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    }

    @Test
    void fillerDependsOnPathAndSizeOnly() {
        assertThat(Entry.file("x", 100).content()).isEqualTo(Entry.file("x", 100).content())
                .isNotEqualTo(Entry.file("y", 100).content()).hasSize(100);
    }

    @Test
    void namesGetDockerHubDefaults() {
        assertThat(Names.parse("test_image_1").fullName()).isEqualTo("docker.io/library/test_image_1:latest");
        assertThat(Names.parse("team/app:2").fullName()).isEqualTo("docker.io/team/app:2");
        assertThat(Names.parse("localhost:5000/app:1").fullName()).isEqualTo("localhost:5000/app:1");
        assertThat(Names.parse("localhost:5000/app").tag()).isEqualTo("latest");
    }
}
