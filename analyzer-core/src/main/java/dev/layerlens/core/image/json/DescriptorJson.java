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

    static DescriptorJson from(JsonObject o) throws WireJson.InvalidJsonException {
        JsonObject platform = o.object("platform");
        return new DescriptorJson(o.string("mediaType"), o.string("digest"), o.number("size"),
                platform == null ? null : PlatformJson.from(platform), o.stringMap("annotations"), o.string("artifactType"));
    }

    public Map<String, String> annotationsOrEmpty() {
        return annotations == null ? Map.of() : annotations;
    }
}
