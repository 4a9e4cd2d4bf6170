package dev.layerlens.core.analysis.hygiene;

import static dev.layerlens.testdata.Entry.file;
import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlens.core.analysis.AnalysisContext;
import dev.layerlens.core.analysis.testimage.TestImage;
import dev.layerlens.core.image.Image;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shell form, EXPOSE 22, kernel-path volumes, OCI labels, the tag. */
class ConfigRulesTest {

    private static TestImage.Builder image() {
        return TestImage.builder().layer("/bin/sh -c make", file("app/server", 10));
    }

    @Test
    void shellFormCmd() {
        var result = image().cmd("/bin/sh", "-c", "node server.js").build().analyze(new CommandFormCheck());
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo(CommandFormCheck.ID);
            assertThat(f.evidence()).isEqualTo("CMD node server.js runs as /bin/sh -c …");
        });
    }

    @Test
    void shellFormEntrypointWinsOverCmd() {
        var result = image().entrypoint("/bin/bash", "-c", "exec app").cmd("--port", "80").build()
                .analyze(new CommandFormCheck());
        assertThat(result.findings()).singleElement().satisfies(f -> assertThat(f.title()).startsWith("ENTRYPOINT"));
    }

    @Test
    void execFormIsFine() {
        assertThat(image().cmd("node", "server.js").build().analyze(new CommandFormCheck()).findings()).isEmpty();
        assertThat(image().entrypoint("/tini", "--").cmd("/bin/sh", "-c", "x").build()
                .analyze(new CommandFormCheck()).findings()).isEmpty();
        assertThat(image().cmd("/bin/sh", "-c").build().analyze(new CommandFormCheck()).findings()).isEmpty();
    }

    @Test
    void sshPort() {
        assertThat(image().expose("22/tcp", "8080/tcp").build().analyze(new ConfigRulesCheck()).ids())
                .containsExactly(ConfigRulesCheck.SSH_ID);
        assertThat(image().expose("2222/tcp", "22/udp").build().analyze(new ConfigRulesCheck()).ids()).isEmpty();
    }

    @Test
    void volumesOnKernelPaths() {
        var result = image().volume("/sys", "/proc/", "/dev/shm", "/data", "/system").build().analyze(new ConfigRulesCheck());
        assertThat(result.withId(ConfigRulesCheck.VOLUME_ID)).extracting(f -> f.path())
                .containsExactlyInAnyOrder("/sys", "/proc", "/dev/shm");
    }

    @Test
    void missingOciLabelsAreNamed() {
        var result = image().label("org.opencontainers.image.revision", null).label("org.opencontainers.image.source", " ")
                .build().analyze(new ConfigRulesCheck());
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo(ConfigRulesCheck.LABELS_ID);
            assertThat(f.evidence()).isEqualTo("no org.opencontainers.image.revision, org.opencontainers.image.source");
        });
    }

    @Test
    void latestOrNoTag() {
        for (String tag : new String[] {"app:latest", "registry.example:5000/team/app:latest"}) {
            assertThat(image().tag(tag).build().analyze(new ImageTagCheck()).findings()).as(tag).singleElement()
                    .satisfies(f -> assertThat(f.evidence()).isEqualTo(tag + " uses the tag latest"));
        }
        // an untagged image in an archive is named by the archive's path
        assertThat(image().tag(null).build().analyze(new ImageTagCheck()).findings()).singleElement()
                .satisfies(f -> assertThat(f.evidence()).endsWith(".tar has no tag"));
        for (String tag : new String[] {"app:1.4", "registry.example:5000/team/app:3f9c2ab"}) {
            assertThat(image().tag(tag).build().analyze(new ImageTagCheck()).ids()).as(tag).isEmpty();
        }
    }

    @Test
    void namesWithoutATagOrWithADigest() {
        assertThat(ImageTagCheck.tagOf("registry.example:5000/team/app")).isNull();
        assertThat(ImageTagCheck.tagOf("app")).isNull();
        assertThat(ImageTagCheck.tagOf("app:")).isNull();
        assertThat(ImageTagCheck.tagOf("registry.example:5000/team/app:1.2")).isEqualTo("1.2");
        var result = image().build().analyze();
        Image pinned = result.image();
        pinned = new Image("app@sha256:0123456789012345678901234567890123456789012345678901234567890123", pinned.source(),
                pinned.manifestDigest(), pinned.configDigest(), pinned.config(), pinned.layers(), pinned.notes());
        assertThat(new ImageTagCheck().findings(new AnalysisContext(pinned, List.of(), result.tree()))).isEmpty();
        Image bare = new Image("registry.example:5000/team/app", pinned.source(), pinned.manifestDigest(),
                pinned.configDigest(), pinned.config(), pinned.layers(), pinned.notes());
        assertThat(new ImageTagCheck().findings(new AnalysisContext(bare, List.of(), result.tree()))).singleElement()
                .satisfies(f -> assertThat(f.evidence()).isEqualTo("registry.example:5000/team/app has no tag"));
    }
}
