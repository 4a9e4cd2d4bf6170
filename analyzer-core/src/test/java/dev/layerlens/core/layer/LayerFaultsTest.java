package dev.layerlens.core.layer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlens.core.TestImages;
import dev.layerlens.core.source.SourceOptions;
import dev.layerlens.testdata.ContainerdArchive;
import dev.layerlens.testdata.DockerArchive;
import dev.layerlens.testdata.ImageSpec;
import dev.layerlens.testdata.LayerCompression;
import dev.layerlens.testdata.LayerFault;
import dev.layerlens.testdata.OciLayout;
import dev.layerlens.testdata.PlatformIndex;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A damaged layer is an {@code ImageReadException} whose one line names the layer and the cause,
 * whichever format carries it; never a partial report.
 */
class LayerFaultsTest {
    /** Layer 1 of the reference image: 4320 content bytes, an uncompressed tar of 7 blocks plus the end marker. */
    static final int DAMAGED = 1;

    @TempDir
    Path dir;

    enum Format {
        LEGACY(LayerCompression.NONE), DOCKER_25(LayerCompression.NONE), PODMAN(LayerCompression.NONE), KANIKO(LayerCompression.GZIP),
        CONTAINERD(LayerCompression.GZIP), OCI_GZIP(LayerCompression.GZIP), OCI_ZSTD(LayerCompression.ZSTD),
        OCI_NONE(LayerCompression.NONE), OCI_ESTARGZ(LayerCompression.ESTARGZ);

        final LayerCompression compression;

        Format(LayerCompression compression) {
            this.compression = compression;
        }

        Path write(ImageSpec image, Path file) {
            ImageSpec stored = image.mapLayer(DAMAGED, l -> l.compressed(compression));
            return switch (this) {
                case LEGACY -> new DockerArchive(DockerArchive.Layout.LEGACY).image(stored, "app:1").write(file).path();
                case DOCKER_25 -> new DockerArchive(DockerArchive.Layout.DOCKER_25).image(stored, "app:1").write(file).path();
                case KANIKO -> new DockerArchive(DockerArchive.Layout.KANIKO).image(stored, "app:1").write(file).path();
                case PODMAN -> new DockerArchive(DockerArchive.Layout.PODMAN).image(stored, "app:1").write(file).path();
                case CONTAINERD -> new ContainerdArchive().image(PlatformIndex.of(stored), stored.platform(), "app:1")
                        .write(file).path();
                default -> new OciLayout().tag("1", stored).writeArchive(file).path();
            };
        }
    }

    static Stream<Arguments> faults() {
        Function<Format, LayerFault> truncatedMidContent = f -> LayerFault.truncatedAt(f.compression == LayerCompression.NONE ? 3000 : 200);
        Stream.Builder<Arguments> cases = Stream.builder();
        for (Format f : Format.values()) {
            cases.add(Arguments.of(f, truncatedMidContent.apply(f), "truncated"));
            cases.add(Arguments.of(f, LayerFault.wrongDiffId(), "diffID"));
            cases.add(Arguments.of(f, LayerFault.missingBlob(), "missing"));
            if (f.compression.isGzip()) {
                cases.add(Arguments.of(f, LayerFault.corruptGzip(), "corrupt"));
            }
            if (f != Format.LEGACY && f != Format.KANIKO && f != Format.PODMAN) {
                cases.add(Arguments.of(f, LayerFault.wrongBlobDigest(), "digest"));
            }
        }
        // cut exactly between two tar entries: only the diffID can tell
        cases.add(Arguments.of(Format.LEGACY, LayerFault.truncatedAt(512), "diffID"));
        return cases.build();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("faults")
    void aDamagedLayerIsAnErrorNamingTheLayerAndTheCause(Format format, LayerFault fault, String cause) {
        Path path = format.write(TestImages.reference().mapLayer(DAMAGED, l -> l.withFault(fault)),
                dir.resolve(format + ".tar"));

        String message = TestImages.readError(path);

        assertThat(message).contains("layer " + DAMAGED).contains(cause);
    }

    static Stream<Arguments> faultsSeenWithoutVerification() {
        return Stream.of(
                Arguments.of(Format.LEGACY, LayerFault.truncatedAt(3000), "truncated"),
                Arguments.of(Format.OCI_NONE, LayerFault.truncatedAt(3000), "truncated"),
                Arguments.of(Format.OCI_GZIP, LayerFault.truncatedAt(200), "truncated"),
                Arguments.of(Format.KANIKO, LayerFault.corruptGzip(), "corrupt"),
                Arguments.of(Format.OCI_ZSTD, LayerFault.truncatedAt(200), "truncated"),
                Arguments.of(Format.DOCKER_25, LayerFault.missingBlob(), "missing"));
    }

    @ParameterizedTest(name = "--no-verify {0} {1}")
    @MethodSource("faultsSeenWithoutVerification")
    void withoutVerificationUnreadableLayersAreStillErrors(Format format, LayerFault fault, String cause) {
        Path path = format.write(TestImages.reference().mapLayer(DAMAGED, l -> l.withFault(fault)),
                dir.resolve(format + ".tar"));

        String message = TestImages.readError(path.toString(), SourceOptions.DEFAULT, TestImages.NO_VERIFY);

        assertThat(message).contains("layer " + DAMAGED).containsIgnoringCase(cause);
    }
}
