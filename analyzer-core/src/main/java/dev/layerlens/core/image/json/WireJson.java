package dev.layerlens.core.image.json;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads wire documents into the templates of this package. Lenient where registries and builders
 * differ (unknown fields, a single string where a list is expected, null elements), strict about
 * the kind of each value it uses.
 */
public final class WireJson {
    private WireJson() {
    }

    public static IndexJson readIndex(byte[] bytes, String what) throws InvalidJsonException {
        return IndexJson.from(JsonObject.parse(bytes, what));
    }

    public static ConfigJson readConfig(byte[] bytes, String what) throws InvalidJsonException {
        return ConfigJson.from(JsonObject.parse(bytes, what));
    }

    /** A docker save archive's manifest.json: one entry per image. */
    public static List<DockerSaveEntryJson> readDockerSave(byte[] bytes, String what) throws InvalidJsonException {
        List<DockerSaveEntryJson> entries = new ArrayList<>();
        for (JsonObject o : JsonObject.parseArray(bytes, what)) {
            entries.add(DockerSaveEntryJson.from(o));
        }
        return entries;
    }

    /**
     * Reads a manifest-like document whose media type may be wrong or missing (OCI layouts in the
     * wild declare {@code application/vnd.oci.descriptor.v1+json}): an index has {@code manifests},
     * an image manifest has {@code config} and {@code layers}.
     */
    public static ManifestDocument readManifestDocument(byte[] bytes, String what) throws InvalidJsonException {
        JsonObject o = JsonObject.parse(bytes, what);
        if (o.has("manifests")) {
            return new ManifestDocument.Index(IndexJson.from(o));
        }
        if (o.has("config") || o.has("layers")) {
            return new ManifestDocument.Manifest(ManifestJson.from(o));
        }
        throw new InvalidJsonException(what + " is neither an image manifest nor an index");
    }

    /** A wire document that cannot be understood; the message is one line for the user. */
    public static final class InvalidJsonException extends Exception {
        public InvalidJsonException(String message) {
            super(message);
        }
    }
}
