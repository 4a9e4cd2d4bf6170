package dev.layerlens.core.analysis.hygiene;

import dev.layerlens.core.analysis.AnalysisContext;
import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.ImageCheck;
import dev.layerlens.core.analysis.Severity;
import dev.layerlens.core.fs.FileVersion;
import dev.layerlens.core.layer.EntryType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * In the final filesystem: {@code fs/setuid-setgid} regular files with the setuid or setgid bit (they
 * run with their owner's or group's rights whoever starts them), and {@code fs/world-writable} files
 * and directories anyone may write, directories without the sticky bit (anyone may delete or replace
 * what others put there). Only the version the final filesystem shows counts: a bit a later layer
 * cleared is gone. One finding per path, up to {@link #MAX_PER_RULE}; past that one finding counts the rest.
 */
public final class SpecialPermissionsCheck implements ImageCheck {
    public static final String SETUID_ID = "fs/setuid-setgid";
    public static final String WORLD_WRITABLE_ID = "fs/world-writable";
    static final int MAX_PER_RULE = 25;
    private static final int SETUID = 04000;
    private static final int SETGID = 02000;
    private static final int STICKY = 01000;
    private static final int OTHER_WRITE = 0002;

    private record Hit(String path, FileVersion version) {
    }

    @Override
    public Set<String> ids() {
        return Set.of(SETUID_ID, WORLD_WRITABLE_ID);
    }

    @Override
    public List<Finding> findings(AnalysisContext context) {
        List<Hit> setuid = new ArrayList<>();
        List<Hit> writable = new ArrayList<>();
        context.tree().forEachNode(node -> {
            FileVersion v = node.visibleVersion();
            if (v == null) {
                return;
            }
            int mode = v.mode();
            if (v.type() == EntryType.FILE && (mode & (SETUID | SETGID)) != 0) {
                setuid.add(new Hit("/" + node.path(), v));
            }
            boolean writableFile = v.type() == EntryType.FILE && (mode & OTHER_WRITE) != 0;
            boolean openDirectory = v.isDirectory() && (mode & OTHER_WRITE) != 0 && (mode & STICKY) == 0;
            if (writableFile || openDirectory) {
                writable.add(new Hit("/" + node.path(), v));
            }
        });
        List<Finding> out = new ArrayList<>();
        report(setuid, out, hit -> new Finding(SETUID_ID, Severity.LOW,
                "A file runs with its owner's or group's rights", hit.version().layer(), hit.path(),
                bits(hit.version()) + ", owner " + hit.version().uid() + ":" + hit.version().gid(),
                "remove the bit (chmod u-s,g-s) or the file, in the layer that adds it, unless the image really needs it",
                null), SETUID_ID, "setuid/setgid files");
        report(writable, out, hit -> new Finding(WORLD_WRITABLE_ID, Severity.MEDIUM,
                hit.version().isDirectory() ? "A directory anyone may write, without the sticky bit"
                        : "A file anyone may write", hit.version().layer(), hit.path(),
                "mode " + octal(hit.version().mode()),
                hit.version().isDirectory() ? "chmod o-w, or chmod +t if it must be shared (like /tmp)" : "chmod o-w",
                null), WORLD_WRITABLE_ID, "world-writable paths");
        return out;
    }

    private static void report(List<Hit> hits, List<Finding> out, java.util.function.Function<Hit, Finding> make,
                               String id, String what) {
        hits.sort(Comparator.comparing(Hit::path));
        for (Hit hit : hits.subList(0, Math.min(MAX_PER_RULE, hits.size()))) {
            out.add(make.apply(hit));
        }
        if (hits.size() > MAX_PER_RULE) {
            Finding sample = make.apply(hits.get(MAX_PER_RULE));
            out.add(new Finding(id, sample.severity(), (hits.size() - MAX_PER_RULE) + " more " + what, null, null,
                    "first of them: " + hits.get(MAX_PER_RULE).path(), sample.remedy(), null));
        }
    }

    private static String bits(FileVersion v) {
        String kind = (v.mode() & SETUID) != 0 && (v.mode() & SETGID) != 0 ? "setuid and setgid"
                : (v.mode() & SETUID) != 0 ? "setuid" : "setgid";
        return kind + " (mode " + octal(v.mode()) + ")";
    }

    private static String octal(int mode) {
        return String.format("%04o", mode & 07777);
    }
}
