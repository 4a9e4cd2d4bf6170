package dev.layerlens.core.analysis.removable;

import static dev.layerlens.testdata.Entry.dir;
import static dev.layerlens.testdata.Entry.file;
import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlens.core.analysis.Severity;
import dev.layerlens.core.analysis.testimage.TestImage;
import dev.layerlens.testdata.Entry;
import org.junit.jupiter.api.Test;

class LayerDuplicationCheckTest {

    @Test
    void chownReshipsUnchangedFiles() {
        var result = TestImage.builder()
                .layer("COPY . /srv # buildkit", file("srv/data/one.bin", 400_000), file("srv/data/sub/two.bin", 250_000),
                        file("srv/readme", "hello"))
                .layer("RUN /bin/sh -c chown -R 1000:1000 /srv/data # buildkit", dir("srv/data").withOwner(1000, 1000),
                        file("srv/data/one.bin", 400_000).withOwner(1000, 1000), file("srv/data/sub/two.bin", 250_000).withOwner(1000, 1000))
                .build().analyze(new LayerDuplicationCheck());
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo(LayerDuplicationCheck.ID);
            assertThat(f.layerIndex()).isEqualTo(1);
            assertThat(f.path()).isEqualTo("/srv/data");
            assertThat(f.bytes()).isEqualTo(650_000L);
            assertThat(f.severity()).isEqualTo(Severity.LOW);
            assertThat(f.evidence()).isEqualTo("2 files (650 kB) under /srv/data shipped again with identical content by "
                    + "layer 1 (RUN chown -R 1000:1000 /srv/data); 2 of them only changed owner or mode");
        });
    }

    @Test
    void changedContentIsNotDuplication() {
        var result = TestImage.builder()
                .layer("/bin/sh -c build", file("app/bundle.js", 300_000))
                .layer("/bin/sh -c build again", file("app/bundle.js", 300_001))
                .layer("/bin/sh -c patch", file("app/main.js", "a".repeat(200_000)))
                .layer("/bin/sh -c patch again", file("app/main.js", "b".repeat(200_000)))
                .build().analyze(new LayerDuplicationCheck());
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void aFileOnlyComparesWithTheCopyItHid() {
        // deleted in layer 1, shipped again unchanged in layer 2: nothing was visible to duplicate
        var result = TestImage.builder()
                .layer("/bin/sh -c a", file("opt/x.bin", 500_000))
                .layer("/bin/sh -c rm /opt/x.bin", Entry.whiteout("opt/x.bin"))
                .layer("/bin/sh -c restore", file("opt/x.bin", 500_000))
                .build().analyze(new LayerDuplicationCheck());
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void smallDuplicationIsBelowTheThreshold() {
        var result = TestImage.builder()
                .layer("/bin/sh -c a", file("etc/app.conf", 99_999))
                .layer("/bin/sh -c chmod 600 /etc/app.conf", file("etc/app.conf", 99_999).withMode(0600))
                .build().analyze(new LayerDuplicationCheck());
        assertThat(result.findings()).isEmpty();
    }
}
