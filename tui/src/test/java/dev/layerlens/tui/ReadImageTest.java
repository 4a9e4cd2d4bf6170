package dev.layerlens.tui;

import static dev.layerlens.tui.Harness.key;
import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import dev.layerlens.core.ImageAnalyzer;
import dev.layerlens.core.analysis.grade.ReadinessChecks;
import dev.layerlens.core.layer.ScanOptions;
import dev.layerlens.core.report.Sizes;
import dev.layerlens.core.source.ImageReadException;
import dev.layerlens.core.source.SourceOptions;
import dev.layerlens.core.source.SourceResolver;
import dev.layerlens.testdata.ConfigSpec;
import dev.layerlens.testdata.Entry;
import dev.layerlens.testdata.ImageSpec;
import dev.layerlens.testdata.LayerCompression;
import dev.layerlens.testdata.OciLayout;
import dev.layerlens.testdata.WrittenImage;
import dev.layerlens.testdata.WrittenLayer;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explorer over what the whole pipeline made of a real image, as {@code explore} reads it: an
 * OCI layout with gzip layers written by the fixture writer, scanned, and analysed with the
 * readiness checks. Sizes and the grade follow from the layers below; the compressed sizes and
 * digests are the ones the writer reports for the blobs it wrote.
 */
class ReadImageTest {
    /**
     * Layer 0: 6000 bytes in two files; layer 1: an apt cache file of 1500 bytes (removable) and a
     * build log of 500; layer 2 deletes the log (reclaimable) and adds an empty file. Image 8000
     * bytes. The config is sound (non-root, health check, exec form, OCI labels, a version tag): no
     * finding but the cache's, an info. Grade: dead weight (1500 + 500) / 8000 = 25 %,
     * 100 − round(60 × 25 %) = 85, a B.
     */
    private static final ImageSpec IMAGE = ImageSpec.builder()
            .config(ConfigSpec.builder().user("10001").cmd("/app/server")
                    .label("org.opencontainers.image.version", "1.0")
                    .label("org.opencontainers.image.revision", "3f9c2ab")
                    .label("org.opencontainers.image.source", "https://example.com/app")
                    .healthcheck(new ConfigSpec.HealthcheckSpec(List.of("CMD", "/app/server", "--health"), null, null, null))
                    .build())
            .layer("/bin/sh -c #(nop) ADD file:app in / ",
                    Entry.dir("app"), Entry.file("app/server", 5600), Entry.file("app/server.conf", 400))
            .layer("/bin/sh -c install-tools",
                    Entry.dir("var"), Entry.dir("var/cache"), Entry.dir("var/cache/apt"),
                    Entry.dir("var/cache/apt/archives"), Entry.file("var/cache/apt/archives/tool.deb", 1500),
                    Entry.dir("tmp"), Entry.file("tmp/build.log", 500))
            .layer("/bin/sh -c rm /tmp/build.log && touch /app/ready", Entry.whiteout("tmp/build.log"),
                    Entry.file("app/ready", 0))
            .build();

    @TempDir
    static Path dir;
    static WrittenImage written;
    static TestImage.Built built;

    @BeforeAll
    static void readTheImage() throws ImageReadException {
        Path layout = dir.resolve("layout");
        written = new OciLayout().compression(LayerCompression.GZIP).tag("1.0", IMAGE).writeDirectory(layout).image();
        ImageAnalyzer.Result result = new ImageAnalyzer(new SourceResolver(InputStream.nullInputStream()),
                new ScanOptions(true, true, 2), ReadinessChecks::create)
                .analyze("oci:" + layout + ":1.0", SourceOptions.DEFAULT, ImageAnalyzer.ProgressFactory.NONE);
        built = new TestImage.Built(result.report(), result.tree());
    }

    private static WrittenLayer blob(int layer) {
        return written.layers().get(layer);
    }

