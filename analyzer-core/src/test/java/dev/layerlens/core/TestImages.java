package dev.layerlens.core;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerlens.core.layer.ScanOptions;
import dev.layerlens.core.report.Report;
import dev.layerlens.core.source.ImageReadException;
import dev.layerlens.core.source.SourceOptions;
import dev.layerlens.core.source.SourceResolver;
import dev.layerlens.testdata.DockerArchive;
import dev.layerlens.testdata.Entry;
import dev.layerlens.testdata.ImageSpec;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/** Runs the whole pipeline on fixture archives, and the reference image most tests are built on. */
public final class TestImages {
    public static final ScanOptions VERIFY = new ScanOptions(true, false, 2);
    public static final ScanOptions NO_VERIFY = new ScanOptions(false, false, 2);

    private TestImages() {
    }

    public static ImageAnalyzer.Result analyze(Object input) throws ImageReadException {
        return analyze(input.toString(), SourceOptions.DEFAULT, VERIFY);
    }

    public static ImageAnalyzer.Result analyze(String input, SourceOptions source, ScanOptions scan)
            throws ImageReadException {
        return new ImageAnalyzer(new SourceResolver(InputStream.nullInputStream()), scan, List::of)
                .analyze(input, source, ImageAnalyzer.ProgressFactory.NONE);
    }

    /** Writes one image of the given layers (step i made layer i) as a docker save, and analyses it. */
    @SafeVarargs
    public static ImageAnalyzer.Result stacked(Path dir, List<Entry>... layers) throws ImageReadException {
        ImageSpec.Builder image = ImageSpec.builder();
        for (int i = 0; i < layers.length; i++) {
            image.layer("step " + i, layers[i].toArray(Entry[]::new));
        }
        Path path = new DockerArchive(DockerArchive.Layout.DOCKER_25).image(image.build(), "t:1")
                .write(dir.resolve("stacked-" + System.nanoTime() + ".tar")).path();
        return analyze(path);
    }

    public static Report report(Object input) throws ImageReadException {
        return analyze(input).report();
    }

    /** The read error for {@code input}: must be an {@link ImageReadException}, never a partial result. */
    public static String readError(String input, SourceOptions source, ScanOptions scan) {
        Throwable[] thrown = new Throwable[1];
        assertThatThrownBy(() -> analyze(input, source, scan))
                .isInstanceOf(ImageReadException.class)
                .satisfies(t -> thrown[0] = t);
        String message = thrown[0].getMessage();
        org.assertj.core.api.Assertions.assertThat(message).as("one line").doesNotContain("\n").isNotBlank();
        return message;
    }

    public static String readError(Object input) {
        return readError(input.toString(), SourceOptions.DEFAULT, VERIFY);
    }

    /**
     * Four layers that exercise every kind of change, with figures a reader can check by hand:
     * <pre>
     * 0 base   etc/ etc/passwd 300, bin/ bin/tool 2000, bin/sh -> tool, usr/share/doc/ + a 700, b 500, dev/null (char), run/fifo
     * 1 copy   app/ app/main.jar 4000, app/main.lnk hard link, etc/passwd 320 (modified)
     * 2 clean  whiteout etc/passwd, whiteout usr/share/doc (a directory), app/cache.bin 1000
     * 3 chmod  bin/tool 2000 again (mode 0755)
     * </pre>
     * sizes 3500, 4320, 1000, 2000 (Σ 10820); reclaimable: etc/passwd 300+320 deleted, doc/a 700 and
     * doc/b 500 dir-removed, bin/tool 2000 overwritten = 3820.
     */
    public static ImageSpec reference() {
        return ImageSpec.builder()
                .layer("/bin/sh -c #(nop) ADD file:0123456789abcdef in / ",
                        Entry.dir("etc"),
                        Entry.file("etc/passwd", 300),
                        Entry.dir("bin"),
                        Entry.file("bin/tool", 2000),
                        Entry.symlink("bin/sh", "tool"),
                        Entry.dir("usr"),
                        Entry.dir("usr/share"),
                        Entry.dir("usr/share/doc"),
                        Entry.file("usr/share/doc/a", 700),
                        Entry.file("usr/share/doc/b", 500),
                        Entry.dir("dev"),
                        Entry.charDevice("dev/null", 1, 3),
                        Entry.dir("run"),
                        Entry.fifo("run/fifo"))
                .emptyStep("/bin/sh -c #(nop)  CMD [\"sh\"]")
                .layer("COPY app /app # buildkit",
                        Entry.dir("app"),
                        Entry.file("app/main.jar", 4000),
                        Entry.hardlink("app/main.lnk", "app/main.jar"),
                        Entry.file("etc/passwd", 320))
                .layer("RUN /bin/sh -c rm -rf /etc/passwd /usr/share/doc # buildkit",
                        Entry.whiteout("etc/passwd"),
                        Entry.dir("usr/share"),
                        Entry.whiteout("usr/share/doc"),
                        Entry.file("app/cache.bin", 1000))
                .layer("RUN /bin/sh -c chmod +x /bin/tool # buildkit",
                        Entry.file("bin/tool", 2000).withMode(0755))
                .build();
    }
}
