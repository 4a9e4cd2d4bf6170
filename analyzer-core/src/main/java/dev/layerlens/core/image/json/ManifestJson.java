package dev.layerlens.core.image.json;

import java.util.List;

/** Wire form of an OCI image manifest / Docker v2 schema 2 manifest. */
public record ManifestJson(Long schemaVersion, String mediaType, String artifactType,
                           DescriptorJson config, List<DescriptorJson> layers) {

    static ManifestJson from(JsonObject o) throws WireJson.InvalidJsonException {
        JsonObject config = o.object("config");
        return new ManifestJson(o.number("schemaVersion"), o.string("mediaType"), o.string("artifactType"),
                config == null ? null : DescriptorJson.from(config), IndexJson.descriptors(o.objects("layers")));
    }

    public List<DescriptorJson> layersOrEmpty() {
        return layers == null ? List.of() : layers;
    }
}
