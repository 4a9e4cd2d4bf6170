package dev.layerlens.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The production-readiness scenarios of {@code testdata/readiness-scenarios}, built for real with
 * each builder and saved with {@code docker save}: {@code layerlens analyze -f json} must report
 * exactly the finding ids of {@code expected.json} (readiness families), at the paths and layers it
 * names; exactly the findings (id, path, layer, how many) that the test's own replay of the saved
 * layers derives for the rules it recomputes ({@link ReadinessRules}), and one of every other id;
 * and every byte figure within 1 % of the replay, in both directions; {@code layerlens dockerfile} must annotate every layer and redact build
 * args. Pairs of scenarios are compared: naive Node against its production build, apt in three
 * layers against one RUN.
 */
@ExtendWith(ItEnvironment.class)
class ReadinessScenarioIT {
    /** The finding families the readiness scenarios' expected.json list. */
    static final List<String> FAMILIES = List.of("config/", "fs/", "removable/", "waste/", "cache/", "build/");
    private static final double TOLERANCE = 0.01;
    static Stream<Arguments> scenarios() {
        List<Arguments> cases = new ArrayList<>();
        for (String name : ReadinessImages.names()) {
            for (Docker.Builder builder : Docker.Builder.values()) {
                cases.add(Arguments.of(name, builder));
            }
        }
        return cases.stream();
    }

    /** What one scenario's analysis and replay gave. */
    private record Analysed(ReadinessImages.Built built, JsonNode report, ReadinessRules rules) {
        List<JsonNode> findings() {
            List<JsonNode> out = new ArrayList<>();
            report.get("findings").forEach(f -> {
                if (FAMILIES.stream().anyMatch(family -> f.get("id").asText().startsWith(family))) {
                    out.add(f);
                }
            });
            return out;
        }

        Set<String> ids() {
            Set<String> ids = new TreeSet<>();
            findings().forEach(f -> ids.add(f.get("id").asText()));
            return ids;
        }

        String grade() {
            return report.at("/readiness/grade/letter").asText();
        }
    }

    private static Analysed analyse(ItContext it, String name, Docker.Builder builder) throws IOException {
        ReadinessImages.Built built = it.readiness().build(name, builder);
        return new Analysed(built, Reports.analyze(built.archive().toString()), ReadinessRules.of(built));
    }

    @ParameterizedTest(name = "{0} built with {1}")
    @MethodSource("scenarios")
    void findingsAndBytesMatchTheReplay(String name, Docker.Builder builder, ItContext it) throws IOException {
        Analysed a = analyse(it, name, builder);
        JsonNode expected = a.built().scenario().expected();
        int base = a.built().baseLayers();
        String what = name + " (" + builder + ")";
        SoftAssertions soft = new SoftAssertions();

        Set<String> wantIds = new TreeSet<>();
        expected.get("findings").forEach(id -> wantIds.add(id.asText()));
        soft.assertThat(a.ids()).as("%s: finding ids", what).isEqualTo(wantIds);
        checkInstances(soft, what, a, expected, wantIds);

        for (JsonNode at : expected.path("at")) {
            String id = at.get("id").asText();
            String path = at.path("path").isNull() || at.path("path").isMissingNode() ? null : at.get("path").asText();
            Integer layer = at.has("layer") ? base + at.get("layer").asInt() : null;
            soft.assertThat(a.findings().stream().anyMatch(f -> f.get("id").asText().equals(id)
                            && (path == null || path.equals(f.get("path").asText(null)))
                            && (layer == null || f.get("layerIndex").asInt(-1) == layer)))
                    .as("%s: %s at %s, layer %s (findings: %s)", what, id, path, layer, summary(a.findings())).isTrue();
        }

        checkBytes(soft, what, a, expected, base);

        if (expected.has("cacheExposure")) {
            JsonNode want = expected.get("cacheExposure");
            JsonNode got = a.report().at("/readiness/cacheExposure");
            int from = base + want.get("fromLayer").asInt();
            long now = 0;
            for (int i = from; i < a.report().get("layers").size(); i++) {
                now += a.rules().layerSize(i);
            }
            long cached = 0;
            for (JsonNode install : want.path("cachedByFix")) {
                cached += a.rules().layerSize(base + install.asInt());
            }
            soft.assertThat(got.get("fromLayer").asInt()).as("%s: cache exposure starts at", what).isEqualTo(from);
            soft.assertThat(got.get("nowBytes").asLong()).as("%s: cache exposure now", what).isEqualTo(now);
            soft.assertThat(got.get("afterFixBytes").asLong()).as("%s: cache exposure after the fix", what)
                    .isEqualTo(now - cached);
        }

        long removable = 0;
        for (JsonNode f : a.findings()) {
            if (f.get("id").asText().startsWith("removable/")) {
                removable += f.get("bytes").asLong();
            }
        }
        soft.assertThat(a.report().at("/readiness/removableBytes").asLong()).as("%s: removableBytes = Σ removable findings", what)
                .isEqualTo(removable);

        checkDockerfile(soft, what, a, expected);
        soft.assertAll();
    }