    /** The value beside {@code label} in the left column (a details pane), its wrapped lines joined by {@code joiner}. */
    private static String detail(Harness h, String label, String joiner) {
        List<String> left = leftColumn(h);
        String head = String.format("%-" + LabelledLines.LABEL + "s", label);
        int row = 0;
        while (!left.get(row).startsWith(head)) {
            row++;
        }
        StringJoiner value = new StringJoiner(joiner).add(left.get(row).substring(head.length()));
        String indent = " ".repeat(LabelledLines.LABEL);
        for (row++; left.get(row).startsWith(indent) && !left.get(row).isBlank(); row++) {
            value.add(left.get(row).strip());
        }
        return value.toString();
    }

    private static List<String> leftColumn(Harness h) {
        return h.lines().stream().map(l -> l.substring(0, h.separatorColumn()).stripTrailing()).toList();
    }

    private static long compressedTotal() {
        return written.layers().stream().mapToLong(WrittenLayer::blobSize).sum();
    }

    @Test
    void theFixtureIsCompressed() {
        assertThat(written.layers()).extracting(WrittenLayer::compression).containsOnly(LayerCompression.GZIP);
        assertThat(written.layers()).extracting(WrittenLayer::blobSize).as("not the layers' sizes")
                .doesNotContain(6000L, 2000L, 0L);
    }

    @Test
    void at80x24TheLayersAndTheSummaryShowTheCompressedSizes() {
        Harness h = new Harness(built.explorer(), 80, 24);
        assertThat(h.row(1)).startsWith("   #     SIZE   COMPR.  COMMAND");
        assertThat(h.row(2)).startsWith(String.format("%4d %8s %8s  ADD file:app", 0, "6.00 kB", Sizes.si(blob(0).blobSize())));
        assertThat(h.row(3)).startsWith(String.format("%4d %8s %8s  install-tools", 1, "2.00 kB", Sizes.si(blob(1).blobSize())));
        assertThat(h.row(4)).startsWith(String.format("%4d %8s %8s  rm /tmp/build", 2, "0 B", Sizes.si(blob(2).blobSize())));
        // every line of the summary fits, the grade's too; the layer count at the end of the first is what is cut
        assertThat(leftColumn(h).subList(15, 23)).satisfiesExactly(
                title -> assertThat(title).startsWith(" Image "),
                size -> assertThat(size).startsWith("size        8.00 kB · " + Sizes.si(compressedTotal()) + " compress"),
                reclaimable -> assertThat(reclaimable).isEqualTo("reclaimable 500 B (6.25 %) in 1 path"),
                removable -> assertThat(removable).startsWith("removable   1.50 kB (18.75 %) not"),
                grade -> assertThat(grade).isEqualTo("grade       B (85/100)"),
                efficiency -> assertThat(efficiency).startsWith("efficiency"),
                wasted -> assertThat(wasted).startsWith("wasted"),
                findings -> assertThat(findings).isEqualTo("findings    1 info"));
    }

    @Test
    void theDetailsPaneShowsHowEachLayerIsStoredAndItsDigests() {
        Harness h = new Harness(built.explorer(), 80, 40);
        List<String> sizes = List.of("6.00 kB in 2 files", "2.00 kB in 2 files", "0 B in 1 file");
        for (int layer = 0; layer < sizes.size(); layer++) {
            assertThat(h.text()).contains(" Layer " + layer + " details");
            assertThat(detail(h, "size", " ")).isEqualTo(sizes.get(layer) + ", " + Sizes.si(blob(layer).blobSize())
                    + " gzip-compressed");
            assertThat(detail(h, "digest", "")).as("the stored blob's").isEqualTo(blob(layer).blobDigest());
            assertThat(detail(h, "diffId", "")).isEqualTo(blob(layer).diffId());
            h.press(key(KeyType.ArrowDown));
        }
    }

    @Test
    void theSummaryShowsTheMeasuredRemovableBytesAndTheGrade() {
        Harness h = new Harness(built.explorer(), 120, 40);
        assertThat(leftColumn(h)).containsSubsequence(
                "size        8.00 kB · " + Sizes.si(compressedTotal()) + " compressed · 3 layers",
                "reclaimable 500 B (6.25 %) in 1 path",
                "removable   1.50 kB (18.75 %) not needed at run time",
                "grade       B (85/100)",
                "findings    1 info");
        assertThat(h.text()).contains("INFO  L1  /var/cache/apt  1.50 kB of apt's package cache");
    }
}
