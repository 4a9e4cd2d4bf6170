package dev.layerlens.core.image.json;

import java.util.Map;

/** Wire form of an OCI/Docker content descriptor. */
public record DescriptorJson(
        String mediaType,
        String digest,
        Long size,
        PlatformJson platform,
        Map<String, String> annotations,
        String artifactType) {

    public Map<String, String> annotationsOrEmpty() {
        return annotations == null ? Map.of() : annotations;
    }
}
