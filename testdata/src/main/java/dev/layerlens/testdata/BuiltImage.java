package dev.layerlens.testdata;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** An image turned into bytes: layers, config, and its OCI image manifest. */
record BuiltImage(ImageSpec spec, List<BuiltLayer> layers, byte[] config, String configDigest, byte[] manifest,
                  String manifestDigest) {
    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";

    static BuiltImage build(ImageSpec spec, LayerCompression defaultCompression) {
        List<BuiltLayer> layers = new ArrayList<>();
        for (LayerSpec layer : spec.layers()) {
            layers.add(BuiltLayer.build(layer, defaultCompression));
        }
        byte[] config = Json.bytes(ConfigJson.of(spec, layers.stream().map(BuiltLayer::configDiffId).toList()));
        String configDigest = Digests.sha256(config);
        byte[] manifest = Json.bytes(manifest(OCI_CONFIG, config, layers));
        return new BuiltImage(spec, layers, config, configDigest, manifest, Digests.sha256(manifest));
    }

    WrittenImage written(List<String> names) {
        return new WrittenImage(names, spec.platform(), configDigest, manifestDigest,
                layers.stream().map(BuiltLayer::written).toList());
    }

    /** An OCI image manifest whose layer descriptors state each blob's name and intact size. */
    private static ObjectNode manifest(String configType, byte[] config, List<BuiltLayer> layers) {
        ObjectNode m = Json.object().put("schemaVersion", 2).put("mediaType", OCI_MANIFEST);
        m.set("config", descriptor(configType, Digests.sha256(config), config.length));
        ArrayNode list = m.putArray("layers");
        for (BuiltLayer l : layers) {
            list.add(descriptor(l.mediaType(), l.storedName(), l.blob().length));
        }
        return m;
    }

    static ObjectNode descriptor(String mediaType, String digest, long size) {
        return Json.object().put("mediaType", mediaType).put("digest", digest).put("size", size);
    }

    static ObjectNode platform(PlatformSpec p) {
        ObjectNode node = Json.object().put("architecture", p.architecture()).put("os", p.os());
        if (p.variant() != null) {
            node.put("variant", p.variant());
        }
        return node;
    }
}
