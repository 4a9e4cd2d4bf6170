package dev.layerlens.core.image.json;

import java.util.List;

/** Wire form of an OCI image manifest / Docker v2 schema 2 manifest. */
public record ManifestJson(Integer schemaVersion, String mediaType, String artifactType,
                           DescriptorJson config, List<DescriptorJson> layers) {

    public List<DescriptorJson> layersOrEmpty() {
        return layers == null ? List.of() : layers.stream().filter(java.util.Objects::nonNull).toList();
    }
}
