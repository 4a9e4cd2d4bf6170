package dev.layerlens.core.analysis.dockerfile;

import static dev.layerlens.testdata.Entry.file;
import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlens.core.analysis.testimage.TestImage;
import org.junit.jupiter.api.Test;

/** Where the base image ends, told from history alone, and which instruction made which layer. */
class BuildHistoryTest {

    private static BuildHistory history(TestImage.Builder builder) {
        return BuildHistory.of(builder.build().analyze().image());
    }

    @Test
    void importedBaseEndsAtTheRecorderChange() {
        BuildHistory h = history(TestImage.builder()
                .recorded("2024-01-01T10:00:00Z", "Imported from -").layer("", file("etc/os-release", "x"))
                .recorded("2024-01-01T10:00:05Z", null).layer("/bin/sh -c apt-get update", file("a", "1"))
                .emptyStep("/bin/sh -c #(nop)  CMD [\"x\"]"));
        assertThat(h.baseLayerCount()).isEqualTo(1);
        assertThat(h.firstOwnHistoryIndex()).isEqualTo(1);
        assertThat(h.forLayer(1).orElseThrow().arguments()).isEqualTo("apt-get update");
    }

    @Test
    void buildKitStepsOnALegacyBase() {
        BuildHistory h = history(TestImage.builder()
                .recorded("2024-01-01T10:00:00Z", null)
                .layer("/bin/sh -c #(nop) COPY file:ab in /bin/busybox ", file("bin/busybox", 10))
                .layer("/bin/busybox --install -s /bin")
                .recorded("2024-01-01T10:00:30Z", "buildkit.dockerfile.v0")
                .layer("WORKDIR /app")
                .layer("COPY . . # buildkit", file("app/a.js", "x")));
        assertThat(h.baseLayerCount()).isEqualTo(2);
        assertThat(h.own()).extracting(Instruction::keyword).containsExactly("WORKDIR", "COPY");
    }

    @Test
    void aBaseEndingWithCmdEndsBeforeTheNextLayer() {
        BuildHistory h = history(TestImage.builder()
                .recorded("2024-01-01T10:00:00Z", null)
                .layer("/bin/sh -c #(nop) ADD file:ce in / ", file("etc/os-release", "x"))
                .emptyStep("/bin/sh -c #(nop)  CMD [\"bash\"]")
                .layer("/bin/sh -c apt-get update", file("a", "1"))
                .emptyStep("/bin/sh -c #(nop)  CMD [\"node\"]"));
        assertThat(h.baseLayerCount()).isEqualTo(1);
        assertThat(h.isBase(h.instructions().get(1))).isTrue();
        assertThat(h.isBase(h.instructions().get(3))).isFalse();
    }

    @Test
    void aLongPauseEndsTheBase() {
        BuildHistory h = history(TestImage.builder()
                .recorded("2023-06-01T10:00:00Z", null).layer("/bin/sh -c #(nop) ADD file:ce in / ", file("x", "x"))
                .recorded("2024-01-01T10:00:00Z", null).layer("/bin/sh -c make", file("y", "y")));
        assertThat(h.baseLayerCount()).isEqualTo(1);
    }

    @Test
    void timeRunningBackwardsEndsTheBase() {
        BuildHistory h = history(TestImage.builder()
                .recorded("2024-01-01T10:00:10Z", null).layer("/bin/sh -c a", file("x", "x"))
                .recorded("2024-01-01T10:00:00Z", null).layer("/bin/sh -c b", file("y", "y")));
        assertThat(h.baseLayerCount()).isEqualTo(1);
    }

    @Test
    void oneUnbrokenBuildIsAllOwn() {
        BuildHistory h = history(TestImage.builder()
                .recorded("2024-01-01T10:00:00Z", null).layer("/bin/sh -c #(nop) COPY file:ab in /app ", file("x", "x"))
                .recorded("2024-01-01T10:20:00Z", null).layer("/bin/sh -c make", file("y", "y")));
        assertThat(h.baseLayerCount()).isZero();
        assertThat(h.own()).hasSize(2);
    }
}
