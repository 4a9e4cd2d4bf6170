package dev.layerlens.core.analysis.hygiene;

import static dev.layerlens.testdata.Entry.file;
import static dev.layerlens.testdata.Entry.symlink;
import static dev.layerlens.testdata.Entry.whiteout;
import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlens.core.analysis.testimage.TestImage;
import org.junit.jupiter.api.Test;

class SudoCheckTest {

    @Test
    void installedSudoIsFoundWhereverItLives() {
        var result = TestImage.builder()
                .layer("/bin/sh -c apt-get install -y sudo", file("usr/bin/sudo", 200_000).withMode(04755),
                        symlink("usr/local/bin/sudo", "/usr/bin/sudo"))
                .build().analyze(new SudoCheck());
        assertThat(result.withId(SudoCheck.INSTALLED_ID)).extracting(f -> f.path())
                .containsExactlyInAnyOrder("/usr/bin/sudo", "/usr/local/bin/sudo");
        assertThat(result.withId(SudoCheck.USED_ID)).isEmpty();
    }

    @Test
    void sudoRemovedLaterIsGone() {
        var result = TestImage.builder()
                .layer("/bin/sh -c apt-get install -y sudo", file("usr/bin/sudo", 10))
                .layer("/bin/sh -c apt-get purge -y sudo", whiteout("usr/bin/sudo"))
                .build().analyze(new SudoCheck());
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void sudoInARunCommand() {
        var result = TestImage.builder()
                .layer("RUN /bin/sh -c sudo apt-get update # buildkit", file("a", "1"))
                .layer("/bin/sh -c make && (sudo make install)", file("b", "1"))
                .layer("/bin/sh -c echo pseudo sudoers", file("c", "1"))
                .build().analyze(new SudoCheck());
        assertThat(result.withId(SudoCheck.USED_ID)).extracting(f -> f.layerIndex()).containsExactly(0, 1);
    }
}
