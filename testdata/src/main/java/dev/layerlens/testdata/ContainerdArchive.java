package dev.layerlens.testdata;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes what {@code docker save} writes with the containerd image store (docker 29's default): an
 * OCI layout of compressed registry blobs whose index.json names each image's multi-platform index,
 * a manifest.json for the one platform that was pulled, and nothing (or only the manifests) of the
 * other platforms.
 */
public final class ContainerdArchive {

    /** What of the platforms that were not pulled is missing from the archive. */
    public enum Absent {
        /** their manifests, configs and layers (and attestations): only the index names them */
        MANIFESTS,
        /** only their layers */
        LAYERS
    }

    private record Saved(PlatformIndex index, PlatformSpec platform, List<String> tags) {
    }

    private final List<Saved> images = new ArrayList<>();
    private Absent absent = Absent.MANIFESTS;

    /** Adds a multi-platform image of which only {@code pulled} is present, under the given tags. */
    public ContainerdArchive image(PlatformIndex index, PlatformSpec pulled, String... repoTags) {
        if (index.images().stream().noneMatch(i -> i.platform().equals(pulled))) {
            throw new IllegalArgumentException("the index has no " + pulled + " image");
        }
        images.add(new Saved(index, pulled, List.of(repoTags)));
        return this;
    }

    public ContainerdArchive otherPlatformsMissing(Absent what) {
        absent = what;
        return this;
    }

    public Written write(Path file) {
        OuterArchive out = new OuterArchive();
        out.directory("blobs");
        out.directory("blobs/sha256");
        ArrayNode index = Json.array();
        ArrayNode manifest = Json.array();
        List<WrittenImage> written = new ArrayList<>();
        for (Saved saved : images) {
            BuiltIndex built = BuiltIndex.build(saved.index(), LayerCompression.GZIP);
            built.store(out, image -> image.spec().platform().equals(saved.platform()), absent);
            BuiltImage pulled = built.children().stream().map(BuiltIndex.Child::image)
                    .filter(i -> i != null && i.spec().platform().equals(saved.platform())).findFirst().orElseThrow();
            ObjectNode descriptor = BuiltImage.descriptor(BuiltImage.OCI_INDEX, built.digest(), built.size());
            for (String tag : saved.tags()) {
                Names.Reference ref = Names.parse(tag);
                index.add(descriptor.deepCopy().set("annotations", Json.object()
                        .put("io.containerd.image.name", ref.fullName())
                        .put(OciLayout.REF_NAME, ref.tag())));
            }
            List<String> layers = pulled.layers().stream().map(l -> OciLayout.blobPath(l.storedName())).toList();
            manifest.add(Json.object().put("Config", OciLayout.blobPath(pulled.configDigest()))
                    .<ObjectNode>set("RepoTags", Json.strings(saved.tags()))
                    .set("Layers", Json.strings(layers)));
            written.add(pulled.written(saved.tags()));
        }
        out.file("index.json", Json.bytes(Json.object().put("schemaVersion", 2)
                .put("mediaType", BuiltImage.OCI_INDEX).set("manifests", index)));
        out.file("oci-layout", OciLayout.LAYOUT_FILE);
        out.file("manifest.json", Json.bytes(manifest));
        out.writeTar(file, false);
        return new Written(file, written);
    }
}
