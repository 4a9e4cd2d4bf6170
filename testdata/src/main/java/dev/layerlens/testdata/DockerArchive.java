package dev.layerlens.testdata;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@code docker save}-style archive holding one or more images, in one of the layouts the
 * tools of the past decade produce. manifest.json is always the last file, as docker writes it.
 */
public final class DockerArchive {

    public enum Layout {
        /** docker before 25: {@code <id>/layer.tar}, {@code <id>/json}, {@code <id>/VERSION}, {@code <config>.json}, repositories */
        LEGACY,
        /** docker 25+: an OCI layout whose manifest.json points at uncompressed {@code blobs/sha256/<diffID>} */
        DOCKER_25,
        /** kaniko / go-containerregistry tarball: {@code sha256:<hex>} config, {@code <hex>.tar.gz} layers */
        KANIKO,
        /**
         * podman save (containers/image): {@code <diffID hex>.tar} layers at the top, stored once however often
         * they occur, each {@code <id>/layer.tar} a symlink to one, {@code <config hex>.json}
         */
        PODMAN
    }

    private record Tagged(ImageSpec spec, List<String> tags) {
    }

    private final Layout layout;
    private final List<Tagged> images = new ArrayList<>();
    private boolean symlinkRepeatedLayers = true;
    private boolean gzipWhole;

    public DockerArchive(Layout layout) {
        this.layout = layout;
    }

    /** Adds an image under the given RepoTags (none for an untagged image; a bare name means {@code :latest}). */
    public DockerArchive image(ImageSpec spec, String... repoTags) {
        images.add(new Tagged(spec, List.of(repoTags)));
        return this;
    }

    /** Legacy layout: store a layer seen before as {@code layer.tar -> ../<first id>/layer.tar} (docker's way; the default). */
    public DockerArchive symlinkRepeatedLayers(boolean value) {
        symlinkRepeatedLayers = value;
        return this;
    }

    /** gzip the whole archive, like {@code docker save | gzip}. */
    public DockerArchive gzipWholeArchive() {
        gzipWhole = true;
        return this;
    }

    public Written write(Path file) {
        OuterArchive out = new OuterArchive();
        ArrayNode manifest = Json.array();
        ObjectNode repositories = Json.object();
        ArrayNode index = Json.array();
        List<WrittenImage> written = new ArrayList<>();
        if (layout == Layout.DOCKER_25) {
            out.directory("blobs");
            out.directory("blobs/sha256");
        }
        for (Tagged image : images) {
            BuiltImage built = BuiltImage.build(image.spec(), layout == Layout.KANIKO ? LayerCompression.GZIP
                    : LayerCompression.NONE);
            ObjectNode entry = switch (layout) {
                case LEGACY -> legacy(built, out, repositories, image.tags());
                case DOCKER_25 -> docker25(built, out, index, image.tags());
                case KANIKO -> kaniko(built, out);
                case PODMAN -> podman(built, out, repositories, image.tags());
            };
            entry.set("RepoTags", Json.strings(image.tags()));
            manifest.add(entry);
            written.add(built.written(image.tags()));
        }
        if (layout == Layout.DOCKER_25) {
            out.file("index.json", Json.bytes(Json.object().put("schemaVersion", 2)
                    .put("mediaType", BuiltImage.OCI_INDEX).set("manifests", index)));
            out.file("oci-layout", OciLayout.LAYOUT_FILE);
        }
        if (layout != Layout.KANIKO && !repositories.isEmpty()) {
            out.file("repositories", Json.bytes(repositories));
        }
        out.file("manifest.json", Json.bytes(manifest));
        out.writeTar(file, gzipWhole);
        return new Written(file, written);
    }

    private ObjectNode legacy(BuiltImage built, OuterArchive out, ObjectNode repositories, List<String> tags) {
        Map<String, String> firstPathOfDiffId = new HashMap<>();
        List<String> layerPaths = new ArrayList<>();
        String parent = null;
        for (BuiltLayer layer : built.layers()) {
            refuseWrongBlobDigest(layer, "a legacy docker save names layers by v1 id, not by digest");
            String id = Digests.hex((parent + "\n" + layer.diffId()).getBytes(StandardCharsets.UTF_8));
            String path = id + "/layer.tar";
            if (!out.contains(path)) {
                v1Directory(out, id, parent);
                String first = firstPathOfDiffId.get(layer.diffId());
                if (layer.missing()) {
                    // referenced by manifest.json, not stored
                } else if (first != null && symlinkRepeatedLayers) {
                    out.symlink(path, "../" + first);
                } else {
                    out.file(path, layer.stored());
                }
            }
            firstPathOfDiffId.putIfAbsent(layer.diffId(), path);
            layerPaths.add(path);
            parent = id;
        }
        return v1Manifest(built, out, repositories, tags, parent, layerPaths);
    }

