package dev.layerlens.cli.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.SoftAssertions;

/** Compares a JSON report with the independent replay of the same image, figure by figure. */
final class ReplayChecks {
    private ReplayChecks() {
    }

    /** Every per-layer and image-wide figure of {@code report} against {@code replay} and the config's diffIDs. */
    static void reportMatchesReplay(SoftAssertions soft, String what, JsonNode report, LayerReplay replay,
                                    ImageFiles files) {
        List<String> configDiffIds = files.diffIds;
        soft.assertThat(report.at("/image/digest").asText()).as("%s: image.digest = sha256 of the stored config", what)
                .isEqualTo(files.configDigest);
        List<LayerReplay.LayerFacts> layers = replay.layers();
        JsonNode reported = report.get("layers");
        soft.assertThat(report.at("/image/layerCount").asInt()).as("%s: image.layerCount", what).isEqualTo(layers.size());
        soft.assertThat(reported.size()).as("%s: number of layers", what).isEqualTo(layers.size());
        soft.assertThat(configDiffIds).as("%s: the config's diff_ids against the replay's sha256 of each layer tar", what)
                .isEqualTo(layers.stream().map(LayerReplay.LayerFacts::diffId).toList());
        long total = 0;
        long userTotal = 0;
        boolean allCompressed = !layers.isEmpty();
        long compressedTotal = 0;
        for (int i = 0; i < Math.min(layers.size(), reported.size()); i++) {
            LayerReplay.LayerFacts want = layers.get(i);
            JsonNode got = reported.get(i);
            String at = what + ": layer " + i + " ";
            soft.assertThat(got.get("index").asInt()).as(at + "index").isEqualTo(i);
            soft.assertThat(got.get("diffId").asText()).as(at + "diffId").isEqualTo(want.diffId());
            soft.assertThat(got.get("sizeBytes").asLong()).as(at + "sizeBytes").isEqualTo(want.sizeBytes());
            soft.assertThat(got.get("fileCount").asInt()).as(at + "fileCount").isEqualTo(want.fileCount());
            soft.assertThat(got.get("addedCount").asInt()).as(at + "addedCount").isEqualTo(want.addedCount());
            soft.assertThat(got.get("addedBytes").asLong()).as(at + "addedBytes").isEqualTo(want.addedBytes());
            soft.assertThat(got.get("modifiedCount").asInt()).as(at + "modifiedCount").isEqualTo(want.modifiedCount());
            soft.assertThat(got.get("modifiedBytes").asLong()).as(at + "modifiedBytes").isEqualTo(want.modifiedBytes());
            soft.assertThat(got.get("removedCount").asInt()).as(at + "removedCount").isEqualTo(want.removedCount());
            soft.assertThat(got.get("removedBytes").asLong()).as(at + "removedBytes").isEqualTo(want.removedBytes());
            soft.assertThat(got.get("reclaimableBytes").asLong()).as(at + "reclaimableBytes").isEqualTo(want.reclaimableBytes());
            soft.assertThat(got.get("compression").asText()).as(at + "compression").isEqualTo(want.compression());
            if (want.compression().equals("none")) {
                soft.assertThat(got.get("compressedSizeBytes").isNull()).as(at + "compressedSizeBytes is null for an uncompressed blob")
                        .isTrue();
                allCompressed = false;
            } else {
                soft.assertThat(got.get("compressedSizeBytes").asLong()).as(at + "compressedSizeBytes = stored blob size")
                        .isEqualTo(want.storedSize());
                compressedTotal += want.storedSize();
            }
            total += want.sizeBytes();
            if (i > 0) {
                userTotal += want.sizeBytes();
            }
        }
        soft.assertThat(report.at("/image/sizeBytes").asLong()).as("%s: image.sizeBytes = Σ layer sizes", what).isEqualTo(total);
        soft.assertThat(report.at("/metrics/dive/sizeBytes").asLong()).as("%s: dive.sizeBytes", what).isEqualTo(total);
        soft.assertThat(report.at("/metrics/dive/userSizeBytes").asLong()).as("%s: dive.userSizeBytes", what).isEqualTo(userTotal);
        if (allCompressed) {
            soft.assertThat(report.at("/image/compressedSizeBytes").asLong()).as("%s: image.compressedSizeBytes", what)
                    .isEqualTo(compressedTotal);
        } else {
            soft.assertThat(report.at("/image/compressedSizeBytes").isNull()).as("%s: image.compressedSizeBytes is null", what)
                    .isTrue();
        }
        soft.assertThat(report.at("/image/visibleBytes").asLong()).as("%s: image.visibleBytes", what)
                .isEqualTo(replay.visibleBytes());
        soft.assertThat(report.at("/metrics/reclaimableBytes").asLong())
                .as("%s: metrics.reclaimableBytes = content shipped (%d) − content visible (%d)", what,
                        replay.shippedBytes(), replay.visibleBytes())
                .isEqualTo(replay.shippedBytes() - replay.visibleBytes());
        soft.assertThat(reclaimablePaths(report)).as("%s: reclaimable paths", what).isEqualTo(replay.reclaimable());
    }

