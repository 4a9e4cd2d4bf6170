package dev.layerlens.core.analysis.testimage;

import dev.layerlens.core.analysis.AnalysisContext;
import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.ImageCheck;
import dev.layerlens.core.analysis.ReclaimableAnalysis;
import dev.layerlens.core.analysis.grade.Readiness;
import dev.layerlens.core.analysis.grade.ReadinessAnalysis;
import dev.layerlens.core.fs.FileTree;
import dev.layerlens.core.image.Digest;
import dev.layerlens.core.image.Healthcheck;
import dev.layerlens.core.image.HistoryEntry;
import dev.layerlens.core.image.Image;
import dev.layerlens.core.image.ImageConfig;
import dev.layerlens.core.image.Layer;
import dev.layerlens.core.image.Platform;
import dev.layerlens.core.layer.ContentInspector;
import dev.layerlens.core.layer.EntryType;
import dev.layerlens.core.layer.LayerEntry;
import dev.layerlens.core.layer.LayerScan;
import dev.layerlens.core.source.Compression;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * A small image described in a test, analysed by the readiness checks the way {@code ImageAnalyzer}
 * runs them: every wanted file's bytes go through the checks' inspectors, the layers are stacked into
 * a {@link FileTree}, and each check gives its findings. Regular files carry a content checksum, as
 * the scanner computes it with {@code hashContents}: equal bytes, equal checksum.
 */
public final class TestImage {
    private final Image image;
    private final List<List<Entry>> layers;

    private TestImage(Image image, List<List<Entry>> layers) {
        this.image = image;
        this.layers = layers;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What the checks made of the image. */
    public record Result(List<Finding> findings, Readiness readiness, AnalysisContext context) {

        public List<Finding> withId(String id) {
            return findings.stream().filter(f -> f.id().equals(id)).toList();
        }

        public List<String> ids() {
            return findings.stream().map(Finding::id).toList();
        }
    }

    public Result analyze(ImageCheck... checks) {
        List<LayerScan> scans = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            List<LayerEntry> entries = new ArrayList<>();
            long size = 0;
            for (Entry e : layers.get(i)) {
                byte[] content = e.content();
                LayerEntry entry = e.toLayerEntry(content);
                entries.add(entry);
                size += entry.size();
                for (ImageCheck check : checks) {
                    feed(check.contentInspector(), image.layers().get(i), entry, content);
                }
            }
            scans.add(new LayerScan(i, entries, size, size, size, Compression.NONE, image.layers().get(i).diffId(), true));
        }
        FileTree tree = FileTree.build(scans);
        AnalysisContext context = new AnalysisContext(image, scans, tree);
        List<Finding> findings = new ArrayList<>();
        for (ImageCheck check : checks) {
            findings.addAll(check.findings(context));
        }
        // the order ImageAnalyzer reports them in
        findings.sort(java.util.Comparator.comparing(Finding::severity).thenComparing(Finding::id));
        long reclaimable = ReclaimableAnalysis.compute(tree, scans.size()).totalBytes();
        return new Result(findings, ReadinessAnalysis.compute(context, findings, reclaimable), context);
    }

    private static void feed(ContentInspector inspector, Layer layer, LayerEntry entry, byte[] content) {
        if (inspector == null || entry.type() != EntryType.FILE) {
            return;
        }
        int wanted = (int) Math.min(inspector.bytesWanted(layer, entry), content.length);
        if (wanted > 0) {
            inspector.inspect(layer, entry, Arrays.copyOf(content, wanted), wanted);
        }
    }

    /** One tar entry. Files hold given bytes or {@code size} filler bytes that depend on path and size only. */
    public record Entry(EntryType type, String path, byte[] bytes, long size, int mode, long uid, long gid, String link) {

        public static Entry file(String path, String text) {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            return new Entry(EntryType.FILE, strip(path), b, b.length, 0644, 0, 0, null);
        }

        public static Entry file(String path, long size) {
            return new Entry(EntryType.FILE, strip(path), null, size, 0644, 0, 0, null);
        }

        public static Entry dir(String path) {
            return new Entry(EntryType.DIRECTORY, strip(path), null, 0, 0755, 0, 0, null);
        }

        public static Entry symlink(String path, String target) {
            return new Entry(EntryType.SYMLINK, strip(path), null, 0, 0777, 0, 0, target);
        }

        public static Entry whiteout(String path) {
            return new Entry(EntryType.WHITEOUT, strip(path), null, 0, 0644, 0, 0, null);
        }

        public static Entry opaque(String dir) {
            return new Entry(EntryType.OPAQUE, strip(dir), null, 0, 0644, 0, 0, null);
        }