    /**
     * Every finding, not only its id: those the replay derives ({@link ReadinessRules#derives}) as
     * (id, path, layer) with their number, in both directions; of every other expected id exactly one,
     * or as many as expected.json places.
     */
    private static void checkInstances(SoftAssertions soft, String what, Analysed a, JsonNode expected,
                                       Set<String> wantIds) {
        Map<ReadinessRules.Key, Long> derived = new HashMap<>();
        Map<String, Long> others = new TreeMap<>();
        for (JsonNode f : a.findings()) {
            String id = f.get("id").asText();
            if (ReadinessRules.derives(id)) {
                derived.merge(new ReadinessRules.Key(id, f.get("path").asText(null), f.get("layerIndex").asInt(-1)), 1L,
                        Long::sum);
            } else {
                others.merge(id, 1L, Long::sum);
            }
        }
        Map<ReadinessRules.Key, Long> replayed = a.rules().instances();
        soft.assertThat(surplus(replayed, derived)).as("%s: findings the replay derives that the report lacks", what)
                .isEmpty();
        soft.assertThat(surplus(derived, replayed)).as("%s: findings the report has that the replay does not derive", what)
                .isEmpty();
        Map<String, Long> wantOthers = new TreeMap<>();
        for (String id : wantIds) {
            if (!ReadinessRules.derives(id)) {
                long placed = 0;
                for (JsonNode at : expected.path("at")) {
                    placed += at.get("id").asText().equals(id) ? 1 : 0;
                }
                wantOthers.put(id, Math.max(1, placed));
            }
        }
        soft.assertThat(others).as("%s: findings of each id the replay does not derive", what).isEqualTo(wantOthers);
    }

    /** What {@code more} counts beyond {@code less}, key by key. */
    private static Map<ReadinessRules.Key, Long> surplus(Map<ReadinessRules.Key, Long> more,
                                                         Map<ReadinessRules.Key, Long> less) {
        Map<ReadinessRules.Key, Long> out = new HashMap<>();
        more.forEach((k, n) -> {
            long extra = n - less.getOrDefault(k, 0L);
            if (extra > 0) {
                out.put(k, extra);
            }
        });
        return out;
    }

    /** Every byte figure against the replay, within {@link #TOLERANCE}. */
    private static void checkBytes(SoftAssertions soft, String what, Analysed a, JsonNode expected, int base) {
        ReadinessRules rules = a.rules();
        Map<ReadinessRules.Key, Long> removableReported = new HashMap<>();
        Map<String, Long> cleanedReported = new HashMap<>();
        for (JsonNode f : a.findings()) {
            if (f.get("bytes").isNull()) {
                continue;
            }
            String id = f.get("id").asText();
            long bytes = f.get("bytes").asLong();
            String path = f.get("path").asText(null);
            int layer = f.get("layerIndex").asInt(-1);
            String at = what + ": " + id + " at " + path + ", layer " + layer;
            if (id.startsWith("removable/")) {
                removableReported.merge(new ReadinessRules.Key(id, path, layer), bytes, Long::sum);
            } else if (id.equals("waste/cache-cleaned-in-later-layer")) {
                cleanedReported.merge(path + "@" + layer, bytes, Long::sum);
            } else if (id.equals("waste/layer-duplication")) {
                within(soft, at, bytes, rules.duplicated(layer));
            } else if (id.equals("build/apt-update-separate-layer")) {
                within(soft, at, bytes, rules.shippedUnder("var/lib/apt/lists", layer));
            } else if (id.equals("cache/copy-before-dependency-install")) {
                long installs = 0;
                for (JsonNode install : expected.at("/cacheExposure/cachedByFix")) {
                    installs += rules.layerSize(base + install.asInt());
                }
                within(soft, at, bytes, installs);
            } else if (id.equals("build/use-multi-stage")) {
                within(soft, at, bytes, rules.multiStageSaving());
            } else {
                soft.fail("%s: bytes %d, but the test has no replay for this id", at, bytes);
            }
        }
        bothWays(soft, what + ": removable", removableReported, rules.removable);
        Map<String, Long> cleanedReplayed = new HashMap<>();
        rules.cleanedLater.forEach((k, v) -> cleanedReplayed.merge(k.root() + "@" + k.shippedBy(), v, Long::sum));
        bothWays(soft, what + ": cache cleaned later (root@shipping layer)", cleanedReported, cleanedReplayed);
    }

    /** Reported bytes per key against the replay's: the same keys, each within {@link #TOLERANCE}. */
    private static <K> void bothWays(SoftAssertions soft, String what, Map<K, Long> reported, Map<K, Long> replayed) {
        Set<K> keys = new HashSet<>(reported.keySet());
        keys.addAll(replayed.keySet());
        for (K key : keys) {
            Long got = reported.get(key);
            Long want = replayed.get(key);
            soft.assertThat(got).as("%s %s: reported (the replay has %s bytes)", what, key, want).isNotNull();
            soft.assertThat(want).as("%s %s: replayed (the report has %s bytes)", what, key, got).isNotNull();
            if (got != null && want != null) {
                within(soft, what + " " + key, got, want);
            }
        }
    }

