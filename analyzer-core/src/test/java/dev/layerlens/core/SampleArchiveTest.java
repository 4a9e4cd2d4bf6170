package dev.layerlens.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.layerlens.core.analysis.DiveMetrics;
import dev.layerlens.core.analysis.ReclaimablePath;
import dev.layerlens.core.fs.HideReason;
import dev.layerlens.core.report.Report;
import dev.layerlens.testdata.SampleImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** testdata/samples/sample.tar is what SampleImage writes, and gives the figures its README explains. */
class SampleArchiveTest {
    /** Tests run in the module directory. */
    static final Path COMMITTED = Path.of("..").resolve(SampleImage.DEFAULT_PATH);

    @TempDir
    Path dir;

    @Test
    void theCommittedArchiveIsWhatTheWriterWrites() throws Exception {
        Path fresh = SampleImage.write(dir.resolve("sample.tar")).path();
        assertThat(Files.readAllBytes(COMMITTED))
                .as("regenerate with: mvn -q -pl testdata compile exec:java -Dexec.mainClass=dev.layerlens.testdata.SampleImage")
                .isEqualTo(Files.readAllBytes(fresh));
    }

    @Test
    void itGivesTheFiguresOfItsReadme() throws Exception {
        Report report = TestImages.report(COMMITTED);

        assertThat(report.image().reference()).isEqualTo("layerlens/sample:1.0");
        assertThat(report.image().digest()).isEqualTo("sha256:c72e3ff95f9336b8b9b2cc75cdea30012cf54a3317aa589ce79ac99cfccec969");
        assertThat(report.image().sizeBytes()).isEqualTo(3850).isEqualTo(SampleImage.spec().declaredBytes());
        assertThat(report.layers()).extracting(Report.LayerReport::sizeBytes).containsExactlyElementsOf(
                SampleImage.spec().layers().stream().map(dev.layerlens.testdata.LayerSpec::declaredBytes).toList());
        assertThat(report.image().visibleBytes()).isEqualTo(1350);
        assertThat(report.layers())
                .extracting(Report.LayerReport::sizeBytes, Report.LayerReport::fileCount, Report.LayerReport::addedCount,
                        Report.LayerReport::modifiedCount, Report.LayerReport::removedCount,
                        Report.LayerReport::removedBytes, Report.LayerReport::reclaimableBytes)
                .containsExactly(
                        tuple(2000L, 4, 4, 0, 0, 0L, 1900L),
                        tuple(600L, 2, 2, 0, 0, 0L, 600L),
                        tuple(250L, 1, 0, 1, 1, 400L, 0L),
                        tuple(0L, 0, 0, 0, 2, 900L, 0L),
                        tuple(1000L, 1, 0, 1, 0, 0L, 0L));
        assertThat(report.metrics().reclaimableBytes()).isEqualTo(2500);
        assertThat(report.reclaimable())
                .extracting(ReclaimablePath::path, ReclaimablePath::bytes, ReclaimablePath::reason,
                        ReclaimablePath::layers, ReclaimablePath::hiddenBy)
                .containsExactly(
                        tuple("/bin/app", 1000L, HideReason.OVERWRITTEN, List.of(0), 4),
                        tuple("/usr/share/doc/README", 600L, HideReason.DIR_REMOVED, List.of(0), 3),
                        tuple("/tmp/build.log", 400L, HideReason.DELETED, List.of(1), 2),
                        tuple("/usr/share/doc/LICENSE", 300L, HideReason.DIR_REMOVED, List.of(0), 3),
                        tuple("/etc/app/config.json", 200L, HideReason.OVERWRITTEN, List.of(1), 2));
        DiveMetrics dive = report.metrics().dive();
        assertThat(dive.efficiency()).isEqualTo(0.6526315789473685).isEqualTo(3100.0 / 4750.0);
        assertThat(dive.wastedBytes()).isEqualTo(2850);
        assertThat(dive.userWastedPercent()).isEqualTo(1.5405405405405406).isEqualTo(2850.0 / 1850.0);
    }
}
