package dev.layerlens.core.analysis.cache;

import static dev.layerlens.testdata.Entry.file;
import static dev.layerlens.testdata.Entry.whiteout;
import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlens.core.analysis.testimage.TestImage;
import org.junit.jupiter.api.Test;

class AptUpdateSplitCheckTest {

    @Test
    void updateInItsOwnLayerThenInstall() {
        var result = TestImage.builder()
                .layer("/bin/sh -c apt-get update", file("var/lib/apt/lists/x_Packages", 9_000_000),
                        file("var/lib/apt/lists/x_InRelease", 150_000), file("var/cache/apt/pkgcache.bin", 27_000_000))
                .layer("/bin/sh -c apt-get install -y --no-install-recommends tree", file("usr/bin/tree", 90_000))
                .layer("/bin/sh -c rm -rf /var/lib/apt/lists/*", whiteout("var/lib/apt/lists/x_Packages"),
                        whiteout("var/lib/apt/lists/x_InRelease"))
                .build().analyze(new AptUpdateSplitCheck());
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo(AptUpdateSplitCheck.ID);
            assertThat(f.layerIndex()).isZero();
            assertThat(f.bytes()).isEqualTo(9_150_000L);
            assertThat(f.evidence()).isEqualTo("layer 0 (RUN apt-get update) ships 9.15 MB of package lists; layer 1 "
                    + "(RUN apt-get install -y --no-install-recommends tree) installs from them later");
        });
    }

    @Test
    void oneRunIsFine() {
        var result = TestImage.builder()
                .layer("/bin/sh -c apt-get update && apt-get install -y tree && rm -rf /var/lib/apt/lists/*",
                        file("usr/bin/tree", 90_000))
                .layer("/bin/sh -c apt-get update && apt-get install -y curl", file("var/lib/apt/lists/x", 10))
                .build().analyze(new AptUpdateSplitCheck());
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void anUpdateWithoutListsIsNotConfirmed() {
        var result = TestImage.builder()
                .layer("/bin/sh -c apt-get update || true", file("tmp/x", 1))
                .layer("/bin/sh -c apt-get install -y tree", file("usr/bin/tree", 90_000))
                .build().analyze(new AptUpdateSplitCheck());
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void anUpdateWithNoLaterInstallIsNotThisRule() {
        var result = TestImage.builder()
                .layer("/bin/sh -c apt-get update", file("var/lib/apt/lists/x", 10))
                .build().analyze(new AptUpdateSplitCheck());
        assertThat(result.findings()).isEmpty();
    }
}
