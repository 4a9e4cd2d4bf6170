package dev.layerlens.core.analysis.hygiene;

import static dev.layerlens.testdata.Entry.file;
import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.testimage.TestImage;
import dev.layerlens.testdata.Entry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunsAsRootCheckTest {
    private static final String PASSWD = "root:x:0:0:root:/root:/bin/sh\n"
            + "admin:x:0:0:sneaky:/home/admin:/bin/sh\n"
            + "app:x:10001:10001::/home/app:/bin/sh\n";

    private static List<Finding> run(String user, Entry... files) {
        return TestImage.builder().user(user).layer("/bin/sh -c #(nop) ADD file:x in / ", files).build()
                .analyze(new RunsAsRootCheck()).withId(RunsAsRootCheck.ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "root", "0", "0:0", "root:root", "root:1000", "0:1000", "000"})
    void rootSpellings(String user) {
        assertThat(run(user, file("etc/passwd", PASSWD))).singleElement().satisfies(f -> {
            assertThat(f.path()).isNull();
            assertThat(f.evidence()).contains(user.isEmpty() ? "no USER" : "USER " + user);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"app", "10001", "10001:0", "app:root", "nobody-unknown"})
    void unprivilegedUsers(String user) {
        assertThat(run(user, file("etc/passwd", PASSWD))).isEmpty();
    }

    @Test
    void aNameThePasswdFileMapsToUidZero() {
        assertThat(run("admin", file("etc/passwd", PASSWD))).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("/etc/passwd");
            assertThat(f.layerIndex()).isZero();
            assertThat(f.evidence()).contains("gives admin uid 0");
        });
        assertThat(run("admin:app", file("etc/passwd", PASSWD))).hasSize(1);
    }

    @Test
    void onlyTheFinalPasswdCounts() {
        TestImage image = TestImage.builder().user("admin")
                .layer("/bin/sh -c #(nop) ADD file:x in / ", file("etc/passwd", PASSWD))
                .layer("/bin/sh -c usermod -u 2000 admin",
                        file("etc/passwd", PASSWD.replace("admin:x:0:0", "admin:x:2000:2000")))
                .build();
        assertThat(image.analyze(new RunsAsRootCheck()).withId(RunsAsRootCheck.ID)).isEmpty();

        TestImage worse = TestImage.builder().user("svc")
                .layer("/bin/sh -c #(nop) ADD file:x in / ", file("etc/passwd", "svc:x:999:999::/:/bin/sh\n"))
                .layer("/bin/sh -c sed -i s/999/0/ /etc/passwd", file("etc/passwd", "svc:x:0:999::/:/bin/sh\n"))
                .build();
        assertThat(worse.analyze(new RunsAsRootCheck()).withId(RunsAsRootCheck.ID)).singleElement()
                .satisfies(f -> assertThat(f.layerIndex()).isEqualTo(1));
    }

    @Test
    void theFirstLineForANameWins() {
        assertThat(run("dup", file("etc/passwd", "dup:x:0:0::/:/bin/sh\ndup:x:500:500::/:/bin/sh\n"))).hasSize(1);
        assertThat(run("dup", file("etc/passwd", "dup:x:500:500::/:/bin/sh\ndup:x:0:0::/:/bin/sh\n"))).isEmpty();
    }

    @Test
    void withoutAPasswdFileANameIsNotRoot() {
        assertThat(run("admin", file("etc/hostname", "x"))).isEmpty();
    }
}
