package dev.layerlens.core.source.daemon;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.layerlens.core.image.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The directory names of a legacy {@code docker save} (Docker before 25): each layer's
 * {@code <v1 id>/layer.tar}. Docker writes the directories in name order, which is not layer order,
 * and says which is which only in manifest.json, the last entry. But the v1 id of every layer below
 * the top is a function of things known beforehand: Docker (moby's {@code image/v1.CreateID})
 * hashes the JSON object
 * <pre>{"container_config":C,"created":T,"layer_id":"&lt;chain ID&gt;","parent":"sha256:&lt;parent v1 id&gt;"}</pre>
 * where C and T are the same empty config and epoch for every such layer, and chain IDs follow from
 * the diffIDs. So, once the first of these directories' {@code json} has shown C and T, every
 * directory is known before its {@code layer.tar} passes, and each layer streams straight to the
 * scanner. The top layer's {@code json} carries the image config and names itself.
 */
final class LegacyLayerIds {
    private static final JsonFactory JSON = new JsonFactory();

    /** What one directory's {@code json} says. */
    record V1Json(boolean top, String containerConfig, String created) {
    }

    private LegacyLayerIds() {
    }

    /**
     * The v1 ids (hex) of layers {@code 0 … n-2}, from the diffIDs and the raw JSON texts of
     * {@code container_config} and {@code created} as a lower layer's {@code json} holds them.
     */
    static List<String> belowTop(List<Digest> diffIds, String containerConfig, String created) {
        List<String> ids = new ArrayList<>();
        String chain = null;
        String parent = null;
        for (int i = 0; i + 1 < diffIds.size(); i++) {
            chain = chain == null ? diffIds.get(i).toString()
                    : "sha256:" + Digest.sha256((chain + " " + diffIds.get(i)).getBytes(StandardCharsets.US_ASCII)).hex();
            // Go marshals the map with sorted keys and no spaces
            String json = "{\"container_config\":" + containerConfig + ",\"created\":" + created
                    + ",\"layer_id\":\"" + chain + "\"" + (parent == null ? "" : ",\"parent\":\"sha256:" + parent + "\"") + "}";
            String id = Digest.sha256(json.getBytes(StandardCharsets.UTF_8)).hex();
            ids.add(id);
            parent = id;
        }
        return ids;
    }

    /**
     * Reads a directory's {@code json}: whether it is the top layer's (it holds {@code config}), and
     * the raw texts of {@code container_config} and {@code created}; empty when it is not JSON.
     */
    static Optional<V1Json> read(byte[] json) {
        String containerConfig = null;
        String created = null;
        boolean top = false;
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                int start = (int) p.currentTokenLocation().getByteOffset();
                if (value.isScalarValue()) {
                    p.getText(); // the parser reads a string's content lazily: finish it so the location is past it
                }
                p.skipChildren();
                int end = (int) p.currentLocation().getByteOffset();
                switch (name) {
                    case "config" -> top = value != JsonToken.VALUE_NULL;
                    case "container_config" -> containerConfig = new String(json, start, end - start, StandardCharsets.UTF_8);
                    case "created" -> created = new String(json, start, end - start, StandardCharsets.UTF_8);
                    default -> { }
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(new V1Json(top, containerConfig, created));
    }
}
