package dev.layerlens.core.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.fail;

import dev.layerlens.core.ImageAnalyzer;
import dev.layerlens.core.image.Digest;
import dev.layerlens.core.image.Layer;
import dev.layerlens.core.image.Platform;
import dev.layerlens.core.layer.LayerScan;
import dev.layerlens.core.layer.LayerScanner;
import dev.layerlens.core.layer.ScanOptions;
import dev.layerlens.core.layer.ScanProgress;
import dev.layerlens.core.source.ImageReadException;
import dev.layerlens.core.source.ImageSource;
import dev.layerlens.core.source.LayerBlob;
import dev.layerlens.core.source.SourceOptions;
import dev.layerlens.core.source.SourceResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * The archives other projects test themselves with, in {@code ../shared/testdata-peers/<peer>} beside
 * the checkout, opened through the same path as {@code layerlens analyze}.
 */
final class PeerArchives {
    private static final Pattern PARENT_BLOCK = Pattern.compile("<parent>.*?</parent>", Pattern.DOTALL);
    private static final String REACTOR_ARTIFACT = "<artifactId>layerlens-parent</artifactId>";

    private PeerArchives() {
    }

    /** The peer's folder; skips the calling test class when the folder is absent, and only then. */
    static Path peer(String name) {
        Path dir = reactorRoot().resolveSibling("shared").resolve("testdata-peers").resolve(name);
        Assumptions.assumeTrue(Files.isDirectory(dir), "peer archives not present: " + dir);
        return dir;
    }

    /** The directory whose pom.xml is layerlens-parent itself (not a module naming it as parent). */
    static Path reactorRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom)) {
                try {
                    String text = PARENT_BLOCK.matcher(Files.readString(pom)).replaceAll("");
                    if (text.contains(REACTOR_ARTIFACT)) {
                        return dir;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return fail("no layerlens-parent pom.xml above " + Path.of("").toAbsolutePath());
    }

    /** A file the peer's SOURCE.md lists: it must be there when the folder is. */
    static Path file(Path peerDir, String name) {
        Path file = peerDir.resolve(name);
        assertThat(file).as("listed in %s/SOURCE.md", peerDir.getFileName()).exists();
        return file;
    }

    static ImageAnalyzer.Result analyze(String input) throws ImageReadException {
        return analyze(input, null);
    }

    static ImageAnalyzer.Result analyze(String input, Platform platform) throws ImageReadException {
        return analyzer().analyze(input, new SourceOptions(platform, null), ImageAnalyzer.ProgressFactory.NONE);
    }

    /** Analyses {@code input}, which must fail as an unreadable image (exit path 3), never crash. */
    static ImageReadException failure(String input) {
        return failure(input, null);
    }

    static ImageReadException failure(String input, Platform platform) {
        ImageReadException e = catchThrowableOfType(ImageReadException.class, () -> analyze(input, platform));
        assertThat(e).as("reading %s must fail with ImageReadException", input).isNotNull();
        assertThat(e.getMessage()).as("one-line message").isNotBlank().doesNotContain("\n");
        return e;
    }

    /** The per-layer scans of an image (figures the report does not carry, such as the tar length). */
    static List<LayerScan> scans(String input) throws ImageReadException, IOException {
        try (ImageSource source = new SourceResolver(InputStream.nullInputStream()).open(input, SourceOptions.DEFAULT)) {
            return new LayerScanner(ScanOptions.defaults(), List.of(), ScanProgress.NONE).scanAll(source);
        }
    }

    /** Scans a bare layer tar, expected to have {@code diffId}, as the scanner scans an image's layer. */
    static LayerScan scanLayer(Path tar, Digest diffId) throws ImageReadException {
        Layer layer = new Layer(0, diffId, diffId, null, null, null);
        return new LayerScanner(ScanOptions.defaults(), List.of(), ScanProgress.NONE).scan(layer, fileBlob(tar, diffId));
    }

    /** A layer blob over a local file. */
    static LayerBlob fileBlob(Path file, Digest digest) {
        return new LayerBlob() {
            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }

            @Override
            public Optional<Digest> expectedDigest() {
                return Optional.of(digest);
            }
        };
    }

    /** sha256 of a small file, computed with the JDK alone (not with the code under test). */
    static Digest sha256Of(Path file) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            return new Digest("sha256", HexFormat.of().formatHex(hash));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ImageAnalyzer analyzer() {
        return new ImageAnalyzer(new SourceResolver(InputStream.nullInputStream()), ScanOptions.defaults(), List::of);
    }
}
