package dev.layerlens.cli.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.layerlens.testdata.Entry;
import dev.layerlens.testdata.ImageSpec;
import dev.layerlens.testdata.OciLayout;
import dev.layerlens.testdata.PlatformIndex;
import dev.layerlens.testdata.PlatformSpec;
import dev.layerlens.testdata.Written;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * The images the registry tests push, written by the fixture writer as OCI layouts (gzip layers),
 * so that what layerlens reads from a registry can be compared with what it reads from the layout
 * the registry was filled from.
 */
final class RegistryImages {
    static final String TAG = "v1";

    private RegistryImages() {
    }

    /** Four layers: a base, an overwrite, a whiteout and a layer of 400 kB (something to cut a download in). */
    static ImageSpec app(String flavour) {
        return ImageSpec.builder()
                .layer("/bin/sh -c #(nop) ADD file:" + flavour + " in / ",
                        Entry.dir("etc"), Entry.file("etc/os-release", "ID=" + flavour + "\n"),
                        Entry.dir("bin"), Entry.file("bin/tool", 20_000))
                .emptyStep("/bin/sh -c #(nop)  ENV APP=" + flavour)
                .layer("COPY app /app # buildkit",
                        Entry.dir("app"), Entry.file("app/main.jar", 40_000), Entry.file("etc/os-release", "ID=app\n"))
                .layer("RUN /bin/sh -c rm -rf /bin/tool # buildkit", Entry.whiteout("bin/tool"))
                .layer("COPY data /data # buildkit", Entry.dir("data"), Entry.file("data/" + flavour + ".bin", 400_000))
                .build();
    }

    /** One image, tagged {@link #TAG}. */
    static Written singleLayout(Path dir) {
        return new OciLayout().tag(TAG, app("single")).writeDirectory(dir);
    }

    /** An index of a linux/amd64 and a linux/arm64 image (different contents), tagged {@link #TAG}. */
    static Written multiLayout(Path dir) {
        PlatformIndex index = PlatformIndex.builder()
                .image(app("amd64").withPlatform(PlatformSpec.LINUX_AMD64))
                .image(app("arm64").withPlatform(PlatformSpec.LINUX_ARM64))
                .build();
        return new OciLayout().tag(TAG, index).writeDirectory(dir);
    }

    /** The fields a report's source decides; everything else must be the same from every source. */
    static final Set<String> SOURCE_FIELDS = Set.of("/image/reference", "/image/source", "/timings");

    /** A copy of {@code report} without {@code fields} (JSON pointers; {@code /layers/*}/x for every layer). */
    static JsonNode without(JsonNode report, Set<String> fields) {
        ObjectNode copy = report.deepCopy();
        for (String field : fields) {
            if (field.startsWith("/layers/*/")) {
                String name = field.substring("/layers/*/".length());
                copy.get("layers").forEach(l -> ((ObjectNode) l).remove(name));
            } else {
                int slash = field.lastIndexOf('/');
                JsonNode parent = slash == 0 ? copy : copy.at(field.substring(0, slash));
                if (parent instanceof ObjectNode o) {
                    o.remove(field.substring(slash + 1));
                }
            }
        }
        return copy;
    }

    /** Field paths (JSON pointers) where two reports differ, for messages. */
    static java.util.List<String> differences(JsonNode a, JsonNode b) {
        java.util.List<String> out = new java.util.ArrayList<>();
        diff("", a, b, out);
        return out;
    }

    private static void diff(String at, JsonNode a, JsonNode b, java.util.List<String> out) {
        if (a == null || b == null || a.getNodeType() != b.getNodeType()) {
            if (!(a == null && b == null)) {
                out.add(at);
            }
            return;
        }
        if (a.isObject()) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                diff(at + "/" + n, a.get(n), b.get(n), out);
            }
        } else if (a.isArray()) {
            if (a.size() != b.size()) {
                out.add(at + " (length)");
                return;
            }
            for (int i = 0; i < a.size(); i++) {
                diff(at + "/" + i, a.get(i), b.get(i), out);
            }
        } else if (!a.equals(b)) {
            out.add(at);
        }
    }

    static Path layout(Written written) {
        try {
            return written.path().toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
