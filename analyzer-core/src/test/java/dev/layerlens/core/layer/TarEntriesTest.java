package dev.layerlens.core.layer;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Decoding tar headers, overlay markers included. */
class TarEntriesTest {

    private static TarArchiveEntry header(String name, byte flag) {
        TarArchiveEntry e = new TarArchiveEntry(name, flag);
        e.setMode(0100644);
        return e;
    }

    @ParameterizedTest
    @CsvSource({
        "d/.wh..wh..opq, d",
        "./usr/share/.wh..wh..opq, usr/share",
        ".wh..wh..opq, ''",
    })
    void anOpaqueMarkerIsDecodedAsTheDirectoryItClears(String name, String dir) {
        LayerEntry entry = decode(header(name, TarConstants.LF_NORMAL));
        assertThat(entry.type()).isEqualTo(EntryType.OPAQUE);
        assertThat(entry.path()).isEqualTo(dir);
    }

    @ParameterizedTest
    @ValueSource(strings = {".wh..wh.aufs", ".wh..wh.plnk/123.456", "var/.wh..wh.orph/x", "d/.wh."})
    void aufsBookkeepingCarriesNothing(String name) {
        assertThat(decode(header(name, TarConstants.LF_NORMAL))).isNull();
    }

    @Test
    void aWhiteoutIsDecodedAsThePathItRemoves() {
        LayerEntry entry = decode(header("./etc/.wh.passwd", TarConstants.LF_NORMAL));
        assertThat(entry.type()).isEqualTo(EntryType.WHITEOUT);
        assertThat(entry.path()).isEqualTo("etc/passwd");
    }

    @Test
    void theRootItselfCarriesNothingAndAddsNoSize() {
        TarArchiveEntry root = header("./", TarConstants.LF_DIR);
        assertThat(decode(root)).isNull();
        assertThat(TarEntries.pathOf(root)).as("the scanner adds no size for an empty path").isEmpty();
    }

    @Test
    void entryKindsModesAndLinksAreKept() {
        TarArchiveEntry link = header("bin/sh", TarConstants.LF_SYMLINK);
        link.setLinkName("/bin/busybox");
        TarArchiveEntry hard = header("./bin/ls", TarConstants.LF_LINK);
        hard.setLinkName("./bin/busybox");
        TarArchiveEntry file = header("bin/busybox", TarConstants.LF_NORMAL);
        file.setMode(0104755);
        file.setSize(12);

        assertThat(decode(link)).extracting(LayerEntry::type, LayerEntry::linkTarget)
                .containsExactly(EntryType.SYMLINK, "/bin/busybox");
        assertThat(decode(hard)).extracting(LayerEntry::type, LayerEntry::linkTarget)
                .containsExactly(EntryType.HARDLINK, "bin/busybox");
        assertThat(decode(file)).extracting(LayerEntry::type, LayerEntry::mode, LayerEntry::size)
                .containsExactly(EntryType.FILE, 04755, 12L);
        assertThat(decode(header("dev/null", TarConstants.LF_CHR)).type()).isEqualTo(EntryType.SPECIAL);
        assertThat(decode(header("run/p", TarConstants.LF_FIFO)).type()).isEqualTo(EntryType.SPECIAL);
        assertThat(decode(header("etc/", TarConstants.LF_DIR)).type()).isEqualTo(EntryType.DIRECTORY);
    }

    @Test
    void namesCannotClimbAboveTheRoot() {
        assertThat(decode(header("../../etc/shadow", TarConstants.LF_NORMAL)).path()).isEqualTo("etc/shadow");
    }

    private static LayerEntry decode(TarArchiveEntry e) {
        return TarEntries.decode(e, TarEntries.pathOf(e));
    }
}