    /** The report's {@code reclaimable} list as the replay represents it. */
    static Map<String, LayerReplay.Waste> reclaimablePaths(JsonNode report) {
        Map<String, LayerReplay.Waste> result = new TreeMap<>();
        for (JsonNode p : report.get("reclaimable")) {
            List<Integer> layers = new ArrayList<>();
            p.get("layers").forEach(l -> layers.add(l.asInt()));
            result.put(p.get("path").asText(), new LayerReplay.Waste(p.get("path").asText(), p.get("bytes").asLong(),
                    layers, p.get("hiddenBy").asInt(), p.get("reason").asText()));
        }
        return result;
    }

    /**
     * The replay's final filesystem against the engine's ({@code docker export}): same paths, kinds,
     * sizes and link targets, and the same visible bytes, but for what the engine adds to every container.
     */
    static void replayMatchesExport(SoftAssertions soft, String what, LayerReplay replay, ExportedFilesystem export,
                                    long exportRegularBytes, long reportedVisibleBytes) {
        Map<String, LayerReplay.Node> fs = replay.finalFilesystem();
        fs.forEach((path, node) -> {
            if (node.kind() == LayerReplay.Kind.DIRECTORY || ExportedFilesystem.ENGINE_FILES.contains(path)) {
                return;
            }
            ExportedFilesystem.Entry e = export.entries.get(path);
            soft.assertThat(e).as("%s: /%s (%s in the replay) in docker export", what, path, node.kind()).isNotNull();
            if (e != null) {
                soft.assertThat(e.kind()).as("%s: kind of /%s", what, path).isEqualTo(node.kind());
                soft.assertThat(e.size()).as("%s: size of /%s", what, path).isEqualTo(node.size());
                soft.assertThat(e.linkTarget()).as("%s: symlink target of /%s", what, path).isEqualTo(node.linkTarget());
            }
        });
        java.util.Set<String> dirs = replay.directories();
        export.entries.forEach((path, e) -> {
            if (e.kind() == LayerReplay.Kind.DIRECTORY) {
                if (!ExportedFilesystem.ENGINE_DIRECTORIES.contains(path)) {
                    soft.assertThat(dirs).as("%s: directory /%s of docker export in the replay", what, path).contains(path);
                }
            } else if (!ExportedFilesystem.ENGINE_FILES.contains(path)) {
                soft.assertThat(fs).as("%s: /%s of docker export in the replay", what, path).containsKey(path);
            }
        });
        for (String dir : dirs) {
            ExportedFilesystem.Entry e = export.entries.get(dir);
            soft.assertThat(e != null && e.kind() == LayerReplay.Kind.DIRECTORY)
                    .as("%s: directory /%s of the replay is a directory in docker export", what, dir).isTrue();
        }
        long engineBytes = replay.visibleBytes() - replay.visibleBytesExcept(ExportedFilesystem.ENGINE_FILES);
        soft.assertThat(exportRegularBytes).as("%s: regular-file bytes of docker export (without the engine's files)", what)
                .isEqualTo(replay.visibleBytesExcept(ExportedFilesystem.ENGINE_FILES));
        soft.assertThat(reportedVisibleBytes)
                .as("%s: image.visibleBytes = docker export's bytes + the image's own bytes at the engine's paths (%d)", what,
                        engineBytes)
                .isEqualTo(exportRegularBytes + engineBytes);
    }
}
