package dev.layerlens.cli.it;

import static dev.layerlens.cli.it.Prerequisites.need;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One scenario image in every archive form skopeo makes of it (an OCI layout with gzip, with zstd
 * and with uncompressed layers, an oci-archive), analysed and compared with the {@code docker save}
 * of the same image: the same layer sizes, file counts, reclaimable figures and dive metrics; the
 * compressed sizes present, and equal to the stored blobs, exactly where the layers are compressed.
 */
@ExtendWith(ItEnvironment.class)
class OciVariantsIT {
    /** Whiteouts, an overwrite and several layers: the figures that could differ between forms. */
    private static final String SCENARIO = "dir-replaced";
    private static final String TAG = "v1";

    private record Variant(String name, List<String> skopeoOptions, String transport, boolean directory,
                           String compression) {
    }

    private static final List<Variant> VARIANTS = List.of(
            new Variant("oci-gzip", List.of("--dest-compress-format", "gzip"), "oci", true, "gzip"),
            new Variant("oci-zstd", List.of("--dest-compress-format", "zstd"), "oci", true, "zstd"),
            new Variant("oci-uncompressed", List.of("--dest-oci-accept-uncompressed-layers"), "oci", true, "none"),
            new Variant("oci-archive-gzip", List.of("--dest-compress-format", "gzip"), "oci-archive", false, "gzip"));

    @Test
    void everyArchiveFormOfOneImageGivesTheSameFigures(ItContext it) throws IOException {
        Path skopeo = Command.which("skopeo");
        need(skopeo != null, "skopeo is missing (apt-get install skopeo)");
        ItContext.BuiltScenario built = it.scenario(SCENARIO, Docker.Builder.LEGACY);

        JsonNode saved = Reports.analyze("docker-archive:" + built.archive());
        JsonNode savedBare = Reports.analyze(built.archive().toString());
        LayerReplay savedReplay;
        try (ImageFiles files = ImageFiles.dockerArchive(built.archive())) {
            savedReplay = LayerReplay.of(files);
        }

        SoftAssertions soft = new SoftAssertions();
        assertSameFigures(soft, "docker-archive: against a bare path", saved, savedBare);
        for (Variant variant : VARIANTS) {
            Path target = it.workDir.resolve(SCENARIO + "-" + variant.name() + (variant.directory() ? "" : ".tar"));
            deleteRecursively(target);
            List<String> argv = new ArrayList<>(List.of(skopeo.toString(), "copy", "-q"));
            argv.addAll(variant.skopeoOptions());
            argv.add("docker-daemon:" + built.tag());
            argv.add(variant.transport() + ":" + target + ":" + TAG);
            Command.run(argv, Map.of(), Duration.ofMinutes(5)).orThrow();

            String what = variant.name();
            JsonNode report = Reports.analyze(variant.transport() + ":" + target + ":" + TAG);
            LayerReplay replay;
            try (ImageFiles files = ImageFiles.ociLayout(target)) {
                replay = LayerReplay.of(files);
                ReplayChecks.reportMatchesReplay(soft, what, report, replay, files);
                for (ImageFiles.StoredLayer layer : files.layers) {
                    soft.assertThat(replay.layers().get(files.layers.indexOf(layer)).compression())
                            .as("%s: %s as skopeo stored it", what, layer.name()).isEqualTo(variant.compression());
                }
            }
            assertSameFigures(soft, what + " against docker save", saved, report);
            soft.assertThat(replay.layers().stream().map(l -> l.sizeBytes() + "/" + l.fileCount() + "/" + l.diffId()).toList())
                    .as("%s: the replay of the OCI blobs against the replay of docker save", what)
                    .isEqualTo(savedReplay.layers().stream().map(l -> l.sizeBytes() + "/" + l.fileCount() + "/" + l.diffId()).toList());
            for (JsonNode layer : report.get("layers")) {
                if (variant.compression().equals("none")) {
                    soft.assertThat(layer.get("compressedSizeBytes").isNull()).as("%s: layer %s has no compressed size", what,
                            layer.get("index")).isTrue();
                } else {
                    soft.assertThat(layer.get("compressedSizeBytes").isNumber()).as("%s: layer %s has a compressed size", what,
                            layer.get("index")).isTrue();
                    soft.assertThat(layer.get("compressedSizeBytes").asLong()).as("%s: layer %s compressed size", what,
                            layer.get("index")).isPositive();
                }
            }
            deleteRecursively(target);
        }
        soft.assertAll();
    }

    /** The figures that must not depend on how the image is stored. */
    private static void assertSameFigures(SoftAssertions soft, String what, JsonNode expected, JsonNode actual) {
        soft.assertThat(actual.at("/image/layerCount")).as("%s: layerCount", what).isEqualTo(expected.at("/image/layerCount"));
        soft.assertThat(actual.at("/image/sizeBytes")).as("%s: sizeBytes", what).isEqualTo(expected.at("/image/sizeBytes"));
        soft.assertThat(actual.at("/image/visibleBytes")).as("%s: visibleBytes", what).isEqualTo(expected.at("/image/visibleBytes"));
        soft.assertThat(actual.at("/metrics")).as("%s: metrics (dive and reclaimable)", what).isEqualTo(expected.at("/metrics"));
        soft.assertThat(actual.get("reclaimable")).as("%s: reclaimable paths", what).isEqualTo(expected.get("reclaimable"));
        JsonNode a = actual.get("layers");
        JsonNode e = expected.get("layers");
        soft.assertThat(a.size()).as("%s: number of layers", what).isEqualTo(e.size());
        for (int i = 0; i < Math.min(a.size(), e.size()); i++) {
            for (String field : List.of("diffId", "command", "sizeBytes", "fileCount", "addedCount", "addedBytes", "modifiedCount",
                    "modifiedBytes", "removedCount", "removedBytes", "reclaimableBytes")) {
                soft.assertThat(a.get(i).get(field)).as("%s: layer %d %s", what, i, field).isEqualTo(e.get(i).get(field));
            }
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
