package dev.layerlens.cli.it;

import static dev.layerlens.cli.it.Prerequisites.need;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.layerlens.core.report.Sizes;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The CI report formats on a real image (the {@code debian-apt-lists} scenario, built by the engine):
 * SARIF validated against the official 2.1.0 schema, and the HTML page opened in headless Chromium
 * (Debian's package) kept off the network: the DOM Chromium parsed holds the bars and treemap cells
 * the test's replay of the image calls for, and the screenshot shows them in the page's colours.
 */
@ExtendWith(ItEnvironment.class)
class ReportFormatsIT {
    /** The page's colours (HtmlReportWriter): a layer's visible and reclaimable bytes, the treemap's palette. */
    private static final int BAR = 0x4e79a7;
    private static final int HIDDEN = 0xf28e2b;
    private static final List<Integer> PALETTE = List.of(0x4e79a7, 0xf28e2b, 0x59a14f, 0xb07aa1, 0x76b7b2, 0xedc948,
            0xff9da7, 0x9c755f, 0xe15759, 0xbab0ac);
    private static final Path SARIF_SCHEMA = Path.of("..", "analyzer-core", "src", "test", "resources", "sarif",
            "sarif-schema-2.1.0.json");

    private static ItContext.BuiltScenario image(ItContext it) {
        return it.scenario("debian-apt-lists", Docker.Builder.LEGACY);
    }

    @Test
    void sarifOfARealImageValidates(ItContext it) throws IOException {
        ItContext.BuiltScenario built = image(it);
        Path config = Files.writeString(it.workDir.resolve("strict.layerlens.yml"), "rules:\n  maxReclaimableBytes: 1MB\n");
        Path sarif = it.workDir.resolve("apt.sarif");
        Cli run = Cli.run(Map.of(), "analyze", "--ci-config", config.toString(), "-f", "sarif", "-o",
                sarif.toString(), built.archive().toString());
        assertThat(run.code()).as("the lists are reclaimable: maxReclaimableBytes fails; stderr %s", run.err()).isEqualTo(1);
        JsonNode log = new ObjectMapper().readTree(sarif.toFile());
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(SARIF_SCHEMA)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
        assertThat(schema.validate(log)).isEmpty();
        List<String> ruleIds = log.at("/runs/0/results").findValuesAsText("ruleId");
        assertThat(ruleIds).contains("policy/maxReclaimableBytes");
        assertThat(log.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
                .doesNotStartWith("/").doesNotContain(":");
    }

    @Test
    void theHtmlPageRendersOfflineInChromium(ItContext it) throws IOException {
        Path chromium = Command.which("chromium");
        need(chromium != null, "chromium is missing (apt-get install chromium)");
        ItContext.BuiltScenario built = image(it);
        Path html = it.workDir.resolve("apt-report.html");
        Path diveCi = writeDiveCi(it);
        Cli run = Cli.run(Map.of(), "analyze", "--ci", "--ci-config", diveCi.toString(), "-f", "html", "-o",
                html.toString(), built.archive().toString());
        assertThat(run.code()).as("stderr %s", run.err()).isIn(0, 1);
        String source = Files.readString(html);
        // nothing to fetch: the page forbids it, and has no attribute or rule that could fetch (URLs in
        // findings' text, such as a HEALTHCHECK example, are text)
        assertThat(source).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';")
                .doesNotContain("<script", "src=", "href=", "url(", "@import", "<link", "<iframe");

        Path profile = Files.createTempDirectory(it.workDir, "chromium-profile");
        // and the browser is kept off the network: no name resolves, every request goes to a closed port
        List<String> common = List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--disable-domain-reliability", "--no-pings",
                "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9", "--force-device-scale-factor=1",
                "--hide-scrollbars", "--user-data-dir=" + profile);
        Command.Result dom = Command.run(concat(common, "--dump-dom", html.toUri().toString()), Map.of(),
                Duration.ofMinutes(2));
        assertThat(dom.exitCode()).as("chromium --dump-dom: %s", dom.stderr()).isZero();
        String page = dom.stdout();
        JsonNode report = Reports.analyze(built.archive().toString());
        LayerReplay replay;
        try (ImageFiles files = ImageFiles.dockerArchive(built.archive())) {
            replay = LayerReplay.of(files);
        }
        assertThat(page).contains("layerlens report", "CI gate: PASS", "Rules from " + diveCi,
                report.at("/image/reference").asText(), report.at("/image/digest").asText(),
                "Final filesystem by size", "Reclaimable paths", "/var/lib/apt/lists/");
        List<Rect> bars = checkBars(page, replay, report);
        List<Rect> cells = checkTreemap(page, replay);
        assertThat(page.split("<tr class=\"(critical|high|medium|low|info)\">", -1)).as("one row per finding")
                .hasSize(report.get("findings").size() + 1);

        Path screenshot = it.workDir.resolve("apt-report.png");
        Files.deleteIfExists(screenshot);
        Command.Result shot = Command.run(concat(common, "--screenshot=" + screenshot, "--window-size=1280,2400",
                html.toUri().toString()), Map.of(), Duration.ofMinutes(2));
        assertThat(shot.exitCode()).as("chromium --screenshot: %s", shot.stderr()).isZero();
        checkScreenshot(ImageIO.read(screenshot.toFile()), bars, cells);
    }

    /** A filled rectangle of the page's SVG, in CSS pixels. */
    private record Rect(double width, double height, int rgb) {
        double area() {
            return width * height;
        }
    }

    /**
     * One bar per layer, in layer order, as wide as the layer's size against the largest (420 px), its
     * hidden part the layer's reclaimable share; sizes from the test's replay of the saved layers.
     */
    private static List<Rect> checkBars(String page, LayerReplay replay, JsonNode report) {
        List<LayerReplay.LayerFacts> layers = replay.layers();
        long max = layers.stream().mapToLong(LayerReplay.LayerFacts::sizeBytes).max().orElseThrow();
        Matcher bar = Pattern.compile("<g class=\"layer\"><title>([^<]*)</title>(.*?)</g>", Pattern.DOTALL).matcher(page);
        List<Rect> rects = new ArrayList<>();
        SoftAssertions soft = new SoftAssertions();
        int index = 0;
        for (; bar.find(); index++) {
            if (index >= layers.size()) {
                continue;
            }
            LayerReplay.LayerFacts layer = layers.get(index);
            double width = 420.0 * layer.sizeBytes() / max;
            double hidden = layer.sizeBytes() == 0 ? 0 : width * Math.min(1.0, (double) layer.reclaimableBytes() / layer.sizeBytes());
            String command = report.at("/layers/" + index + "/command").asText();
            soft.assertThat(text(bar.group(1))).as("layer %d's tooltip", index).isEqualTo("layer " + index + ": "
                    + Sizes.si(layer.sizeBytes()) + ", reclaimable " + Sizes.si(layer.reclaimableBytes())
                    + (command.isEmpty() ? "" : "\n" + command));
            Map<String, Double> widths = new HashMap<>();
            Matcher rect = Pattern.compile("<rect class=\"(visible|hidden)\" x=\"[0-9.]+\" y=\"[0-9.]+\" width=\"([0-9.]+)\" "
                    + "height=\"([0-9.]+)\"").matcher(bar.group(2));
            while (rect.find()) {
                double w = Double.parseDouble(rect.group(2));
                widths.put(rect.group(1), w);
                rects.add(new Rect(w, Double.parseDouble(rect.group(3)), rect.group(1).equals("visible") ? BAR : HIDDEN));
            }
            soft.assertThat(widths.get("visible")).as("layer %d: visible part of the bar", index)
                    .isCloseTo(width - hidden, within(0.051));
            if (hidden > 0) {
                soft.assertThat(widths.get("hidden")).as("layer %d: reclaimable part of the bar", index)
                        .isCloseTo(hidden, within(0.051));
            } else {
                soft.assertThat(widths).as("layer %d: nothing reclaimable", index).doesNotContainKey("hidden");
            }
        }
        soft.assertThat(index).as("bars").isEqualTo(layers.size());
        soft.assertThat(rects).as("the package lists' layer: a reclaimable part is drawn")
                .anyMatch(r -> r.rgb() == HIDDEN && r.width() > 10);
        soft.assertAll();
        return rects;
    }

    /**
     * The treemap's top cells: each top-level directory (or file) of the final filesystem with at least
     * 0.4 % of its bytes (the share analyze keeps), largest first, then one cell for the smaller ones;
     * bytes from the replay, each cell labelled with them and coloured from the page's palette in turn.
     */
    private static List<Rect> checkTreemap(String page, LayerReplay replay) {
        Map<String, Long> top = new HashMap<>();
        replay.finalFilesystem().forEach((path, node) -> {
            if (node.kind() == LayerReplay.Kind.FILE && node.shipment() != null) {
                top.merge(path.contains("/") ? path.substring(0, path.indexOf('/')) : path, node.size(), Long::sum);
            }
        });
        long total = top.values().stream().mapToLong(Long::longValue).sum();
        long floor = Math.max(1, (long) (total * 0.004));
        List<String> expected = new ArrayList<>();
        top.entrySet().stream().filter(e -> e.getValue() >= floor)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> expected.add("/" + e.getKey() + ": " + Sizes.si(e.getValue())));
        List<Long> smaller = top.values().stream().filter(b -> b > 0 && b < floor).toList();
        if (!smaller.isEmpty()) {
            expected.add(smaller.size() + " smaller in /: " + Sizes.si(smaller.stream().mapToLong(Long::longValue).sum()));
        }
        Matcher cell = Pattern.compile("<g class=\"top\"><title>([^<]*)</title>\\s*<rect x=\"[0-9.]+\" y=\"[0-9.]+\" "
                + "width=\"([0-9.]+)\" height=\"([0-9.]+)\" fill=\"#([0-9a-f]{6})\"").matcher(page);
        List<String> labels = new ArrayList<>();
        List<Rect> rects = new ArrayList<>();
        while (cell.find()) {
            labels.add(text(cell.group(1)));
            rects.add(new Rect(Double.parseDouble(cell.group(2)), Double.parseDouble(cell.group(3)),
                    Integer.parseInt(cell.group(4), 16)));
        }
        assertThat(labels).as("treemap cells (replay)").containsExactlyElementsOf(expected);
        for (int i = 0; i < rects.size(); i++) {
            assertThat(rects.get(i).rgb()).as("cell %d's colour", i).isEqualTo(PALETTE.get(i % PALETTE.size()));
        }
        assertThat(rects.stream().mapToDouble(Rect::area).sum()).as("the cells fill the 960×520 map")
                .isCloseTo(960.0 * 520, within(960.0 * 520 * 0.001));
        assertThat(page).as("the largest directory is broken down").contains("<g class=\"inner\">");
        assertThat(page).as("/usr, the largest directory of a Debian image, is labelled in its cell").contains(">usr ");
        return rects;
    }

    /**
     * The screenshot shows the page, not a blank or unstyled one. The treemap's rows are the ones
     * with more of its palette's colours than any bar has, as many as the map is tall; above them the
     * bars cover, in the bar colours, the areas the DOM gives them (plus the legend's two 12 px
     * swatches); among them each colour covers about the area of its cells (a little less: borders and
     * labels are drawn over them). The inner cells' opacity may move a channel by one when blended, and
     * a bar's fractional end blends one column of pixels.
     */
    private static void checkScreenshot(BufferedImage png, List<Rect> bars, List<Rect> cells) {
        assertThat(png).as("the screenshot decodes").isNotNull();
        assertThat(png.getWidth()).isEqualTo(1280);
        assertThat(png.getHeight()).isEqualTo(2400);
        Set<Integer> colours = new TreeSet<>(PALETTE);
        Map<Integer, long[]> perRow = new HashMap<>();
        colours.forEach(c -> perRow.put(c, new long[png.getHeight()]));
        Set<Integer> distinct = new HashSet<>();
        long white = 0;
        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                int rgb = png.getRGB(x, y) & 0xffffff;
                distinct.add(rgb);
                white += rgb == 0xffffff ? 1 : 0;
                for (int c : colours) {
                    if (near(rgb, c)) {
                        perRow.get(c)[y]++;
                    }
                }
            }
        }
        assertThat(distinct.size()).as("distinct colours").isGreaterThan(100);
        assertThat(white).as("white pixels").isLessThan((long) png.getWidth() * png.getHeight() * 9 / 10);

        // a bar is at most 420 px long: only the 960 px wide map has rows with more of its colours
        int mapTop = -1;
        int mapBottom = -1;
        for (int y = 0; y < png.getHeight(); y++) {
            int row = y;
            if (perRow.values().stream().mapToLong(counts -> counts[row]).sum() > 500) {
                mapTop = mapTop < 0 ? y : mapTop;
                mapBottom = y + 1;
            }
        }
        assertThat(mapBottom - mapTop).as("rows of the treemap (520 tall, its edges stroked white)").isBetween(500, 522);
        int margin = 8; // rows next to the map's edges may blend; nothing else is drawn that close to it

        SoftAssertions soft = new SoftAssertions();
        for (int colour : List.of(BAR, HIDDEN)) {
            List<Rect> drawn = bars.stream().filter(r -> r.rgb() == colour).toList();
            double area = drawn.stream().mapToDouble(Rect::area).sum() + 12 * 12;
            soft.assertThat((double) sum(perRow.get(colour), 0, mapTop - margin)).as("bar pixels of #%06x above the map", colour)
                    .isCloseTo(area, within(0.02 * area + 20 * (drawn.size() + 1)));
        }
        for (int colour : colours) {
            double all = 0;
            double solid = 0;
            for (Rect r : cells) {
                if (r.rgb() == colour) {
                    all += r.area();
                    solid += r.width() >= 20 && r.height() >= 16 ? r.area() : 0;
                }
            }
            soft.assertThat((double) sum(perRow.get(colour), mapTop - margin, mapBottom + margin))
                    .as("treemap pixels of #%06x", colour)
                    .isBetween(0.8 * solid, 1.02 * all + 100);
        }
        soft.assertAll();
    }

    private static long sum(long[] counts, int from, int to) {
        long total = 0;
        for (int i = from; i < to; i++) {
            total += counts[i];
        }
        return total;
    }

    /** Text as Chromium serialises it back to plain text (it escapes only these three in text nodes). */
    private static String text(String serialised) {
        return serialised.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** The same colour give or take 2 per channel. */
    private static boolean near(int rgb, int expected) {
        for (int shift = 0; shift < 24; shift += 8) {
            if (Math.abs((rgb >> shift & 0xff) - (expected >> shift & 0xff)) > 2) {
                return false;
            }
        }
        return true;
    }

    private static Path writeDiveCi(ItContext it) throws IOException {
        // not dive's acceptance config (.data/.dive-ci: 0.95 / 20Mb / 0.5): this image's package lists alone,
        // shipped in one layer and deleted in the next, waste far more than 20 MB. Looser thresholds, in
        // dive's spelling, let the gate pass, so the page shows "CI gate: PASS".
        return Files.writeString(it.workDir.resolve(".dive-ci"),
                "rules:\n  lowestEfficiency: 0.5\n  highestWastedBytes: 200MB\n  highestUserWastedPercent: 0.99\n");
    }

    private static List<String> concat(List<String> a, String... more) {
        List<String> all = new ArrayList<>(a);
        all.addAll(List.of(more));
        return all;
    }
}
