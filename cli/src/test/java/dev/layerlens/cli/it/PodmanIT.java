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
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real Podman: an image built by Docker, saved and loaded into Podman, read through Podman's
 * Docker-compatible socket ({@code podman:NAME}) and from {@code podman save}'s own docker-archive
 * layout ({@code <diffID>.tar} layers, {@code <id>/layer.tar} symlinks). Both give the report the
 * {@code docker save} archive gives, but for what the source decides.
 */
@ExtendWith(ItEnvironment.class)
class PodmanIT {
    private static final String SCENARIO = "dir-replaced";
    private static final Set<String> SOURCE_AND_TIMINGS = Set.of("/image/source", "/timings/openMillis",
            "/timings/scanMillis", "/timings/analyzeMillis");
    private static PodmanService podman;
    private static String loaded;

    /** Podman with the scenario image loaded from its {@code docker save}, once for the class. */
    private static synchronized PodmanService podman(ItContext it) {
        if (podman == null) {
            ItContext.BuiltScenario built = it.scenario(SCENARIO, Docker.Builder.BUILDKIT);
            podman = PodmanService.start(it.workDir);
            podman.load(built.archive());
            loaded = built.tag();
        }
        return podman;
    }

    @AfterAll
    static void stop() {
        if (podman != null) {
            podman.close();
        }
    }

    @Test
    void podmansSocketGivesTheReportOfTheSavedArchive(ItContext it) throws Exception {
        PodmanService service = podman(it);
        ItContext.BuiltScenario built = it.scenario(SCENARIO, Docker.Builder.BUILDKIT);
        JsonNode fromPodman = Reports.analyze(service.environment(), "podman:" + loaded);
        JsonNode archive = Reports.analyze(built.archive().toString());

        assertThat(RegistryImages.differences(fromPodman, archive)).as("podman: against docker save").isSubsetOf(SOURCE_AND_TIMINGS);
        assertThat(fromPodman.at("/image/source").asText()).isEqualTo("podman");
        assertThat(fromPodman.at("/image/digest")).as("the same image ID").isEqualTo(archive.at("/image/digest"));

        // Podman names layers by diffID in its save stream: every layer is known as it passes
        try (ImageSource source = new SourceResolver(InputStream.nullInputStream(), service.environment())
                .open("podman:" + loaded, SourceOptions.DEFAULT)) {
            assertThat(source).isInstanceOf(DaemonImageSource.class);
            new LayerScanner(ScanOptions.defaults(), List.of(), ScanProgress.NONE).scanAll(source);
            assertThat(((DaemonImageSource) source).saveStatistics().orElseThrow()).as("no layer kept aside")
                    .isEqualTo(new SaveStatistics(it.docker.layerCount(built.tag()), 0));
        }
    }

    @Test
    void podmanSaveArchivesAreRead(ItContext it) {
        PodmanService service = podman(it);
        ItContext.BuiltScenario built = it.scenario(SCENARIO, Docker.Builder.BUILDKIT);
        Path saved = it.workDir.resolve("podman-save.tar");
        service.save(loaded, saved);

        JsonNode fromPodmanSave = Reports.analyze(saved.toString());
        JsonNode archive = Reports.analyze(built.archive().toString());

        assertThat(RegistryImages.differences(fromPodmanSave, archive)).as("podman save against docker save")
                .isSubsetOf(Set.of("/image/reference", "/timings/openMillis", "/timings/scanMillis", "/timings/analyzeMillis"));
        assertThat(fromPodmanSave.at("/image/source").asText()).isEqualTo("docker-archive");
    }

    @Test
    void aMissingImageIsOneLineNamingPodman(ItContext it) {
        PodmanService service = podman(it);
        Cli run = Cli.run(service.environment(), "analyze", "podman:layerlens-it/never-built:nope");
        assertThat(run.code()).isEqualTo(ExitCodes.IMAGE_UNREADABLE);
        assertThat(run.err()).isEqualTo("layerlens: cannot read podman:layerlens-it/never-built:nope: no image"
                + " layerlens-it/never-built:nope in Podman at unix://" + service.socket() + " (layerlens pulls only"
                + " with --pull)\n");
    }

}
