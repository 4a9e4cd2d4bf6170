package dev.layerlens.core.image.json;

import java.util.List;
import java.util.Map;

/** Wire form of an OCI image index / Docker manifest list, and of an OCI layout's index.json. */
public record IndexJson(Integer schemaVersion, String mediaType, String artifactType,
                        List<DescriptorJson> manifests, Map<String, String> annotations) {

    public List<DescriptorJson> manifestsOrEmpty() {
        return manifests == null ? List.of() : manifests.stream().filter(java.util.Objects::nonNull).toList();
    }
}
