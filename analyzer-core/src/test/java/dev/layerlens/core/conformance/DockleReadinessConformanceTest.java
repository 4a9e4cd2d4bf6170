package dev.layerlens.core.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.layerlens.core.ImageAnalyzer;
import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.ImageCheck;
import dev.layerlens.core.analysis.grade.ReadinessChecks;
import dev.layerlens.core.layer.ScanOptions;
import dev.layerlens.core.source.SourceOptions;
import dev.layerlens.core.source.SourceResolver;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The readiness checks on dockle's archives ({@code testdata-peers/dockle/SOURCE.md}), beside what
 * dockle asserts or its code derives: CIS-DI-0001 (root), CIS-DI-0006 (healthcheck), CIS-DI-0008
 * (setuid/setgid, final mode only).
 */
class DockleReadinessConformanceTest {
    private Path dir;

    @BeforeEach
    void locate() {
        dir = PeerArchives.peer("dockle");
    }

    private List<Finding> findings(String name) throws Exception {
        ImageAnalyzer analyzer = new ImageAnalyzer(new SourceResolver(InputStream.nullInputStream()),
                new ScanOptions(true, true, 2), ReadinessChecks::create);
        return analyzer.analyze(PeerArchives.file(dir, name).toString(), SourceOptions.DEFAULT,
                ImageAnalyzer.ProgressFactory.NONE).report().findings();
    }

    @Test
    @DisplayName("scratch.tar: USER scratch is not root (no CIS-DI-0001), no HEALTHCHECK (CIS-DI-0006)")
    void scratch() throws Exception {
        List<Finding> findings = findings("scratch.tar");
        assertThat(findings).extracting(Finding::id)
                .contains("config/no-healthcheck", "config/latest-tag", "config/missing-oci-labels")
                .doesNotContain("config/runs-as-root", "fs/setuid-setgid");
    }

    @Test
    @DisplayName("symbolic.tar: root, no HEALTHCHECK, setuid app/suid.txt and setgid app/gid.txt, not app/once-suid.txt")
    void symbolic() throws Exception {
        List<Finding> findings = findings("symbolic.tar");
        assertThat(findings).extracting(Finding::id).contains("config/runs-as-root", "config/no-healthcheck");
        assertThat(findings.stream().filter(f -> f.id().equals("fs/setuid-setgid")).toList())
                .extracting(Finding::path, Finding::layerIndex)
                .containsExactly(tuple("/app/gid.txt", 5), tuple("/app/suid.txt", 3));
        // layer 8 (chmod u-s) re-ships once-suid.txt with the bytes layer 6 shipped: 0 bytes, under the threshold
        assertThat(findings).extracting(Finding::id).doesNotContain("waste/layer-duplication");
    }

    @Test
    void everyCheckIsAFreshInstance() {
        List<ImageCheck> first = ReadinessChecks.create();
        List<ImageCheck> second = ReadinessChecks.create();
        for (int i = 0; i < first.size(); i++) {
            assertThat(first.get(i)).isNotSameAs(second.get(i));
        }
    }
}
