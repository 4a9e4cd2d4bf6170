package dev.layerlens.core.conformance;

import static dev.layerlens.core.conformance.PeerArchives.failure;
import static dev.layerlens.core.conformance.PeerArchives.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.layerlens.core.image.Digest;
import dev.layerlens.core.layer.EntryType;
import dev.layerlens.core.layer.LayerEntry;
import dev.layerlens.core.layer.LayerScan;
import dev.layerlens.core.layer.LayerScanner;
import dev.layerlens.core.layer.ScanOptions;
import dev.layerlens.core.layer.ScanProgress;
import dev.layerlens.core.source.LayerBlob;
import dev.layerlens.core.source.archive.ArchiveFile;
import dev.layerlens.core.source.archive.TarArchiveContents;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** moby/moby's emptyLayer.tar: {@code testdata-peers/moby/SOURCE.md}; "L36" = line 36. */
class MobyConformanceTest {
    private static final String TOP = "25445a0fc5025c3917a0cd6e307d92322540e0da691614312ddea22511b71513";
    private static final String MIDDLE = "9c7cb910d84346a3fbf3cc2be046f44bf0af7f11eb8db2ef1f45e93c1202faac";
    private static final String BASE = "17d1436ef796af2fc2210cc37c4672e5aa1b62cb08ac4b95dd15372321105a66";
    private Path archive;

    @BeforeEach
    void locate() {
        archive = file(PeerArchives.peer("moby"), "emptyLayer.tar");
    }

    @Test
    @DisplayName("pre-1.10 save (repositories, no manifest.json): a specific ImageReadException, no crash (L12-15, L36-37)")
    void preDocker110SaveIsRefusedPlainly() {
        assertThat(failure(archive.toString()).getMessage())
                .contains("pre-Docker-1.10").contains("not supported").contains("manifest.json");
    }

    @Test
    @DisplayName("forced docker-archive: and oci-archive: refuse it cleanly too (L14-15)")
    void forcedKindsRefuseCleanly() {
        assertThat(failure("docker-archive:" + archive).getMessage()).contains("manifest.json").contains("missing");
        assertThat(failure("oci-archive:" + archive).getMessage()).contains("index.json").contains("missing");
    }

    @Test
    @DisplayName("its layers, read one by one: 0-byte layer.tar is an empty layer, a tar without end blocks reads to EOF (L20-23, L38-39)")
    void legacyLayersReadAsLayers() throws Exception {
        try (TarArchiveContents contents = new TarArchiveContents("emptyLayer.tar", archive, () -> { })) {
            // L22, L38: 0 bytes, "does not look like a tar archive" to tar(1); for us an empty layer
            LayerScan empty = scan(contents, MIDDLE);
            assertThat(empty.blobBytes()).isZero();
            assertThat(empty.entries()).isEmpty();
            assertThat(empty.sizeBytes()).isZero();

            // L21, L39: one "./" header, no end-of-archive blocks; the root itself carries nothing
            LayerScan base = scan(contents, BASE);
            assertThat(base.blobBytes()).isEqualTo(512L);
            assertThat(base.entries()).isEmpty();

            // L23: tmp/ (mode 1777) and tmp/foo (4 B)
            LayerScan top = scan(contents, TOP);
            assertThat(top.blobBytes()).isEqualTo(10240L);
            assertThat(top.entries()).extracting(LayerEntry::path, LayerEntry::type, LayerEntry::size, LayerEntry::mode)
                    .containsExactly(tuple("tmp", EntryType.DIRECTORY, 0L, 01777), tuple("tmp/foo", EntryType.FILE, 4L, 0644));
            assertThat(top.sizeBytes()).isEqualTo(4L);
        }
    }

    /** Scans {@code <id>/layer.tar}; its diffID is the sha256 of its bytes, computed here with the JDK. */
    private static LayerScan scan(TarArchiveContents contents, String id) throws Exception {
        ArchiveFile file = contents.find(id + "/layer.tar").orElseThrow();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = file.open()) {
            sha.update(in.readAllBytes());
        }
        Digest diffId = new Digest("sha256", HexFormat.of().formatHex(sha.digest()));
        LayerBlob blob = new LayerBlob() {
            @Override
            public InputStream open() throws IOException {
                return file.open();
            }

            @Override
            public Optional<Digest> expectedDigest() {
                return Optional.of(diffId);
            }
        };
        LayerScan scan = new LayerScanner(ScanOptions.defaults(), List.of(), ScanProgress.NONE)
                .scan(new dev.layerlens.core.image.Layer(0, diffId, diffId, null, file.length(), null), blob);
        assertThat(scan.verified()).isTrue();
        return scan;
    }
}