    private static ObjectNode podman(BuiltImage built, OuterArchive out, ObjectNode repositories, List<String> tags) {
        List<String> layerPaths = new ArrayList<>();
        String parent = null;
        for (BuiltLayer layer : built.layers()) {
            refuseWrongBlobDigest(layer, "a podman save names layers by diffID, stored uncompressed");
            String path = Digests.hexOf(layer.diffId()) + ".tar";
            if (!layer.missing() && !out.contains(path)) {
                out.file(path, layer.stored());
            }
            // containers/image derives the v1 ids from the chain; any id unique per position does for a reader
            String id = Digests.hex((parent + " " + layer.diffId()).getBytes(StandardCharsets.UTF_8));
            if (!out.contains(id + "/VERSION")) { // another image of the archive may share the chain
                v1Directory(out, id, parent);
                if (!layer.missing()) {
                    out.symlink(id + "/layer.tar", "../" + path);
                }
            }
            layerPaths.add(path);
            parent = id;
        }
        return v1Manifest(built, out, repositories, tags, parent, layerPaths);
    }

    private static void refuseWrongBlobDigest(BuiltLayer layer, String why) {
        if (layer.spec().fault() instanceof LayerFault.WrongBlobDigest) {
            throw new IllegalArgumentException(why + "; use WrongDiffId");
        }
    }

    /** The per-layer directory {@code docker load} reads beside manifest.json. */
    private static void v1Directory(OuterArchive out, String id, String parent) {
        out.directory(id);
        out.file(id + "/VERSION", "1.0".getBytes(StandardCharsets.US_ASCII));
        out.file(id + "/json", Json.bytes(v1Json(id, parent)));
    }

    /** {@code <config hex>.json}, the repositories entries naming the top v1 id, and the manifest.json entry. */
    private static ObjectNode v1Manifest(BuiltImage built, OuterArchive out, ObjectNode repositories, List<String> tags,
            String topId, List<String> layerPaths) {
        String configName = Digests.hexOf(built.configDigest()) + ".json";
        out.file(configName, built.config());
        for (String tag : tags) {
            Names.Reference ref = Names.parse(tag);
            ObjectNode repo = repositories.has(ref.repository()) ? (ObjectNode) repositories.get(ref.repository())
                    : repositories.putObject(ref.repository());
            repo.put(ref.tag(), topId);
        }
        return Json.object().put("Config", configName).set("Layers", Json.strings(layerPaths));
    }

    private static ObjectNode v1Json(String id, String parent) {
        ObjectNode json = Json.object().put("id", id);
        if (parent != null) {
            json.put("parent", parent);
        }
        json.put("created", ImageSpec.DEFAULT_CREATED);
        json.putObject("container_config").putNull("Cmd");
        json.put("os", "linux");
        return json;
    }

    private static ObjectNode docker25(BuiltImage built, OuterArchive out, ArrayNode index, List<String> tags) {
        List<String> layerPaths = new ArrayList<>();
        for (BuiltLayer layer : built.layers()) {
            String path = OciLayout.blobPath(layer.storedName());
            if (!layer.missing()) {
                out.file(path, layer.stored());
            }
            layerPaths.add(path);
        }
        String configPath = OciLayout.blobPath(built.configDigest());
        out.file(configPath, built.config());
        out.file(OciLayout.blobPath(built.manifestDigest()), built.manifest());
        ObjectNode descriptor = BuiltImage.descriptor(BuiltImage.OCI_MANIFEST, built.manifestDigest(),
                built.manifest().length);
        if (tags.isEmpty()) {
            index.add(descriptor);
        }
        for (String tag : tags) {
            Names.Reference ref = Names.parse(tag);
            index.add(descriptor.deepCopy().set("annotations", Json.object()
                    .put("io.containerd.image.name", ref.fullName())
                    .put(OciLayout.REF_NAME, ref.tag())));
        }
        return Json.object().put("Config", configPath).set("Layers", Json.strings(layerPaths));
    }

    private static ObjectNode kaniko(BuiltImage built, OuterArchive out) {
        String configName = built.configDigest();
        out.file(configName, built.config());
        List<String> layerPaths = new ArrayList<>();
        for (BuiltLayer layer : built.layers()) {
            refuseWrongBlobDigest(layer, "a kaniko tarball's layer names are not checked digests");
            String path = Digests.hexOf(layer.storedName()) + ".tar.gz";
            if (!layer.missing()) {
                out.file(path, layer.stored());
            }
            layerPaths.add(path);
        }
        return Json.object().put("Config", configName).set("Layers", Json.strings(layerPaths));
    }
}