    private static void within(SoftAssertions soft, String what, long reported, long replayed) {
        soft.assertThat((double) Math.abs(reported - replayed))
                .as("%s: reported %d bytes, replay %d", what, reported, replayed)
                .isLessThanOrEqualTo(TOLERANCE * replayed);
        soft.assertThat(reported).as("%s: bytes", what).isPositive();
    }

    /** {@code layerlens dockerfile}: every layer annotated, its findings named, build args redacted. */
    private static void checkDockerfile(SoftAssertions soft, String what, Analysed a, JsonNode expected) {
        String text = run("dockerfile", a.built().archive().toString());
        int layers = a.report().get("layers").size();
        for (int i = 0; i < layers; i++) {
            soft.assertThat(text).as("%s: dockerfile annotates layer %d", what, i).contains("# layer " + i + " · ");
        }
        for (JsonNode f : a.findings()) {
            if (!f.get("layerIndex").isNull()) {
                String annotation = text.lines().filter(l -> l.startsWith("# layer " + f.get("layerIndex").asInt() + " · "))
                        .findFirst().orElse("");
                soft.assertThat(annotation).as("%s: layer %d's annotation names %s", what, f.get("layerIndex").asInt(),
                        f.get("id").asText()).contains(f.get("id").asText());
            }
        }
        soft.assertThat(text).as("%s: recorded by", what).contains(a.built().builder() == Docker.Builder.BUILDKIT
                ? "recorded by BuildKit" : "recorded by the legacy builder");
        expected.path("buildArgs").fields().forEachRemaining(arg -> {
            soft.assertThat(text).as("%s: build arg %s redacted", what, arg.getKey())
                    .contains("# build args: " + arg.getKey() + "=***").doesNotContain(arg.getValue().asText());
        });
    }

    @ParameterizedTest(name = "built with {0}")
    @EnumSource(Docker.Builder.class)
    void productionBuildDropsTheNaiveFindingsAndMostBytes(Docker.Builder builder, ItContext it) throws IOException {
        Analysed naive = analyse(it, "node-naive", builder);
        Analysed production = analyse(it, "node-production", builder);
        Set<String> naiveOnly = Set.of("config/runs-as-root", "config/no-healthcheck", "config/missing-oci-labels",
                "cache/copy-before-dependency-install", "removable/dev-dependencies", "removable/npm-cache",
                "removable/vcs-directory");
        assertThat(naive.ids()).containsAll(naiveOnly);
        assertThat(production.ids()).doesNotContainAnyElementsOf(naiveOnly);
        long naiveSize = naive.report().at("/image/sizeBytes").asLong();
        long productionSize = production.report().at("/image/sizeBytes").asLong();
        // no npm, no caches, no dev dependencies, no sources history: about half
        assertThat((double) productionSize).as("production %d bytes, naive %d", productionSize, naiveSize)
                .isLessThan(0.6 * naiveSize);
        assertThat(production.grade()).as("grades").isLessThan(naive.grade());
    }

    @ParameterizedTest(name = "built with {0}")
    @EnumSource(Docker.Builder.class)
    void oneAptRunShipsNoneOfTheThreeLayersWaste(Docker.Builder builder, ItContext it) throws IOException {
        Analysed split = analyse(it, "apt-split", builder);
        Analysed single = analyse(it, "apt-single", builder);
        Set<String> splitOnly = Set.of("build/apt-update-separate-layer", "waste/cache-cleaned-in-later-layer");
        assertThat(split.ids()).containsAll(splitOnly);
        assertThat(single.ids()).doesNotContainAnyElementsOf(splitOnly);
        long splitSize = split.report().at("/image/sizeBytes").asLong();
        long singleSize = single.report().at("/image/sizeBytes").asLong();
        // both end with the same files: everything the three-layer build ships on top is hidden (reclaimable)
        long hidden = split.report().at("/metrics/reclaimableBytes").asLong()
                - single.report().at("/metrics/reclaimableBytes").asLong();
        assertThat((double) Math.abs(splitSize - singleSize - hidden)).as("split %d − single %d vs hidden %d",
                splitSize, singleSize, hidden).isLessThanOrEqualTo(0.01 * hidden);
        long cleanedLater = split.findings().stream()
                .filter(f -> f.get("id").asText().equals("waste/cache-cleaned-in-later-layer"))
                .mapToLong(f -> f.get("bytes").asLong()).sum();
        assertThat(cleanedLater).as("caches cleaned too late are part of the hidden bytes").isPositive()
                .isLessThanOrEqualTo(hidden);
        assertThat(single.grade()).as("grades").isLessThan(split.grade());
    }

    private static String summary(List<JsonNode> findings) {
        List<String> out = new ArrayList<>();
        findings.forEach(f -> out.add(f.get("id").asText() + "@" + f.get("path").asText(null) + "#" + f.get("layerIndex").asText()));
        return String.join(", ", out);
    }

    private static String run(String... args) {
        Cli run = Cli.run(Map.of(), args);
        assertThat(run.code()).as("exit code of %s; stderr: %s", String.join(" ", args), run.err()).isZero();
        return run.out();
    }
}
