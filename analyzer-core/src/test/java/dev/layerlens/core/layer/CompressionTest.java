package dev.layerlens.core.layer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlens.core.TestImages;
import dev.layerlens.core.report.Report;
import dev.layerlens.core.source.ImageReadException;
import dev.layerlens.core.source.SourceOptions;
import dev.layerlens.testdata.DockerArchive;
import dev.layerlens.testdata.ImageSpec;
import dev.layerlens.testdata.LayerCompression;
import dev.layerlens.testdata.OciLayout;
import dev.layerlens.testdata.Written;
import dev.layerlens.testdata.WrittenLayer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Compression is sniffed from the bytes; every kind gives the same figures and a verified diffID. */
class CompressionTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(LayerCompression.class)
    void everyCompressionGivesTheSameFigures(LayerCompression how) throws ImageReadException {
        Written written = new OciLayout().compression(how).tag("1", TestImages.reference())
                .writeArchive(dir.resolve(how + ".tar"));
        Report report = TestImages.report(written.path());

        assertThat(report.layers()).extracting(Report.LayerReport::sizeBytes).containsExactly(3500L, 4320L, 1000L, 2000L);
        assertThat(report.layers()).extracting(Report.LayerReport::fileCount).containsExactly(7, 3, 1, 1);
        assertThat(report.metrics().reclaimableBytes()).isEqualTo(3820);
        assertThat(report.image().verified()).isTrue();
        assertThat(report.layers()).extracting(Report.LayerReport::diffId)
                .containsExactlyElementsOf(written.image().layers().stream().map(WrittenLayer::diffId).toList());
        String expectedName = how == LayerCompression.NONE ? "none" : how == LayerCompression.ZSTD ? "zstd" : "gzip";
        assertThat(report.layers()).extracting(Report.LayerReport::compression).containsOnly(expectedName);
        if (how == LayerCompression.NONE) {
            assertThat(report.image().compressedSizeBytes()).isNull();
        } else {
            long blobs = written.image().layers().stream().mapToLong(WrittenLayer::blobSize).sum();
            assertThat(report.image().compressedSizeBytes()).isEqualTo(blobs);
        }
    }

    @ParameterizedTest
    @EnumSource(LayerCompression.class)
    void withoutVerificationEveryCompressionGivesTheSameFigures(LayerCompression how) throws ImageReadException {
        Path path = new OciLayout().compression(how).tag("1", TestImages.reference())
                .writeDirectory(dir.resolve(how.name())).path();
        Report report = TestImages.analyze(path.toString(), SourceOptions.DEFAULT, TestImages.NO_VERIFY).report();

        assertThat(report.image().verified()).isFalse();
        assertThat(report.layers()).extracting(Report.LayerReport::sizeBytes).containsExactly(3500L, 4320L, 1000L, 2000L);
        assertThat(report.metrics().reclaimableBytes()).isEqualTo(3820);
    }

    @Test
    void theDiffIdOfAnEstargzLayerCoversTheDataAfterTheTar() throws ImageReadException {
        ImageSpec image = TestImages.reference();
        Written plain = new OciLayout().compression(LayerCompression.GZIP).tag("1", image).writeArchive(dir.resolve("gz.tar"));
        Written estargz = new OciLayout().compression(LayerCompression.ESTARGZ).tag("1", image)
                .writeArchive(dir.resolve("estargz.tar"));

        // the trailer changes the diffID, and the analyzer verified the eStargz one
        assertThat(estargz.image().layers().get(0).diffId()).isNotEqualTo(plain.image().layers().get(0).diffId());
        assertThat(TestImages.report(estargz.path()).layers().get(0).diffId())
                .isEqualTo(estargz.image().layers().get(0).diffId());
    }

    @Test
    void layersOfOneImageMayEachBeStoredDifferently() throws ImageReadException {
        ImageSpec mixed = TestImages.reference()
                .mapLayer(0, l -> l.compressed(LayerCompression.NONE))
                .mapLayer(1, l -> l.compressed(LayerCompression.ZSTD))
                .mapLayer(2, l -> l.compressed(LayerCompression.GZIP_MULTI_MEMBER))
                .mapLayer(3, l -> l.compressed(LayerCompression.ESTARGZ));
        Written written = new OciLayout().tag("1", mixed).writeArchive(dir.resolve("mixed.tar"));
        Report report = TestImages.report(written.path());

        assertThat(report.layers()).extracting(Report.LayerReport::compression).containsExactly("none", "zstd", "gzip", "gzip");
        assertThat(report.layers().get(0).compressedSizeBytes()).isNull();
        assertThat(report.layers().get(1).compressedSizeBytes()).isEqualTo(written.image().layers().get(1).blobSize());
        assertThat(report.image().compressedSizeBytes()).as("not every layer is compressed").isNull();
        assertThat(report.metrics().reclaimableBytes()).isEqualTo(3820);
    }

    @Test
    void aGzipLayerInALegacyArchiveIsSniffedNotTakenFromItsName() throws ImageReadException {
        ImageSpec gzipped = TestImages.reference().compressedWith(LayerCompression.GZIP);
        Path path = new DockerArchive(DockerArchive.Layout.LEGACY).image(gzipped, "app:1").write(dir.resolve("gz-legacy.tar")).path();
        Report report = TestImages.report(path);

        assertThat(report.layers()).extracting(Report.LayerReport::compression).containsOnly("gzip");
        assertThat(report.layers()).extracting(Report.LayerReport::sizeBytes).containsExactly(3500L, 4320L, 1000L, 2000L);
    }
}
