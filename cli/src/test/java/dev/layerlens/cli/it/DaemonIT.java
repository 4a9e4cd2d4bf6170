package dev.layerlens.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerlens.cli.ExitCodes;
import dev.layerlens.core.layer.LayerScanner;
import dev.layerlens.core.layer.ScanOptions;
import dev.layerlens.core.layer.ScanProgress;
import dev.layerlens.core.source.ImageSource;
import dev.layerlens.core.source.SourceOptions;
import dev.layerlens.core.source.SourceResolver;
import dev.layerlens.core.source.daemon.DaemonImageSource;
import dev.layerlens.core.source.daemon.SaveStatistics;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Images built for real by the engine, read three ways: from the daemon (its save streamed through
 * the scanner), from {@code docker save}, and from a registry after {@code docker push}. The reports
 * must agree on everything the image decides; they differ only where the source decides.
 */
@ExtendWith(ItEnvironment.class)
class DaemonIT {
    private static final String SCENARIO = "dir-replaced";
    private static RegistryServer registry;

    /** Where a daemon's report may differ from the saved archive's: what it came from, and how long it took. */
    private static final Set<String> DAEMON_VS_ARCHIVE = Set.of("/image/source", "/timings/openMillis",
            "/timings/scanMillis", "/timings/analyzeMillis");