        public Entry mode(int newMode) {
            return new Entry(type, path, bytes, size, newMode, uid, gid, link);
        }

        public Entry owner(long newUid, long newGid) {
            return new Entry(type, path, bytes, size, mode, newUid, newGid, link);
        }

        byte[] content() {
            if (type != EntryType.FILE) {
                return new byte[0];
            }
            if (bytes != null) {
                return bytes;
            }
            byte[] filler = new byte[(int) size];
            int seed = path.hashCode();
            for (int i = 0; i < filler.length; i++) {
                seed = seed * 1103515245 + 12345;
                filler[i] = (byte) (seed >>> 16);
            }
            return filler;
        }

        LayerEntry toLayerEntry(byte[] content) {
            long hash = 0;
            if (type == EntryType.FILE) {
                CRC32 crc = new CRC32();
                crc.update(content);
                hash = (crc.getValue() << 32) | (size & 0xffffffffL) | 1;
            }
            return new LayerEntry(path, type, type == EntryType.FILE ? size : 0, mode, uid, gid, link, hash);
        }

        private static String strip(String p) {
            String s = p;
            while (s.startsWith("/")) {
                s = s.substring(1);
            }
            return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        }
    }

    public static final class Builder {
        private String reference = "registry.example/app:1.0";
        private String user = "10001";
        private List<String> entrypoint = List.of();
        private List<String> cmd = List.of("/app/server");
        private final List<String> exposed = new ArrayList<>();
        private final List<String> volumes = new ArrayList<>();
        private final Map<String, String> labels = new LinkedHashMap<>(Map.of(
                "org.opencontainers.image.version", "1.0",
                "org.opencontainers.image.revision", "3f9c2ab",
                "org.opencontainers.image.source", "https://example.com/app"));
        private Healthcheck healthcheck = new Healthcheck(List.of("CMD", "/app/server", "--health"), null, null, null);
        private final List<HistoryEntry> history = new ArrayList<>();
        private final List<List<Entry>> layers = new ArrayList<>();
        private String created = "2024-01-01T00:00:00Z";
        private String comment;

        /** Defaults describe a sound image: non-root, a health check, exec form, labels, a version tag. */
        public Builder reference(String value) {
            reference = value;
            return this;
        }

        public Builder user(String value) {
            user = value;
            return this;
        }

        public Builder entrypoint(String... argv) {
            entrypoint = List.of(argv);
            return this;
        }

        public Builder cmd(String... argv) {
            cmd = List.of(argv);
            return this;
        }

        public Builder expose(String... ports) {
            exposed.addAll(List.of(ports));
            return this;
        }

        public Builder volume(String... paths) {
            volumes.addAll(List.of(paths));
            return this;
        }

        public Builder label(String key, String value) {
            if (value == null) {
                labels.remove(key);
            } else {
                labels.put(key, value);
            }
            return this;
        }

        public Builder healthcheck(String... test) {
            healthcheck = test.length == 0 ? null : new Healthcheck(List.of(test), null, null, null);
            return this;
        }

        /** The created time and history comment of the steps added after this call. */
        public Builder recorded(String createdAt, String historyComment) {
            created = createdAt;
            comment = historyComment;
            return this;
        }

        public Builder layer(String createdBy, Entry... entries) {
            history.add(new HistoryEntry(created, createdBy, comment, false));
            layers.add(List.of(entries));
            return this;
        }

        public Builder emptyStep(String createdBy) {
            history.add(new HistoryEntry(created, createdBy, comment, true));
            return this;
        }

        public TestImage build() {
            List<Layer> imageLayers = new ArrayList<>();
            List<Digest> diffIds = new ArrayList<>();
            List<HistoryEntry> nonEmpty = history.stream().filter(h -> !h.emptyLayer()).toList();
            for (int i = 0; i < layers.size(); i++) {
                Digest diffId = Digest.sha256(("layer " + i + " " + Objects.hash(layers.get(i).size()))
                        .getBytes(StandardCharsets.UTF_8));
                diffIds.add(diffId);
                imageLayers.add(new Layer(i, diffId, diffId, null, null, nonEmpty.get(i)));
            }
            ImageConfig config = new ImageConfig(new Platform("linux", "amd64", null), created, user, List.of(),
                    entrypoint, cmd, "/", exposed, volumes, labels, healthcheck, history, diffIds);
            Image image = new Image(reference, "docker-archive", null,
                    Digest.sha256(reference.getBytes(StandardCharsets.UTF_8)), config, imageLayers, List.of());
            return new TestImage(image, layers);
        }
    }
}
