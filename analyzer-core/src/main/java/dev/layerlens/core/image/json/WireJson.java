package dev.layerlens.core.image.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * Reads wire JSON into the templates of this package. Lenient about unknown fields (registries and
 * builders add their own) and about a single string where a list is expected.
 */
public final class WireJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .build();

    private WireJson() {
    }

    /** Parses {@code bytes} as {@code type}; {@code what} names the document in the error. */
    public static <T> T read(byte[] bytes, Class<T> type, String what) throws InvalidJsonException {
        try {
            T value = MAPPER.readValue(bytes, type);
            if (value == null) {
                throw new InvalidJsonException(what + " is empty JSON (null)");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new InvalidJsonException(what + " is not valid JSON or not the expected document (" + where(e) + ")");
        } catch (IOException e) {
            throw new InvalidJsonException(what + " could not be parsed: " + e.getMessage());
        }
    }

    /**
     * Reads a manifest-like document whose media type may be wrong or missing (OCI layouts in the
     * wild declare {@code application/vnd.oci.descriptor.v1+json}): an index has {@code manifests},
     * an image manifest has {@code config} and {@code layers}.
     */
    public static ManifestDocument readManifestDocument(byte[] bytes, String what) throws InvalidJsonException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new InvalidJsonException(what + " is not valid JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidJsonException(what + " is not a JSON object");
        }
        try {
            if (tree.has("manifests")) {
                return new ManifestDocument.Index(MAPPER.treeToValue(tree, IndexJson.class));
            }
            if (tree.has("config") || tree.has("layers")) {
                return new ManifestDocument.Manifest(MAPPER.treeToValue(tree, ManifestJson.class));
            }
        } catch (JsonProcessingException e) {
            throw new InvalidJsonException(what + " has an unexpected shape (" + where(e) + ")");
        }
        throw new InvalidJsonException(what + " is neither an image manifest nor an index");
    }

    /**
     * Where the parser gave up. Jackson's own message quotes the offending input, which is
     * untrusted image content; the location is enough to find it.
     */
    private static String where(JsonProcessingException e) {
        com.fasterxml.jackson.core.JsonLocation location = e.getLocation();
        return location == null ? "unknown location"
                : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** A wire document that cannot be understood; the message is one line for the user. */
    public static final class InvalidJsonException extends Exception {
        public InvalidJsonException(String message) {
            super(message);
        }
    }
}
