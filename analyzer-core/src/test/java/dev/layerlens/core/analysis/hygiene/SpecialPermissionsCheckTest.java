package dev.layerlens.core.analysis.hygiene;

import static dev.layerlens.testdata.Entry.dir;
import static dev.layerlens.testdata.Entry.file;
import static dev.layerlens.testdata.Entry.symlink;
import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.testimage.TestImage;
import dev.layerlens.testdata.Entry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecialPermissionsCheckTest {

    @Test
    void setuidAndSetgidFilesOfTheFinalFilesystem() {
        var result = TestImage.builder()
                .layer("/bin/sh -c #(nop) COPY dir:x in /app ", file("app/suid", 10).withMode(04755),
                        file("app/sgid", 10).withMode(02755), file("app/once", 10).withMode(04755), dir("var/mail").withMode(02775))
                .layer("/bin/sh -c chmod u-s /app/once", file("app/once", 10).withMode(0755))
                .build().analyze(new SpecialPermissionsCheck());
        List<Finding> setuid = result.withId(SpecialPermissionsCheck.SETUID_ID);
        assertThat(setuid).extracting(Finding::path).containsExactly("/app/sgid", "/app/suid");
        assertThat(setuid.get(0).evidence()).startsWith("setgid (mode 2755)");
        assertThat(setuid.get(1).evidence()).startsWith("setuid (mode 4755), owner 0:0");
    }

    @Test
    void worldWritableFilesAndDirectoriesWithoutStickyBit() {
        var result = TestImage.builder()
                .layer("/bin/sh -c chmod -R 777 /srv", dir("srv").withMode(0777), file("srv/data.db", 10).withMode(0666),
                        dir("tmp").withMode(01777), file("srv/ok", 10).withMode(0664), symlink("srv/link", "data.db"))
                .build().analyze(new SpecialPermissionsCheck());
        assertThat(result.withId(SpecialPermissionsCheck.WORLD_WRITABLE_ID)).extracting(Finding::path)
                .containsExactly("/srv", "/srv/data.db");
    }

    @Test
    void manyPathsEndInOneCountingFinding() {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < SpecialPermissionsCheck.MAX_PER_RULE + 7; i++) {
            entries.add(file(String.format("data/f%03d", i), 1).withMode(0666));
        }
        var result = TestImage.builder().layer("/bin/sh -c chmod -R a+w /data", entries.toArray(Entry[]::new))
                .build().analyze(new SpecialPermissionsCheck());
        List<Finding> found = result.withId(SpecialPermissionsCheck.WORLD_WRITABLE_ID);
        assertThat(found).hasSize(SpecialPermissionsCheck.MAX_PER_RULE + 1);
        assertThat(found.get(found.size() - 1).title()).isEqualTo("7 more world-writable paths");
        assertThat(found.get(found.size() - 1).evidence()).isEqualTo("first of them: /data/f025");
    }
}
