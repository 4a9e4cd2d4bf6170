package dev.layerlens.tui;

import dev.layerlens.core.analysis.DiveEfficiency;
import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.ReclaimableAnalysis;
import dev.layerlens.core.fs.FileTree;
import dev.layerlens.core.image.Digest;
import dev.layerlens.core.image.HistoryEntry;
import dev.layerlens.core.image.Image;
import dev.layerlens.core.image.ImageConfig;
import dev.layerlens.core.image.Layer;
import dev.layerlens.core.image.Platform;
import dev.layerlens.core.layer.EntryType;
import dev.layerlens.core.layer.LayerEntry;
import dev.layerlens.core.layer.LayerScan;
import dev.layerlens.core.report.Report;
import dev.layerlens.core.report.ReportBuilder;
import dev.layerlens.core.source.Compression;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An image described layer by layer, turned into the report and file tree the explorer shows by
 * the same core code that analyses real images (scan records in, FileTree/ReportBuilder out).
 */
final class TestImage {
    record Built(Report report, FileTree tree) {
        Explorer explorer() {
            return new Explorer(report, tree, true);
        }
    }

    private final String reference;
    private final List<String> commands = new ArrayList<>();
    private final List<List<LayerEntry>> layers = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();

    TestImage(String reference) {
        this.reference = reference;
    }

    TestImage layer(String command, List<LayerEntry> entries) {
        commands.add(command);
        layers.add(List.copyOf(entries));
        return this;
    }

    TestImage finding(Finding finding) {
        findings.add(finding);
        return this;
    }

    static LayerEntry dir(String path) {
        return new LayerEntry(path, EntryType.DIRECTORY, 0, 0755, 0, 0, null, 0);
    }

    static LayerEntry file(String path, long size) {
        return new LayerEntry(path, EntryType.FILE, size, 0644, 0, 0, null, 0);
    }

    static LayerEntry symlink(String path, String target) {
        return new LayerEntry(path, EntryType.SYMLINK, 0, 0777, 0, 0, target, 0);
    }

    static LayerEntry whiteout(String path) {
        return new LayerEntry(path, EntryType.WHITEOUT, 0, 0, 0, 0, null, 0);
    }

    Built build() {
        List<LayerScan> scans = new ArrayList<>();
        List<Layer> imageLayers = new ArrayList<>();
        List<HistoryEntry> history = new ArrayList<>();
        List<Digest> diffIds = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            long size = layers.get(i).stream().mapToLong(LayerEntry::size).sum();
            Digest diffId = Digest.sha256((reference + "/layer/" + i).getBytes(StandardCharsets.UTF_8));
            scans.add(new LayerScan(i, layers.get(i), size, size, size, Compression.NONE, diffId, true));
            HistoryEntry entry = new HistoryEntry("2024-01-01T00:00:00Z", commands.get(i), null, false);
            history.add(entry);
            diffIds.add(diffId);
            imageLayers.add(new Layer(i, diffId, diffId, null, size, entry));
        }
        ImageConfig config = new ImageConfig(new Platform("linux", "amd64", null), "2024-01-01T00:00:00Z", "",
                List.of(), List.of(), List.of("sh"), "/", List.of(), List.of(), Map.of(), null, history, diffIds);
        Image image = new Image(reference, "docker-archive", null,
                Digest.sha256(reference.getBytes(StandardCharsets.UTF_8)), config, imageLayers, List.of());
        FileTree tree = FileTree.build(scans);
        Report report = ReportBuilder.build(image, scans, tree, DiveEfficiency.compute(scans),
                ReclaimableAnalysis.compute(tree, scans.size()), findings, new Report.Timings(0, 0, 0));
        return new Built(report, tree);
    }
}
