package dev.layerlens.testdata;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an OCI image layout (a directory, or the same tree as an oci-archive tar): blobs, the
 * {@code oci-layout} file, and index.json whose entries carry {@code org.opencontainers.image.ref.name}
 * tags. Entries are single images or multi-platform indexes. Layers default to gzip.
 */
public final class OciLayout {
    public static final String REF_NAME = "org.opencontainers.image.ref.name";
    static final byte[] LAYOUT_FILE = "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.US_ASCII);

    /** @param tag null for an untagged entry; content is an {@link ImageSpec} or a {@link PlatformIndex} */
    private record Ref(String tag, Object content) {
    }

    private final List<Ref> refs = new ArrayList<>();
    private LayerCompression defaultCompression = LayerCompression.GZIP;
    private boolean gzipWhole;

    public OciLayout tag(String refName, ImageSpec image) {
        refs.add(new Ref(refName, image));
        return this;
    }

    public OciLayout tag(String refName, PlatformIndex index) {
        refs.add(new Ref(refName, index));
        return this;
    }

    public OciLayout untagged(ImageSpec image) {
        refs.add(new Ref(null, image));
        return this;
    }

    public OciLayout untagged(PlatformIndex index) {
        refs.add(new Ref(null, index));
        return this;
    }

    /** How layers without their own compression are stored (default gzip). */
    public OciLayout compression(LayerCompression how) {
        defaultCompression = how;
        return this;
    }

    /** oci-archive only: gzip the whole tar. */
    public OciLayout gzipWholeArchive() {
        gzipWhole = true;
        return this;
    }

    public Written writeDirectory(Path dir) {
        List<WrittenImage> written = new ArrayList<>();
        build(written).writeDirectory(dir);
        return new Written(dir, written);
    }

    public Written writeArchive(Path file) {
        List<WrittenImage> written = new ArrayList<>();
        build(written).writeTar(file, gzipWhole);
        return new Written(file, written);
    }

    private OuterArchive build(List<WrittenImage> written) {
        OuterArchive out = new OuterArchive();
        out.directory("blobs");
        out.directory("blobs/sha256");
        ArrayNode manifests = Json.array();
        for (Ref ref : refs) {
            List<String> names = ref.tag() == null ? List.of() : List.of(ref.tag());
            ObjectNode descriptor;
            if (ref.content() instanceof ImageSpec spec) {
                BuiltImage image = BuiltImage.build(spec, defaultCompression);
                storeImage(image, out, true);
                descriptor = BuiltImage.descriptor(BuiltImage.OCI_MANIFEST, image.manifestDigest(), image.manifest().length);
                written.add(image.written(names));
            } else {
                BuiltIndex index = BuiltIndex.build((PlatformIndex) ref.content(), defaultCompression);
                index.store(out, image -> true, null);
                descriptor = BuiltImage.descriptor(BuiltImage.OCI_INDEX, index.digest(), index.size());
                written.addAll(index.written(names));
            }
            if (ref.tag() != null) {
                descriptor.putObject("annotations").put(REF_NAME, ref.tag());
            }
            manifests.add(descriptor);
        }
        out.file("oci-layout", LAYOUT_FILE);
        out.file("index.json", Json.bytes(Json.object().put("schemaVersion", 2)
                .put("mediaType", BuiltImage.OCI_INDEX).set("manifests", manifests)));
        return out;
    }

    static String blobPath(String digest) {
        return "blobs/sha256/" + Digests.hexOf(digest);
    }

    /** Stores an image's manifest and config, and its layers when {@code withLayers}. */
    static void storeImage(BuiltImage image, OuterArchive out, boolean withLayers) {
        if (withLayers) {
            for (BuiltLayer layer : image.layers()) {
                if (!layer.missing()) {
                    out.file(blobPath(layer.storedName()), layer.stored());
                }
            }
        }
        out.file(blobPath(image.configDigest()), image.config());
        out.file(blobPath(image.manifestDigest()), image.manifest());
    }
}
