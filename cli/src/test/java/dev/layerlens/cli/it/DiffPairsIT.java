package dev.layerlens.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code layerlens diff} on real image pairs ({@code testdata/diff-pairs}, see its README, and the
 * readiness scenarios' naive and production Node images), built by the engine and saved with
 * {@code docker save}: sizes and layers checked against the test's own replay of the saved layers,
 * file differences against {@code docker export} of both images compared file by file, findings
 * against the two reports, and each pair's hand-derived facts.
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
        return side(it, tag, archive);
    }

    /** The test's own views of an image saved to {@code archive}: its replayed layers, its export, its report. */
    private static Side side(ItContext it, String tag, Path archive) throws IOException {
        LayerReplay replay;
        try (ImageFiles files = ImageFiles.dockerArchive(archive)) {
            replay = LayerReplay.of(files);
        }
        Path exportTar = it.workDir.resolve(archive.getFileName().toString().replaceFirst("\\.tar$", "") + "-export.tar");
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
        return compare(before, build(it, name, "after", base));
    }

    /** {@code layerlens diff -f json} of the two sides, every file change listed, checked against the documented schema. */
    private static Pair compare(Side before, Side after) throws IOException {
        Cli diff = Cli.run(Map.of(), "diff", "-f", "json", "--top", "0", before.archive().toString(), after.archive().toString());
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
        Cli gateBefore = Cli.run(Map.of(), "analyze", "--ci-config", config.toString(), pair.before().archive().toString());
        assertThat(gateBefore.code()).as(gateBefore.out()).isEqualTo(1);
        assertThat(gateBefore.out()).contains("FAIL  noSecrets").contains("/app/credentials.env")
                .doesNotContain(SecretScenario.value("aws-key-id", "0801"));
        Cli gateAfter = Cli.run(Map.of(), "analyze", "--ci-config", config.toString(), pair.after().archive().toString());
        assertThat(gateAfter.code()).as(gateAfter.out()).isZero();
        assertThat(gateAfter.out()).contains("PASS  noSecrets");

        // the grown side fails --fail-if-larger; the shrunk side passes it
        Cli grew = Cli.run(Map.of(), "diff", "--fail-if-larger", "0", pair.after().archive().toString(),
                pair.before().archive().toString());
        assertThat(grew.code()).isEqualTo(1);
        assertThat(grew.err()).startsWith("layerlens: AFTER is ").contains("(+39 bytes)");
        assertThat(Cli.run(Map.of(), "diff", "--fail-if-larger", "0", pair.before().archive().toString(),
                pair.after().archive().toString()).code()).isZero();
    }

    @Test
    void aptInThreeLayersVersusOne(ItContext it) throws IOException {
        Pair pair = pair(it, "apt-split-vs-single", "debian");
        JsonNode diff = pair.diff();
        int base = it.docker.layerCount(BaseImages.DEBIAN);
        int update = base;
        int install = base + 1;
        int rm = base + 2;
        LayerReplay split = pair.before().replay();
        LayerReplay single = pair.after().replay();
        SoftAssertions soft = new SoftAssertions();
        checkAgainstReplayAndExport(soft, pair);
        soft.assertThat(diff.at("/before/layerCount").asInt()).isEqualTo(base + 3);
        soft.assertThat(diff.at("/after/layerCount").asInt()).isEqualTo(base + 1);
        soft.assertThat(diff.at("/sharedLayers/count").asInt()).as("the Debian base").isEqualTo(base);
        soft.assertThat(diff.at("/sharedLayers/commonBaseLayers").asInt()).isEqualTo(base);
        soft.assertThat(diff.at("/sharedLayers/bytes").asLong()).isEqualTo(sizeOfLayers(single, 0, base));
        soft.assertThat(statuses(diff)).containsExactlyElementsOf(expectedStatuses(base, "changed", "removed", "removed"));

        // The same packages are installed: no file added or removed; only apt's caches and logs differ (timestamps).
        soft.assertThat(diff.at("/files/addedCount").asInt()).isZero();
        soft.assertThat(diff.at("/files/removedCount").asInt()).isZero();
        for (JsonNode c : diff.at("/files/changed")) {
            soft.assertThat(c.get("path").asText()).as("changed").matches("/var/(cache/apt|log)/.*");
        }

        // What the split build ships on top is what its update layer hid: the package lists (deleted by
        // the rm layer) and its copy of apt's cache (rewritten by the install layer). The single RUN hides
        // nothing of its own; below, both rewrite the same base files.
        long lists = 0;
        long cache = 0;
        for (LayerReplay.Waste w : split.reclaimable().values()) {
            if (!w.layers().contains(update)) {
                continue;
            }
            soft.assertThat(w.layers()).as("%s shipped by the update layer only", w.path()).containsExactly(update);
            if (w.path().startsWith("/var/lib/apt/lists/")) {
                lists += w.bytes();
                soft.assertThat(w.hiddenBy()).as("%s hidden by the rm layer", w.path()).isEqualTo(rm);
            } else {
                cache += w.bytes();
                soft.assertThat(w.path()).startsWith("/var/cache/apt/");
                soft.assertThat(w.hiddenBy()).as("%s hidden by the install layer", w.path()).isEqualTo(install);
            }
        }
        long hiddenByUpdate = split.layers().get(update).reclaimableBytes();
        soft.assertThat(lists).as("package lists").isGreaterThan(1_000_000);
        soft.assertThat(cache).as("apt's cache, written again by the install").isPositive();
        soft.assertThat(lists + cache).isEqualTo(hiddenByUpdate);
        soft.assertThat(reclaimableUnder(split, "/var/lib/apt/lists/")).isEqualTo(lists);
        soft.assertThat(reclaimableUnder(single, "/var/lib/apt/lists/")).isZero();
        soft.assertThat(split.layers().get(install).reclaimableBytes()).isZero();
        soft.assertThat(split.layers().get(rm).reclaimableBytes()).isZero();
        soft.assertThat(single.layers().get(base).reclaimableBytes()).isZero();
        soft.assertThat(reclaimableOfLayers(split, 0, base)).as("base files rewritten")
                .isEqualTo(reclaimableOfLayers(single, 0, base));
        soft.assertThat(diff.at("/metrics/reclaimableBytes/delta").asLong()).isEqualTo(-hiddenByUpdate);
        soft.assertThat(diff.get("sizeDeltaBytes").asLong()).as("size delta = hidden bytes dropped + file bytes changed")
                .isEqualTo(-hiddenByUpdate + diff.at("/files/netBytes").asLong());
        soft.assertThat(diff.at("/metrics/removableBytes/delta").asLong()).as("the same files are visible").isZero();
        checkDiveAgainstReports(soft, pair);
        for (Side side : List.of(pair.before(), pair.after())) {
            soft.assertThat(side.export().items.keySet()).as("no package list left in %s", side.tag())
                    .noneMatch(p -> p.startsWith("/var/lib/apt/lists/") && !p.equals("/var/lib/apt/lists/lock"));
        }
        soft.assertAll();
    }

    /**
     * The issue's own pair: the readiness scenarios' naive Node image against its production build
     * (testdata/readiness-scenarios/node-naive and node-production), the very images
     * ReadinessScenarioIT builds, so a full run builds them once.
     */
    @Test
    void naiveNodeImageVersusItsProductionBuild(ItContext it) throws IOException {
        long start = System.nanoTime();
        ReadinessImages.Built naive = it.readiness().build("node-naive", BUILDER);
        ReadinessImages.Built production = it.readiness().build("node-production", BUILDER);
        long built = System.nanoTime();
        Pair pair = compare(side(it, naive.tag(), naive.archive()), side(it, production.tag(), production.archive()));
        JsonNode diff = pair.diff();
        LayerReplay was = pair.before().replay();
        SoftAssertions soft = new SoftAssertions();
        checkAgainstReplayAndExport(soft, pair);
        // naive: the node base + WORKDIR, COPY . ., RUN npm install; production: Debian + the nodejs RUN,
        // WORKDIR, COPY node_modules, COPY the sources. Only Debian is common: the node base's apt layer has npm.
        soft.assertThat(diff.at("/before/layerCount").asInt()).isEqualTo(naive.baseLayers() + 3);
        soft.assertThat(diff.at("/after/layerCount").asInt()).isEqualTo(production.baseLayers() + 4);
        soft.assertThat(diff.at("/sharedLayers/commonBaseLayers").asInt()).isEqualTo(production.baseLayers());
        soft.assertThat(diff.get("sizeDeltaBytes").asLong()).as("production is smaller").isNegative();

        // removable bytes: docs/rules.md replayed on both images
        long removableBefore = removable(ReadinessRules.of(naive));
        long removableAfter = removable(ReadinessRules.of(production));
        soft.assertThat(diff.at("/metrics/removableBytes/before").asLong()).as("removable before (replay)").isEqualTo(removableBefore);
        soft.assertThat(diff.at("/metrics/removableBytes/after").asLong()).as("removable after (replay)").isEqualTo(removableAfter);
        soft.assertThat(diff.at("/metrics/removableBytes/delta").asLong()).isEqualTo(removableAfter - removableBefore);
        checkDiveAgainstReports(soft, pair);

        // fixed: the naive scenario's findings the production one has not (both expected.json), none introduced
        Set<String> naiveIds = expectedIds(naive);
        Set<String> productionIds = expectedIds(production);
        soft.assertThat(readinessIds(diff.at("/findings/fixed"))).as("fixed").isEqualTo(minus(naiveIds, productionIds))
                .contains("cache/copy-before-dependency-install", "config/runs-as-root", "config/no-healthcheck",
                        "removable/dev-dependencies", "removable/npm-cache", "removable/vcs-directory");
        soft.assertThat(readinessIds(diff.at("/findings/introduced"))).as("introduced").isEqualTo(minus(productionIds, naiveIds))
                .isEmpty();
        // neither image holds a secret: Debian's nodejs and npm packages must not look like one
        soft.assertThat(diff.at("/findings/fixed").findValuesAsText("id")).as("no secret fixed")
                .noneMatch(id -> id.startsWith("secret/"));
        soft.assertThat(diff.at("/findings/introduced")).as("nothing introduced").isEmpty();
        for (JsonNode at : naive.scenario().expected().path("at")) {
            soft.assertThat(find(diff.at("/findings/fixed"), at.get("id").asText(), at.get("path").asText()))
                    .as("fixed %s at %s", at.get("id").asText(), at.get("path").asText())
                    .anyMatch(f -> f.get("layerIndex").asInt() == naive.baseLayers() + at.get("layer").asInt());
        }
        soft.assertThat(fixedBytes(diff, "removable/npm-cache", "/root/.npm")).as("npm's cache (replay)")
                .isEqualTo(was.visibleBytesUnder("root/.npm"));
        soft.assertThat(fixedBytes(diff, "removable/vcs-directory", "/app/.git")).as("the .git directory (replay)")
                .isEqualTo(was.visibleBytesUnder("app/.git"));

        // files: the build context's history, the lockfile, npm's cache and the dev dependencies go; the
        // service, its manifest and its one dependency stay as they were; the passwd file gains the app user
        List<String> removed = paths(diff.at("/files/removed"));
        soft.assertThat(removed).contains("/app/.git/HEAD", "/app/package-lock.json",
                "/app/node_modules/typescript/package.json");
        soft.assertThat(removed).anyMatch(p -> p.startsWith("/root/.npm/"));
        List<String> touched = new ArrayList<>(removed);
        touched.addAll(paths(diff.at("/files/added")));
        touched.addAll(paths(diff.at("/files/changed")));
        soft.assertThat(touched).doesNotContain("/app/server.js", "/app/package.json", "/app/node_modules/ms/index.js");
        soft.assertThat(paths(diff.at("/files/changed"))).contains("/etc/passwd");
        soft.assertAll();
        System.out.printf("[it] node pair: images ready in %d ms, compared in %d ms%n", (built - start) / 1_000_000,
                (System.nanoTime() - built) / 1_000_000);
    }

    /** What any pair's diff must agree with: the replayed layers, the two exports, the two reports. */
    private static void checkAgainstReplayAndExport(SoftAssertions soft, Pair pair) {
        JsonNode diff = pair.diff();
        long before = sizeOfLayers(pair.before().replay(), 0, pair.before().replay().layers().size());
        long after = sizeOfLayers(pair.after().replay(), 0, pair.after().replay().layers().size());
        soft.assertThat(diff.at("/before/sizeBytes").asLong()).as("before size (replay)").isEqualTo(before);
        soft.assertThat(diff.at("/after/sizeBytes").asLong()).as("after size (replay)").isEqualTo(after);
        soft.assertThat(diff.get("sizeDeltaBytes").asLong()).as("sizeDeltaBytes").isEqualTo(after - before);
        soft.assertThat(diff.get("sizeDeltaPercent").asDouble()).isEqualTo((after - before) * 100.0 / before);
        soft.assertThat(diff.at("/sharedLayers/count").asInt()).as("shared diffIDs (replay)")
                .isEqualTo(sharedDiffIds(pair.before().replay(), pair.after().replay()));
        soft.assertThat(diff.at("/metrics/reclaimableBytes/before").asLong()).isEqualTo(pair.before().replay().reclaimableBytes());
        soft.assertThat(diff.at("/metrics/reclaimableBytes/after").asLong()).isEqualTo(pair.after().replay().reclaimableBytes());
        soft.assertThat(diff.at("/metrics/reclaimableBytes/delta").asLong())
                .isEqualTo(pair.after().replay().reclaimableBytes() - pair.before().replay().reclaimableBytes());

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

    /** dive's figures in the diff are each image's own report's. */
    private static void checkDiveAgainstReports(SoftAssertions soft, Pair pair) {
        for (String figure : List.of("efficiency", "wastedBytes", "userWastedPercent")) {
            JsonNode before = pair.before().report().at("/metrics/dive/" + figure);
            JsonNode after = pair.after().report().at("/metrics/dive/" + figure);
            soft.assertThat(pair.diff().at("/metrics/" + figure + "/before").asDouble()).as(figure + " before").isEqualTo(before.asDouble());
            soft.assertThat(pair.diff().at("/metrics/" + figure + "/after").asDouble()).as(figure + " after").isEqualTo(after.asDouble());
            soft.assertThat(pair.diff().at("/metrics/" + figure + "/delta").asDouble()).as(figure + " delta")
                    .isCloseTo(after.asDouble() - before.asDouble(), org.assertj.core.data.Offset.offset(1e-12));
        }
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

    private static long sizeOfLayers(LayerReplay replay, int from, int to) {
        return replay.layers().subList(from, to).stream().mapToLong(LayerReplay.LayerFacts::sizeBytes).sum();
    }

    private static long reclaimableOfLayers(LayerReplay replay, int from, int to) {
        return replay.layers().subList(from, to).stream().mapToLong(LayerReplay.LayerFacts::reclaimableBytes).sum();
    }

    private static long removable(ReadinessRules rules) {
        return rules.removable.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Set<String> expectedIds(ReadinessImages.Built built) {
        Set<String> ids = new TreeSet<>();
        built.scenario().expected().get("findings").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    /** The ids of the families the readiness scenarios' expected.json list. */
    private static Set<String> readinessIds(JsonNode findings) {
        Set<String> ids = new TreeSet<>();
        findings.forEach(f -> ids.add(f.get("id").asText()));
        ids.removeIf(id -> ReadinessScenarioIT.FAMILIES.stream().noneMatch(id::startsWith));
        return ids;
    }

    private static List<JsonNode> find(JsonNode findings, String id, String path) {
        List<JsonNode> found = new ArrayList<>();
        findings.forEach(f -> {
            if (f.get("id").asText().equals(id) && path.equals(f.get("path").asText(null))) {
                found.add(f);
            }
        });
        return found;
    }

    private static long fixedBytes(JsonNode diff, String id, String path) {
        return find(diff.at("/findings/fixed"), id, path).stream().mapToLong(f -> f.get("bytes").asLong()).sum();
    }

    private static List<String> paths(JsonNode changes) {
        List<String> paths = new ArrayList<>();
        changes.forEach(c -> paths.add(c.get("path").asText()));
        return paths;
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
}
