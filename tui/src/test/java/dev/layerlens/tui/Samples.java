package dev.layerlens.tui;

import static dev.layerlens.tui.TestImage.dir;
import static dev.layerlens.tui.TestImage.file;
import static dev.layerlens.tui.TestImage.symlink;
import static dev.layerlens.tui.TestImage.whiteout;

import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.Severity;
import dev.layerlens.core.layer.LayerEntry;
import java.util.ArrayList;
import java.util.List;

/** The images the explorer tests browse; every figure they assert follows from these lines. */
final class Samples {
    static final int APP_FILES = 300;
    static final String EVIL_NAME = "evil\u001b[2J\u001b]0;pwned\u0007name";
    static final String LONG_COMMAND = "/bin/sh -c set -eux; " + "apt-get install -y --no-install-recommends pkg-number-x ".repeat(12)
            + "&& echo the-very-end-of-the-command";

    private Samples() {
    }

    /**
     * Layer 0 a small root filesystem; layer 1 an install (adds two libraries and an apt cache,
     * rewrites /etc/passwd); layer 2 deletes the cache and /etc/hosts; layer 3 copies an app of
     * 300 files, one with escape sequences in its name, by a command that is long and has an escape too.
     */
    static TestImage.Built sample() {
        List<LayerEntry> app = new ArrayList<>();
        app.add(dir("app"));
        for (int i = 0; i < APP_FILES; i++) {
            app.add(file(String.format("app/f%03d", i), i));
        }
        app.add(file("app/" + EVIL_NAME, 7));
        return new TestImage("test:1")
                .layer("/bin/sh -c #(nop) ADD file:rootfs in / ", List.of(
                        dir("bin"), file("bin/busybox", 900), symlink("bin/sh", "busybox"),
                        dir("etc"), file("etc/passwd", 50), file("etc/hosts", 20),
                        dir("usr"), dir("usr/lib"), file("usr/lib/libc.so", 1000)))
                .layer("/bin/sh -c apt-get install -y libs", List.of(
                        file("usr/lib/a-small.so", 10), file("usr/lib/z-big.so", 5000),
                        file("etc/passwd", 60), file("var/cache/apt/archives/x.deb", 3000)))
                .layer("/bin/sh -c rm -rf /var/cache/apt /etc/hosts", List.of(
                        whiteout("var/cache/apt"), whiteout("etc/hosts")))
                .layer(LONG_COMMAND.replace("the-very-end", "\u001b[31mthe-very-end"), app)
                .finding(new Finding("secret/test-token", Severity.HIGH, "a token in /etc/passwd", 1, "/etc/passwd",
                        "tok…en (5 chars)", "remove it", null))
                .finding(new Finding("waste/deleted-in-later-layer", Severity.MEDIUM, "the apt cache is deleted later",
                        1, "/var/cache/apt/archives/x.deb", "3.00 kB", "clean in the same RUN", 3000L))
                .finding(new Finding("config/runs-as-root", Severity.LOW, "runs as root", null, null, "User is empty",
                        "add USER", null))
                .build();
    }
}
