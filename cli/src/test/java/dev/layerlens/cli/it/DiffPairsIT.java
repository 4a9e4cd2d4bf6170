package dev.layerlens.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.layerlens.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code layerlens diff} on real image pairs ({@code testdata/diff-pairs}, see its README), built by
 * the engine and saved with {@code docker save}: sizes and layers checked against the test's own
 * replay of the saved layers, file differences against {@code docker export} of both images
 * compared file by file, findings against the two reports, and each pair's hand-derived facts.
 */
@ExtendWith(ItEnvironment.class)
class DiffPairsIT {
    private static final Docker.Builder BUILDER = Docker.Builder.LEGACY;

    /** Both images of a pair, built and saved, with the test's own view of each. */
    record Side(String tag, Path archive, LayerReplay replay, ExportedContents export, JsonNode report) {
    }

    record Pair(Side before, Side after, JsonNode diff) {
    }

    static Path pairs() {
        Path root = Scenario.root().resolveSibling("diff-pairs");
        assertThat(root).isDirectory();
        return root;
    }

    private static Side build(ItContext it, String pair, String side, String base) throws IOException {
        it.bases.ensure(base);
        String tag = "layerlens-it/pair-" + pair + ":" + side;
        it.docker.build(BUILDER, context(it, pair, side), tag, Duration.ofMinutes(15));
        Path archive = it.workDir.resolve("pair-" + pair + "-" + side + ".tar");
        Files.deleteIfExists(archive);
        it.docker.save(tag, archive);
        LayerReplay replay;
        try (ImageFiles files = ImageFiles.dockerArchive(archive)) {
            replay = LayerReplay.of(files);
        }
        Path exportTar = it.workDir.resolve("pair-" + pair + "-" + side + "-export.tar");
        it.docker.export(tag, exportTar);
        ExportedContents export = ExportedContents.read(exportTar);
        Files.delete(exportTar);
        return new Side(tag, archive, replay, export, Reports.analyze(archive.toString()));
    }

    /** The build context in the work directory, with its credential placeholders made fake values. */
    private static Path context(ItContext it, String pair, String side) throws IOException {
        Path target = it.workDir.resolve("pair-context").resolve(pair).resolve(side);
        Files.createDirectories(target);
        String dockerfile = Files.readString(pairs().resolve(pair).resolve(side).resolve("Dockerfile"));
        Files.writeString(target.resolve("Dockerfile"), SecretScenario.resolve(dockerfile));
        return target;
    }

