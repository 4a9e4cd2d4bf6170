package dev.layerlens.testdata;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A {@link PlatformIndex} turned into bytes: every platform's image, attestation manifests, and the
 * index blob(s). {@link #store} decides which of them land in the archive.
 *
 * @param digest digest of the top index (the wrapper when nested)
 */
record BuiltIndex(List<Child> children, byte[] index, String digest, byte[] wrapper) {

    /** One index entry: an image (attestation null) or an attestation (image null). */
    record Child(BuiltImage image, Attestation attestation, ObjectNode descriptor) {
    }

    /** An attestation manifest with its config and in-toto statement. */
    record Attestation(byte[] manifest, String manifestDigest, byte[] config, byte[] statement) {
    }

    static BuiltIndex build(PlatformIndex spec, LayerCompression defaultCompression) {
        List<Child> children = new ArrayList<>();
        List<BuiltImage> images = spec.images().stream().map(i -> BuiltImage.build(i, defaultCompression)).toList();
        int next = 0;
        for (PlatformIndex.Member member : spec.members()) {
            if (member instanceof PlatformIndex.Platform p) {
                BuiltImage image = images.get(next++);
                ObjectNode d = BuiltImage.descriptor(BuiltImage.OCI_MANIFEST, image.manifestDigest(), image.manifest().length);
                d.set("platform", BuiltImage.platform(p.declared()));
                children.add(new Child(image, null, d));
            } else {
                Attestation a = attestation(images.get(0));
                ObjectNode d = BuiltImage.descriptor(BuiltImage.OCI_MANIFEST, a.manifestDigest(), a.manifest().length);
                d.set("annotations", Json.object()
                        .put("vnd.docker.reference.digest", images.get(0).manifestDigest())
                        .put("vnd.docker.reference.type", "attestation-manifest"));
                d.set("platform", BuiltImage.platform(PlatformSpec.UNKNOWN));
                children.add(new Child(null, a, d));
            }
        }
        ArrayNode manifests = Json.array();
        children.forEach(c -> manifests.add(c.descriptor()));
        byte[] index = Json.bytes(indexOf(manifests));
        byte[] wrapper = null;
        String digest = Digests.sha256(index);
        if (spec.nested()) {
            wrapper = Json.bytes(indexOf(Json.array().add(
                    BuiltImage.descriptor(BuiltImage.OCI_INDEX, digest, index.length))));
            digest = Digests.sha256(wrapper);
        }
        return new BuiltIndex(children, index, digest, wrapper);
    }

    long size() {
        return wrapper != null ? wrapper.length : index.length;
    }

    /** Stores the index blobs, and the content of the images {@code complete} accepts; the rest per {@code absent}. */
    void store(OuterArchive out, Predicate<BuiltImage> complete, ContainerdArchive.Absent absent) {
        for (Child c : children) {
            if (c.image() != null) {
                boolean full = complete.test(c.image());
                if (full || absent == ContainerdArchive.Absent.LAYERS) {
                    OciLayout.storeImage(c.image(), out, full);
                }
            } else if (absent != ContainerdArchive.Absent.MANIFESTS) {
                Attestation a = c.attestation();
                out.file(OciLayout.blobPath(Digests.sha256(a.statement())), a.statement());
                out.file(OciLayout.blobPath(Digests.sha256(a.config())), a.config());
                out.file(OciLayout.blobPath(a.manifestDigest()), a.manifest());
            }
        }
        out.file(OciLayout.blobPath(Digests.sha256(index)), index);
        if (wrapper != null) {
            out.file(OciLayout.blobPath(digest), wrapper);
        }
    }

    List<WrittenImage> written(List<String> names) {
        return children.stream().filter(c -> c.image() != null).map(c -> c.image().written(names)).toList();
    }

    private static ObjectNode indexOf(ArrayNode manifests) {
        ObjectNode node = Json.object().put("schemaVersion", 2).put("mediaType", BuiltImage.OCI_INDEX);
        node.set("manifests", manifests);
        return node;
    }

    /** What BuildKit attaches: a manifest whose one "layer" is an in-toto statement about the image. */
    private static Attestation attestation(BuiltImage subject) {
        ObjectNode statement = Json.object().put("_type", "https://in-toto.io/Statement/v0.1")
                .put("predicateType", "https://slsa.dev/provenance/v0.2");
        statement.putArray("subject").addObject().putObject("digest")
                .put("sha256", Digests.hexOf(subject.manifestDigest()));
        statement.putObject("predicate").put("builder", "fixture");
        byte[] statementBytes = Json.bytes(statement);
        ObjectNode config = Json.object().put("architecture", "unknown").put("os", "unknown");
        config.putObject("config");
        config.putObject("rootfs").put("type", "layers")
                .set("diff_ids", Json.strings(List.of(Digests.sha256(statementBytes))));
        byte[] configBytes = Json.bytes(config);
        ObjectNode manifest = Json.object().put("schemaVersion", 2).put("mediaType", BuiltImage.OCI_MANIFEST);
        manifest.set("config", BuiltImage.descriptor(BuiltImage.OCI_CONFIG, Digests.sha256(configBytes), configBytes.length));
        ObjectNode layer = BuiltImage.descriptor("application/vnd.in-toto+json", Digests.sha256(statementBytes),
                statementBytes.length);
        layer.putObject("annotations").put("in-toto.io/predicate-type", "https://slsa.dev/provenance/v0.2");
        manifest.putArray("layers").add(layer);
        byte[] manifestBytes = Json.bytes(manifest);
        return new Attestation(manifestBytes, Digests.sha256(manifestBytes), configBytes, statementBytes);
    }
}
