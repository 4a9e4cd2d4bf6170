package dev.layerlens.testdata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Deterministic tars as Go's archive/tar writes them (docker, containerd, BuildKit): fixed times, no
 * user names, PAX for long names, and no padding after the two zero blocks of the end marker.
 */
final class Tars {
    static final FileTime MTIME = FileTime.from(Instant.parse(ImageSpec.DEFAULT_CREATED));
    private static final int RECORD = 512;

    private Tars() {
    }

    /** The uncompressed tar of a layer. */
    static byte[] layer(List<Entry> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = open(bytes)) {
            for (Entry e : entries) {
                TarArchiveEntry header = header(e);
                tar.putArchiveEntry(header);
                if (e.type() == Entry.Type.FILE) {
                    tar.write(e.content());
                }
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static TarArchiveOutputStream open(OutputStream out) {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out, RECORD);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        return tar;
    }

    /** A header with the fields fixtures control; everything else fixed. */
    static TarArchiveEntry header(String name, byte linkFlag, long size, int mode) {
        TarArchiveEntry h = new TarArchiveEntry(name, linkFlag);
        h.setSize(size);
        h.setMode(modeBits(linkFlag) | mode);
        h.setLastModifiedTime(MTIME);
        h.setUserName("");
        h.setGroupName("");
        h.setUserId(0);
        h.setGroupId(0);
        return h;
    }

    private static TarArchiveEntry header(Entry e) {
        byte flag = switch (e.type()) {
            case FILE, WHITEOUT, OPAQUE -> TarConstants.LF_NORMAL;
            case DIRECTORY -> TarConstants.LF_DIR;
            case SYMLINK -> TarConstants.LF_SYMLINK;
            case HARDLINK -> TarConstants.LF_LINK;
            case CHAR_DEVICE -> TarConstants.LF_CHR;
            case FIFO -> TarConstants.LF_FIFO;
        };
        TarArchiveEntry h = header(e.tarName(), flag, e.contentBytes(), e.mode());
        h.setUserId(e.uid());
        h.setGroupId(e.gid());
        if (e.linkTarget() != null) {
            h.setLinkName(e.linkTarget());
        }
        if (e.type() == Entry.Type.CHAR_DEVICE) {
            h.setDevMajor(e.devMajor());
            h.setDevMinor(e.devMinor());
        }
        return h;
    }

    /** The file-type bits of the mode field, as Go writes them (c_ISDIR etc.). */
    private static int modeBits(byte linkFlag) {
        return switch (linkFlag) {
            case TarConstants.LF_DIR -> 040000;
            case TarConstants.LF_SYMLINK -> 0120000;
            case TarConstants.LF_CHR -> 020000;
            case TarConstants.LF_FIFO -> 010000;
            default -> 0100000;
        };
    }
}