    /** BEFORE is built first, so AFTER's identical instructions come from the build cache, as in a real PR build. */
    private static Pair pair(ItContext it, String name, String base) throws IOException {
        Side before = build(it, name, "before", base);
        Side after = build(it, name, "after", base);
        Cli diff = Cli.run("diff", "-f", "json", "--top", "0", before.archive().toString(), after.archive().toString());
        assertThat(diff.code()).as("diff exit code; stderr: %s", diff.err()).isZero();
        try (InputStream schema = Files.newInputStream(Path.of("..", "docs", "diff.schema.json"))) {
            assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema).validate(diff.json()))
                    .as("docs/diff.schema.json").isEmpty();
        }
        return new Pair(before, after, diff.json());
    }

    @Test
    void aSecretAddedThenRemovedVersusNeverAdded(ItContext it) throws IOException {
        Pair pair = pair(it, "secret-removed", "busybox");
        JsonNode diff = pair.diff();
        int base = it.docker.layerCount(BaseImages.BUSYBOX);
        SoftAssertions soft = new SoftAssertions();
        checkAgainstReplayAndExport(soft, pair);
        // the pair's facts (testdata/diff-pairs/README.md)
        soft.assertThat(diff.get("sizeDeltaBytes").asLong()).as("sizeDeltaBytes").isEqualTo(-39);
        soft.assertThat(diff.at("/before/layerCount").asInt()).isEqualTo(base + 3);
        soft.assertThat(diff.at("/after/layerCount").asInt()).isEqualTo(base + 1);
        soft.assertThat(diff.at("/sharedLayers/count").asInt()).as("base + cached app layer").isEqualTo(base + 1);
        soft.assertThat(diff.at("/sharedLayers/commonBaseLayers").asInt()).isEqualTo(base + 1);
        soft.assertThat(diff.at("/sharedLayers/onlyBefore").asInt()).isEqualTo(2);
        soft.assertThat(diff.at("/sharedLayers/onlyAfter").asInt()).isZero();
        soft.assertThat(statuses(diff)).containsExactlyElementsOf(expectedStatuses(base + 1, "removed", "removed"));
        soft.assertThat(diff.at("/files/addedCount").asInt() + diff.at("/files/removedCount").asInt()
                + diff.at("/files/changedCount").asInt()).as("identical final filesystems").isZero();
        soft.assertThat(diff.at("/metrics/reclaimableBytes/before").asLong()).isEqualTo(39);
        soft.assertThat(diff.at("/metrics/reclaimableBytes/after").asLong()).isZero();
        soft.assertThat(diff.at("/metrics/wastedBytes/before").asLong()).as("dive: seen twice, 39 + 0").isEqualTo(39);
        soft.assertThat(diff.at("/metrics/wastedBytes/after").asLong()).isZero();
        JsonNode fixed = diff.at("/findings/fixed");
        soft.assertThat(fixed.findValuesAsText("id")).as("fixed: secrets only").isNotEmpty()
                .allMatch(id -> id.startsWith("secret/"));
        soft.assertThat(fixed.findValuesAsText("path")).as("the file's secret among them").contains("/app/credentials.env");
        for (JsonNode f : fixed) {
            if ("/app/credentials.env".equals(f.get("path").asText())) {
                soft.assertThat(f.get("layerIndex").asInt()).as("in the layer that wrote it").isEqualTo(base + 1);
            }
        }
        soft.assertThat(diff.at("/findings/introduced")).isEmpty();
        soft.assertThat(diff.toString()).as("no credential in clear").doesNotContain(SecretScenario.value("aws-key-id", "0801"));
        soft.assertAll();

        // the gate: noSecrets fails BEFORE (the deleted file still ships) and passes AFTER
        Path config = Files.writeString(it.workDir.resolve("no-secrets.layerlens.yml"), "rules:\n  noSecrets: true\n");
        Cli gateBefore = Cli.run("analyze", "--ci-config", config.toString(), pair.before().archive().toString());
        assertThat(gateBefore.code()).as(gateBefore.out()).isEqualTo(1);
        assertThat(gateBefore.out()).contains("FAIL  noSecrets").contains("/app/credentials.env")
                .doesNotContain(SecretScenario.value("aws-key-id", "0801"));
        Cli gateAfter = Cli.run("analyze", "--ci-config", config.toString(), pair.after().archive().toString());
        assertThat(gateAfter.code()).as(gateAfter.out()).isZero();
        assertThat(gateAfter.out()).contains("PASS  noSecrets");

        // the grown side fails --fail-if-larger; the shrunk side passes it
        Cli grew = Cli.run("diff", "--fail-if-larger", "0", pair.after().archive().toString(),
                pair.before().archive().toString());
        assertThat(grew.code()).isEqualTo(1);
        assertThat(grew.err()).startsWith("layerlens: AFTER is ").contains("(+39 bytes)");
        assertThat(Cli.run("diff", "--fail-if-larger", "0", pair.before().archive().toString(),
                pair.after().archive().toString()).code()).isZero();
    }

    @Test
    void aptInThreeLayersVersusOne(ItContext it) throws IOException {
        Pair pair = pair(it, "apt-split-vs-single", "debian");
        JsonNode diff = pair.diff();
        SoftAssertions soft = new SoftAssertions();
        checkAgainstReplayAndExport(soft, pair);
        soft.assertThat(diff.at("/before/layerCount").asInt()).isEqualTo(4);
        soft.assertThat(diff.at("/after/layerCount").asInt()).isEqualTo(2);
        soft.assertThat(diff.at("/sharedLayers/count").asInt()).as("the Debian base").isEqualTo(1);
        soft.assertThat(diff.at("/sharedLayers/commonBaseLayers").asInt()).isEqualTo(1);
        soft.assertThat(statuses(diff)).containsExactly("shared", "changed", "removed", "removed");
        long listsBefore = reclaimableUnder(pair.before().replay(), "/var/lib/apt/lists/");
        soft.assertThat(listsBefore).as("package lists shipped in layer 1, deleted in layer 3").isGreaterThan(1_000_000);
        soft.assertThat(reclaimableUnder(pair.after().replay(), "/var/lib/apt/lists/")).isZero();
        soft.assertThat(diff.at("/metrics/reclaimableBytes/delta").asLong()).isLessThanOrEqualTo(-listsBefore);
        for (Side side : List.of(pair.before(), pair.after())) {
            soft.assertThat(side.export().items.keySet()).as("no package list left in %s", side.tag())
                    .noneMatch(p -> p.startsWith("/var/lib/apt/lists/") && !p.equals("/var/lib/apt/lists/lock"));
        }
        soft.assertAll();
    }

    /** What any pair's diff must agree with: the replayed layers, the two exports, the two reports. */
    private static void checkAgainstReplayAndExport(SoftAssertions soft, Pair pair) {
        JsonNode diff = pair.diff();
        long before = pair.before().replay().layers().stream().mapToLong(LayerReplay.LayerFacts::sizeBytes).sum();
        long after = pair.after().replay().layers().stream().mapToLong(LayerReplay.LayerFacts::sizeBytes).sum();
        soft.assertThat(diff.at("/before/sizeBytes").asLong()).as("before size (replay)").isEqualTo(before);
        soft.assertThat(diff.at("/after/sizeBytes").asLong()).as("after size (replay)").isEqualTo(after);
        soft.assertThat(diff.get("sizeDeltaBytes").asLong()).as("sizeDeltaBytes").isEqualTo(after - before);
        soft.assertThat(diff.get("sizeDeltaPercent").asDouble()).isEqualTo((after - before) * 100.0 / before);
        soft.assertThat(diff.at("/sharedLayers/count").asInt()).as("shared diffIDs (replay)")
                .isEqualTo(sharedDiffIds(pair.before().replay(), pair.after().replay()));
        soft.assertThat(diff.at("/metrics/reclaimableBytes/before").asLong()).isEqualTo(pair.before().replay().reclaimableBytes());
        soft.assertThat(diff.at("/metrics/reclaimableBytes/after").asLong()).isEqualTo(pair.after().replay().reclaimableBytes());

        ExportedContents was = pair.before().export();
        ExportedContents is = pair.after().export();
        checkFiles(soft, "added", diff.at("/files/added"), diff.at("/files/addedCount").asInt(), was.added(is));
        checkFiles(soft, "removed", diff.at("/files/removed"), diff.at("/files/removedCount").asInt(), was.removed(is));
        checkFiles(soft, "changed", diff.at("/files/changed"), diff.at("/files/changedCount").asInt(), was.changed(is));
        soft.assertThat(diff.at("/files/netBytes").asLong()).as("net file bytes = export bytes after − before")
                .isEqualTo(sum(is) - sum(was));

        Set<String> beforeKeys = findingKeys(pair.before().report());
        Set<String> afterKeys = findingKeys(pair.after().report());
        soft.assertThat(findingKeys(diff.at("/findings/fixed"))).as("fixed")
                .isEqualTo(minus(beforeKeys, afterKeys));
        soft.assertThat(findingKeys(diff.at("/findings/introduced"))).as("introduced")
                .isEqualTo(minus(afterKeys, beforeKeys));
    }

    private static void checkFiles(SoftAssertions soft, String kind, JsonNode listed, int count,
                                   List<ExportedContents.Change> expected) {
        List<ExportedContents.Change> got = new ArrayList<>();
        for (JsonNode c : listed) {
            List<String> what = new ArrayList<>();
            c.get("changes").forEach(w -> what.add(w.asText()));
            got.add(new ExportedContents.Change(c.get("path").asText(), c.get("deltaBytes").asLong(), what));
        }
        got.sort(Comparator.comparing(ExportedContents.Change::path));
        soft.assertThat(count).as(kind + " count (docker export)").isEqualTo(expected.size());
        soft.assertThat(got).as(kind + " files (docker export)").containsExactlyElementsOf(expected);
    }

    private static List<String> statuses(JsonNode diff) {
        List<String> statuses = new ArrayList<>();
        diff.get("layers").forEach(r -> statuses.add(r.get("status").asText()));
        return statuses;
    }

    private static List<String> expectedStatuses(int shared, String... rest) {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < shared; i++) {
            list.add("shared");
        }
        list.addAll(List.of(rest));
        return list;
    }

    private static int sharedDiffIds(LayerReplay before, LayerReplay after) {
        List<String> available = new ArrayList<>(before.layers().stream().map(LayerReplay.LayerFacts::diffId).toList());
        int shared = 0;
        for (LayerReplay.LayerFacts layer : after.layers()) {
            if (available.remove(layer.diffId())) {
                shared++;
            }
        }
        return shared;
    }

    private static long reclaimableUnder(LayerReplay replay, String prefix) {
        return replay.reclaimable().values().stream().filter(w -> w.path().startsWith(prefix))
                .mapToLong(LayerReplay.Waste::bytes).sum();
    }

    private static long sum(ExportedContents contents) {
        return contents.items.values().stream().mapToLong(ExportedContents.Item::bytes).sum();
    }

    private static Set<String> findingKeys(JsonNode reportOrList) {
        JsonNode list = reportOrList.has("findings") ? reportOrList.get("findings") : reportOrList;
        Set<String> keys = new HashSet<>();
        list.forEach(f -> keys.add(f.get("id").asText() + " " + (f.get("path").isNull() ? "" : f.get("path").asText())));
        return keys;
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> result = new HashSet<>(a);
        result.removeAll(b);
        return result;
    }

    /** One in-process run of the command line. */
    record Cli(int code, String out, String err) {
        static Cli run(String... args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.run(args, InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
            return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }

        JsonNode json() {
            try {
                return new ObjectMapper().readTree(out);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + out, e);
            }
        }
    }
}
