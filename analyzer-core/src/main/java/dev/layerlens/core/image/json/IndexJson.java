package dev.layerlens.core.image.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Wire form of an OCI image index / Docker manifest list, and of an OCI layout's index.json. */
public record IndexJson(Long schemaVersion, String mediaType, String artifactType,
                        List<DescriptorJson> manifests, Map<String, String> annotations) {

    static IndexJson from(JsonObject o) throws WireJson.InvalidJsonException {
        return new IndexJson(o.number("schemaVersion"), o.string("mediaType"), o.string("artifactType"),
                descriptors(o.objects("manifests")), o.stringMap("annotations"));
    }

    static List<DescriptorJson> descriptors(List<JsonObject> objects) throws WireJson.InvalidJsonException {
        if (objects == null) {
            return null;
        }
        List<DescriptorJson> out = new ArrayList<>();
        for (JsonObject o : objects) {
            out.add(DescriptorJson.from(o));
        }
        return out;
    }

    public List<DescriptorJson> manifestsOrEmpty() {
        return manifests == null ? List.of() : manifests;
    }
}