    private static synchronized RegistryServer registry(ItContext it) {
        if (registry == null) {
            registry = RegistryServer.start(it.workDir, "daemon-it", new RegistryServer.Auth.None());
        }
        return registry;
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    @ParameterizedTest(name = "built with {0}")
    @EnumSource(Docker.Builder.class)
    void theDaemonTheSavedArchiveAndTheRegistryGiveOneReport(Docker.Builder builder, ItContext it) throws Exception {
        ItContext.BuiltScenario built = it.scenario(SCENARIO, builder);
        JsonNode daemon = Reports.analyze("docker-daemon:" + built.tag());
        JsonNode archive = Reports.analyze(built.archive().toString());
        String pushed = registry(it).host() + "/daemon-it/" + SCENARIO + ":" + builder.tagSuffix();
        it.docker.run(Duration.ofMinutes(1), "tag", built.tag(), pushed);
        it.docker.run(Duration.ofMinutes(5), "push", pushed);
        JsonNode fromRegistry = Reports.analyze("docker://" + pushed);

        assertThat(differences(daemon, archive)).as("daemon against docker save").isSubsetOf(DAEMON_VS_ARCHIVE)
                .contains("/image/source");
        assertThat(daemon.at("/image/reference")).as("both name the image by its tag").isEqualTo(archive.at("/image/reference"));

        // a registry keeps the layers gzip-compressed (docker push compressed them): their blob digests
        // and compressed sizes are the registry's own; everything the image decides is the same
        List<String> registryOnly = new ArrayList<>(List.of("/image/reference", "/image/source", "/image/compressedSizeBytes",
                "/timings/openMillis", "/timings/scanMillis", "/timings/analyzeMillis"));
        for (int i = 0; i < archive.get("layers").size(); i++) {
            registryOnly.addAll(List.of("/layers/" + i + "/digest", "/layers/" + i + "/compressedSizeBytes",
                    "/layers/" + i + "/compression"));
        }
        assertThat(differences(fromRegistry, archive)).as("registry against docker save").isSubsetOf(registryOnly);
        assertThat(fromRegistry.at("/image/digest")).as("the same image ID everywhere").isEqualTo(archive.at("/image/digest"))
                .isEqualTo(daemon.at("/image/digest"));
        for (JsonNode layer : fromRegistry.get("layers")) {
            assertThat(layer.get("compression").asText()).isEqualTo("gzip");
            assertThat(layer.get("digest")).isNotEqualTo(layer.get("diffId"));
        }
        for (JsonNode layer : daemon.get("layers")) {
            assertThat(layer.get("compression").asText()).isEqualTo("none");
            assertThat(layer.get("digest")).as("an uncompressed blob is its diffID").isEqualTo(layer.get("diffId"));
        }
    }

    @Test
    void everyLayerOfADockerSaveStreamsStraightToTheScanner(ItContext it) throws Exception {
        ItContext.BuiltScenario built = it.scenario(SCENARIO, Docker.Builder.LEGACY);
        int layers = it.docker.layerCount(built.tag());
        try (ImageSource source = new SourceResolver(InputStream.nullInputStream(), Map.of())
                .open("docker-daemon:" + built.tag(), SourceOptions.DEFAULT)) {
            assertThat(source).isInstanceOf(DaemonImageSource.class);
            new LayerScanner(ScanOptions.defaults(), List.of(), ScanProgress.NONE).scanAll(source);
            SaveStatistics stats = ((DaemonImageSource) source).saveStatistics().orElseThrow();
            System.out.println("[it] Docker " + it.docker.serverVersion() + " save of " + built.tag() + ": " + stats);
            assertThat(stats).as("Docker " + it.docker.serverVersion() + ": no layer kept aside")
                    .isEqualTo(new SaveStatistics(layers, 0));
        }
    }

    @Test
    void aMissingImageIsOneLineNamingImageAndDaemon(ItContext it) {
        Cli run = Cli.run(Map.of(), "analyze", "docker-daemon:layerlens-it/never-built:nope");
        assertThat(run.code()).isEqualTo(ExitCodes.IMAGE_UNREADABLE);
        assertThat(run.err()).isEqualTo("layerlens: cannot read docker-daemon:layerlens-it/never-built:nope: no image"
                + " layerlens-it/never-built:nope in the Docker daemon at unix:///var/run/docker.sock (layerlens pulls only"
                + " with --pull)\n");
    }

    @Test
    void theDaemonPullsOnlyWhenAsked(ItContext it) {
        ItContext.BuiltScenario built = it.scenario(SCENARIO, Docker.Builder.LEGACY);
        String remote = registry(it).host() + "/daemon-it/pull-me:1";
        it.docker.run(Duration.ofMinutes(1), "tag", built.tag(), remote);
        it.docker.run(Duration.ofMinutes(5), "push", remote);
        it.docker.run(Duration.ofMinutes(1), "rmi", remote);

        Cli without = Cli.run(Map.of(), "analyze", "docker-daemon:" + remote);
        assertThat(without.code()).isEqualTo(ExitCodes.IMAGE_UNREADABLE);
        assertThat(without.err()).contains("no image " + remote + " in the Docker daemon", "pulls only with --pull");
        assertThat(it.docker.label(remote, BaseImages.RECIPE_LABEL)).as("still not pulled").isNull();

        Cli with = Cli.run(Map.of(), "analyze", "-f", "json", "--pull", "docker-daemon:" + remote);
        assertThat(with.code()).as("%s", with).isZero();
        assertThat(with.json().at("/image/source").asText()).isEqualTo("docker-daemon");
        assertThat(it.docker.imageId(remote)).isEqualTo(it.docker.imageId(built.tag()));
    }

    @Test
    void aBareNameIsTheDaemonsImageWhenItHasOne(ItContext it) {
        ItContext.BuiltScenario built = it.scenario(SCENARIO, Docker.Builder.BUILDKIT);
        assertThat(Reports.analyze(built.tag()).at("/image/source").asText()).isEqualTo("docker-daemon");
    }

    @Test
    void layersFromTheDaemonNeedNoSave(ItContext it) {
        ItContext.BuiltScenario built = it.scenario(SCENARIO, Docker.Builder.BUILDKIT);
        Cli daemon = Cli.run(Map.of(), "layers", "-f", "json", "docker-daemon:" + built.tag());
        Cli archive = Cli.run(Map.of(), "layers", "-f", "json", built.archive().toString());
        assertThat(daemon.code()).as("%s", daemon).isZero();
        JsonNode d = daemon.json();
        JsonNode a = archive.json();
        assertThat(d.get("digest")).isEqualTo(a.get("digest"));
        assertThat(d.get("layers").findValuesAsText("diffId")).isEqualTo(a.get("layers").findValuesAsText("diffId"));
        assertThat(d.get("layers").findValuesAsText("command")).as("commands from the history API, paired with layers")
                .isEqualTo(a.get("layers").findValuesAsText("command"));
    }

    private static Set<String> differences(JsonNode a, JsonNode b) {
        return new TreeSet<>(RegistryImages.differences(a, b));
    }
}
