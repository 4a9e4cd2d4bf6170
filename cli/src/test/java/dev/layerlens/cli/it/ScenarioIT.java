package dev.layerlens.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario of {@code testdata/scenarios}, built for real with each builder, saved with
 * {@code docker save}, analysed with {@code layerlens analyze -f json}; each figure checked against
 * the test's own replay of the saved layers, the replay checked against {@code docker export}, and
 * the report checked against the hand-derived facts of {@code expected.json}.
 */
@ExtendWith(ItEnvironment.class)
class ScenarioIT {

    static Stream<Arguments> scenarios() {
        List<Arguments> cases = new ArrayList<>();
        for (String name : Scenario.names()) {
            for (Docker.Builder builder : Docker.Builder.values()) {
                cases.add(Arguments.of(name, builder));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} built with {1}")
    @MethodSource("scenarios")
    void reportMatchesReplayExportAndExpectations(String name, Docker.Builder builder, ItContext it) throws IOException {
        ItContext.BuiltScenario built = it.scenario(name, builder);
        String what = name + " (" + builder + ")";

        JsonNode report = Reports.analyze(built.archive().toString());

        SoftAssertions soft = new SoftAssertions();
        LayerReplay replay;
        try (ImageFiles files = ImageFiles.dockerArchive(built.archive())) {
            replay = LayerReplay.of(files);
            ReplayChecks.reportMatchesReplay(soft, what, report, replay, files);
        }
        soft.assertThat(report.at("/image/digest").asText()).as("%s: image.digest = the engine's image ID", what)
                .isEqualTo(it.docker.imageId(built.tag()));
        Path exportTar = it.workDir.resolve(name + "-" + builder.tagSuffix() + "-export.tar");
        it.docker.export(built.tag(), exportTar);
        ExportedFilesystem export = ExportedFilesystem.read(exportTar);
        long exportBytes = ExportedFilesystem.regularFileBytes(exportTar);
        Files.delete(exportTar);

        ReplayChecks.replayMatchesExport(soft, what, replay, export, exportBytes, report.at("/image/visibleBytes").asLong());
        checkExpectations(soft, what, built.scenario().expected(), built.baseLayers(), report, replay, export);
        soft.assertAll();
    }

    /** The stable, hand-derived facts of expected.json (layer indexes there count from the first layer above the base). */
    private static void checkExpectations(SoftAssertions soft, String what, JsonNode expected, int base, JsonNode report,
                                          LayerReplay replay, ExportedFilesystem export) {
        JsonNode layers = report.get("layers");
        JsonNode expectedLayers = expected.get("layers");
        assertThat(layers.size()).as("%s: layers = %d of the base + %d of the Dockerfile", what, base, expectedLayers.size())
                .isEqualTo(base + expectedLayers.size());
        for (int j = 0; j < expectedLayers.size(); j++) {
            JsonNode want = expectedLayers.get(j);
            JsonNode got = layers.get(base + j);
            String at = what + ": scenario layer " + j + " (" + got.get("command").asText() + ") ";
            if (want.has("sizeBytes")) {
                soft.assertThat(got.get("sizeBytes").asLong()).as(at + "sizeBytes").isEqualTo(want.get("sizeBytes").asLong());
            }
            if (want.has("minSizeBytes")) {
                soft.assertThat(got.get("sizeBytes").asLong()).as(at + "sizeBytes").isGreaterThanOrEqualTo(want.get("minSizeBytes").asLong());
            }
            if (want.has("fileCount")) {
                soft.assertThat(got.get("fileCount").asInt()).as(at + "fileCount").isEqualTo(want.get("fileCount").asInt());
            }
            if (want.has("minFileCount")) {
                soft.assertThat(got.get("fileCount").asInt()).as(at + "fileCount").isGreaterThanOrEqualTo(want.get("minFileCount").asInt());
            }
        }

        JsonNode reclaimable = expected.get("reclaimable");
        Map<String, LayerReplay.Waste> reported = ReplayChecks.reclaimablePaths(report);
        Set<String> matched = new HashSet<>();
        for (JsonNode want : reclaimable.get("paths")) {
            List<LayerReplay.Waste> hits = new ArrayList<>();
            String label;
            if (want.has("path")) {
                label = want.get("path").asText();
                LayerReplay.Waste w = reported.get(label);
                soft.assertThat(w).as("%s: %s is reported reclaimable (reported: %s)", what, label, reported.keySet()).isNotNull();
                if (w != null) {
                    hits.add(w);
                    soft.assertThat(w.bytes()).as("%s: reclaimable bytes of %s", what, label).isEqualTo(want.get("bytes").asLong());
                }
            } else {
                label = want.get("pathPrefix").asText() + "*";
                reported.values().stream().filter(w -> w.path().startsWith(want.get("pathPrefix").asText())).forEach(hits::add);
                soft.assertThat(hits).as("%s: reclaimable paths under %s", what, label).isNotEmpty();
                soft.assertThat(hits.stream().mapToLong(LayerReplay.Waste::bytes).sum()).as("%s: reclaimable bytes under %s", what, label)
                        .isGreaterThanOrEqualTo(want.get("minBytes").asLong());
            }
            List<String> reasons = new ArrayList<>();
            want.get("reason").forEach(r -> reasons.add(r.asText()));
            List<Integer> wantLayers = new ArrayList<>();
            want.get("layers").forEach(l -> wantLayers.add(base + l.asInt()));
            for (LayerReplay.Waste w : hits) {
                matched.add(w.path());
                soft.assertThat(w.reason()).as("%s: reason of %s", what, w.path()).isIn(reasons);
                soft.assertThat(w.layers()).as("%s: layers that shipped the hidden copies of %s", what, w.path()).isEqualTo(wantLayers);
                soft.assertThat(w.hiddenBy()).as("%s: layer that hid %s", what, w.path()).isEqualTo(base + want.get("hiddenBy").asInt());
            }
        }
        if (reclaimable.get("exhaustive").asBoolean()) {
            soft.assertThat(reported.keySet()).as("%s: no other path is reclaimable", what).isEqualTo(matched);
        }
        long total = report.at("/metrics/reclaimableBytes").asLong();
        if (reclaimable.has("totalBytes")) {
            soft.assertThat(total).as("%s: metrics.reclaimableBytes", what).isEqualTo(reclaimable.get("totalBytes").asLong());
        }
        if (reclaimable.has("minTotalBytes")) {
            soft.assertThat(total).as("%s: metrics.reclaimableBytes", what).isGreaterThanOrEqualTo(reclaimable.get("minTotalBytes").asLong());
        }
        if (reclaimable.has("perLayer")) {
            for (int i = 0; i < layers.size(); i++) {
                long want = i < base ? 0 : reclaimable.get("perLayer").get(i - base).asLong();
                soft.assertThat(layers.get(i).get("reclaimableBytes").asLong()).as("%s: reclaimableBytes of layer %d", what, i)
                        .isEqualTo(want);
            }
        }

        Map<String, LayerReplay.Node> fs = replay.finalFilesystem();
        expected.get("visibleFiles").fields().forEachRemaining(f -> {
            String path = f.getKey().substring(1);
            LayerReplay.Node node = fs.get(path);
            ExportedFilesystem.Entry e = export.entries.get(path);
            soft.assertThat(node).as("%s: %s in the final filesystem", what, f.getKey()).isNotNull();
            soft.assertThat(e).as("%s: %s in docker export", what, f.getKey()).isNotNull();
            if (node != null && e != null) {
                soft.assertThat(node.kind()).as("%s: %s is a regular file", what, f.getKey()).isEqualTo(LayerReplay.Kind.FILE);
                if (!f.getValue().isNull()) {
                    soft.assertThat(node.size()).as("%s: size of %s", what, f.getKey()).isEqualTo(f.getValue().asLong());
                    soft.assertThat(e.size()).as("%s: size of %s in docker export", what, f.getKey()).isEqualTo(f.getValue().asLong());
                }
            }
        });
        if (expected.has("symlinks")) {
            expected.get("symlinks").fields().forEachRemaining(f -> {
                ExportedFilesystem.Entry e = export.entries.get(f.getKey().substring(1));
                soft.assertThat(e).as("%s: symlink %s in docker export", what, f.getKey()).isNotNull();
                LayerReplay.Node node = fs.get(f.getKey().substring(1));
                soft.assertThat(node == null ? null : node.linkTarget()).as("%s: target of %s", what, f.getKey())
                        .isEqualTo(f.getValue().asText());
            });
        }
        for (JsonNode absent : expected.get("absentPaths")) {
            String path = absent.asText().substring(1);
            soft.assertThat(fs.keySet().stream().filter(p -> p.equals(path) || p.startsWith(path + "/")).toList())
                    .as("%s: %s and below absent from the final filesystem", what, absent.asText()).isEmpty();
            soft.assertThat(export.entries.keySet().stream().filter(p -> p.equals(path) || p.startsWith(path + "/")).toList())
                    .as("%s: %s and below absent from docker export", what, absent.asText()).isEmpty();
        }
        if (expected.has("dive")) {
            soft.assertThat(report.at("/metrics/dive/wastedBytes").asLong()).as("%s: dive wastedBytes", what)
                    .isEqualTo(expected.at("/dive/wastedBytes").asLong());
        }
    }
}
