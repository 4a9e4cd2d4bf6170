package dev.layerlens.core.diff;

import dev.layerlens.core.ImageAnalyzer;
import dev.layerlens.core.analysis.AnalysisContext;
import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.ImageCheck;
import dev.layerlens.core.analysis.Severity;
import dev.layerlens.core.fs.FileNode;
import dev.layerlens.core.layer.EntryType;
import dev.layerlens.core.layer.LayerEntry;
import dev.layerlens.core.layer.LayerScan;
import dev.layerlens.core.layer.ScanOptions;
import dev.layerlens.core.source.ImageReadException;
import dev.layerlens.core.source.SourceOptions;
import dev.layerlens.core.source.SourceResolver;
import dev.layerlens.testdata.DockerArchive;
import dev.layerlens.testdata.Entry;
import dev.layerlens.testdata.ImageSpec;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A before/after pair whose every difference is known by construction, and two small checks that
 * make findings out of it (stand-ins for the real analyses: the comparison only sees {@link Finding}s).
 * <pre>
 * BEFORE 0 base  etc/os-release "ID=alpine\n" (10), bin/tool 2000, usr/share/doc/a 700      = 2710
 *        1 copy  app/main.jar 4000, app/.env 64                                             = 4064
 *        2 rm    whiteout app/.env, app/cache.bin 1000                                      = 1000   Σ 7774
 * AFTER  0 base  identical to BEFORE's layer 0 (same diffID)                                 = 2710
 *        1 copy  app/main.jar 4500, app/config.yml 300, etc/os-release "ID=debian\n" (10),
 *                whiteout usr/share/doc                                                     = 4810
 *        2 chmod bin/tool 2000 again, mode 0755                                             = 2000   Σ 9520
 * </pre>
 * Final filesystems: BEFORE os-release 10, tool 2000, doc/a 700, main.jar 4000, cache.bin 1000
 * (7710); AFTER os-release 10 (other bytes), tool 2000 (0755), main.jar 4500, config.yml 300 (6810).
 */
public final class DiffFixtures {
    public static final ImageSpec BEFORE = ImageSpec.builder()
            .layer("ADD rootfs /", Entry.dir("etc"), Entry.file("etc/os-release", "ID=alpine\n"), Entry.dir("bin"),
                    Entry.file("bin/tool", 2000), Entry.dir("usr"), Entry.dir("usr/share"), Entry.dir("usr/share/doc"),
                    Entry.file("usr/share/doc/a", 700))
            .layer("COPY app /app", Entry.dir("app"), Entry.file("app/main.jar", 4000), Entry.file("app/.env", 64))
            .layer("RUN rm /app/.env", Entry.whiteout("app/.env"), Entry.file("app/cache.bin", 1000))
            .build();

    public static final ImageSpec AFTER = ImageSpec.builder()
            .layer("ADD rootfs /", Entry.dir("etc"), Entry.file("etc/os-release", "ID=alpine\n"), Entry.dir("bin"),
                    Entry.file("bin/tool", 2000), Entry.dir("usr"), Entry.dir("usr/share"), Entry.dir("usr/share/doc"),
                    Entry.file("usr/share/doc/a", 700))
            .layer("COPY app /app", Entry.dir("app"), Entry.file("app/main.jar", 4500), Entry.file("app/config.yml", 300),
                    Entry.file("etc/os-release", "ID=debian\n"), Entry.whiteout("usr/share/doc"))
            .layer("RUN chmod 755 /bin/tool", Entry.file("bin/tool", 2000).withMode(0755))
            .build();

    private DiffFixtures() {
    }

    public static Path write(Path dir, String name, ImageSpec spec) {
        return new DockerArchive(DockerArchive.Layout.DOCKER_25).image(spec, name + ":1")
                .write(dir.resolve(name + ".tar")).path();
    }

    public static ImageAnalyzer.Result analyze(Path archive, boolean hashContents) throws ImageReadException {
        return new ImageAnalyzer(new SourceResolver(InputStream.nullInputStream()), new ScanOptions(true, hashContents, 2),
                () -> List.of(new ShippedDotEnv(), new LargeVisibleFile()))
                .analyze(archive.toString(), SourceOptions.DEFAULT, ImageAnalyzer.ProgressFactory.NONE);
    }

    /** {@code test/dotenv}: a {@code .env} file shipped in any layer, even one a later layer deletes. */
    static final class ShippedDotEnv implements ImageCheck {
        @Override
        public Set<String> ids() {
            return Set.of("test/dotenv");
        }

        @Override
        public List<Finding> findings(AnalysisContext context) {
            List<Finding> found = new ArrayList<>();
            for (LayerScan scan : context.scans()) {
                for (LayerEntry e : scan.entries()) {
                    if (e.type() == EntryType.FILE && e.name().equals(".env")) {
                        found.add(new Finding("test/dotenv", Severity.HIGH, "A .env file is shipped", scan.index(),
                                "/" + e.path(), null, "leave it out of the build context", e.size()));
                    }
                }
            }
            return found;
        }
    }

    /** {@code test/large-file}: a visible regular file above 4200 bytes. */
    static final class LargeVisibleFile implements ImageCheck {
        @Override
        public Set<String> ids() {
            return Set.of("test/large-file");
        }

        @Override
        public List<Finding> findings(AnalysisContext context) {
            List<Finding> found = new ArrayList<>();
            context.tree().forEachNode(node -> {
                if (node.visibleVersion() != null && node.visibleVersion().contentBytes() > 4200) {
                    found.add(finding(node));
                }
            });
            return found;
        }

        private static Finding finding(FileNode node) {
            return new Finding("test/large-file", Severity.LOW, "A large file", node.visibleVersion().layer(),
                    "/" + node.path(), null, null, node.visibleVersion().contentBytes());
        }
    }
}
