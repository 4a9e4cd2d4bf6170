package dev.layerlens.core.source.registry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The error body of the Registry API ({@code {"errors":[{"code":"MANIFEST_UNKNOWN","message":…}]}})
 * as one short line: the codes and messages, cut short (the console sanitises every message it prints).
 */
final class RegistryErrors {
    private static final int MAX_BODY = 16 * 1024;
    private static final int MAX_TEXT = 200;
    private static final JsonFactory JSON = new JsonFactory();

    private RegistryErrors() {
    }

    /** {@code MANIFEST_UNKNOWN: manifest unknown}, or empty when the body says nothing readable. */
    static String describe(Response response) {
        byte[] body = BoundedBody.head(response.body(), MAX_BODY);
        List<String> parts = new ArrayList<>();
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return "";
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("errors") && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        parts.add(error(p));
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            // not the API's error form (a proxy's HTML page): the status says enough
        }
        String text = String.join("; ", parts.stream().filter(s -> !s.isEmpty()).toList());
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text;
    }

    private static String error(JsonParser p) throws IOException {
        String code = null;
        String message = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.VALUE_STRING && name.equals("code")) {
                code = p.getText();
            } else if (value == JsonToken.VALUE_STRING && name.equals("message")) {
                message = p.getText();
            } else {
                p.skipChildren();
            }
        }
        if (code == null) {
            return message == null ? "" : message;
        }
        return message == null ? code : code + ": " + message;
    }
}
