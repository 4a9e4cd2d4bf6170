package dev.layerlens.core.image.json;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A JSON object of a wire document with typed, forgiving getters: an absent field or a JSON null
 * reads as null (or empty), a value of the wrong kind is an error naming the document and field.
 */
final class JsonObject {
    private final Map<String, Object> fields;
    private final String what;

    private JsonObject(Map<String, Object> fields, String what) {
        this.fields = fields;
        this.what = what;
    }

    /** The document's top-level object. */
    static JsonObject parse(byte[] bytes, String what) throws WireJson.InvalidJsonException {
        return of(JsonValues.parse(bytes, what), what);
    }

    /** {@code value} as an object; null stays null. */
    static JsonObject of(Object value, String what) throws WireJson.InvalidJsonException {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new WireJson.InvalidJsonException(what + " is not a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) map;
        return new JsonObject(fields, what);
    }

    /** A top-level JSON array of objects (docker save's manifest.json); null elements are skipped. */
    static List<JsonObject> parseArray(byte[] bytes, String what) throws WireJson.InvalidJsonException {
        Object value = JsonValues.parse(bytes, what);
        if (!(value instanceof List<?> list)) {
            throw new WireJson.InvalidJsonException(what + " is not a JSON array");
        }
        return objects(list, what);
    }

    boolean has(String key) {
        return fields.containsKey(key);
    }

    String string(String key) throws WireJson.InvalidJsonException {
        Object value = fields.get(key);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw wrongKind(key, "a string");
    }

    Long number(String key) throws WireJson.InvalidJsonException {
        Object value = fields.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Long || value instanceof Integer) {
            return ((Number) value).longValue();
        }
        throw wrongKind(key, value instanceof BigInteger ? "a number that fits 64 bits" : "an integer");
    }

    Boolean bool(String key) throws WireJson.InvalidJsonException {
        Object value = fields.get(key);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        throw wrongKind(key, "true or false");
    }

    JsonObject object(String key) throws WireJson.InvalidJsonException {
        Object value = fields.get(key);
        if (value == null || value instanceof Map) {
            return of(value, what + " field " + key);
        }
        throw wrongKind(key, "an object");
    }

    /** An array of objects, or null when absent; null elements are skipped. */
    List<JsonObject> objects(String key) throws WireJson.InvalidJsonException {
        Object value = fields.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list)) {
            throw wrongKind(key, "an array");
        }
        return objects(list, what + " field " + key);
    }

    /** An array of strings (a single string reads as a one-element array), or null when absent. */
    List<String> strings(String key) throws WireJson.InvalidJsonException {
        Object value = fields.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return List.of(s);
        }
        if (!(value instanceof List<?> list)) {
            throw wrongKind(key, "an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (Object element : list) {
            if (element instanceof String s) {
                out.add(s);
            } else if (element != null) {
                throw wrongKind(key, "an array of strings");
            }
        }
        return out;
    }

    /** An object of string values (labels, annotations), sorted by key; a null value reads as "". */
    Map<String, String> stringMap(String key) throws WireJson.InvalidJsonException {
        JsonObject object = object(key);
        if (object == null) {
            return null;
        }
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, Object> e : object.fields.entrySet()) {
            Object value = e.getValue();
            if (value != null && !(value instanceof String)) {
                throw wrongKind(key + "." + e.getKey(), "a string");
            }
            out.put(e.getKey(), Objects.requireNonNullElse((String) value, ""));
        }
        return out;
    }

    /** The keys of an object used as a set ({@code ExposedPorts}, {@code Volumes}), sorted; null when absent. */
    List<String> keys(String key) throws WireJson.InvalidJsonException {
        JsonObject object = object(key);
        return object == null ? null : List.copyOf(new TreeMap<>(object.fields).keySet());
    }

    private static List<JsonObject> objects(List<?> list, String what) throws WireJson.InvalidJsonException {
        List<JsonObject> out = new ArrayList<>();
        for (Object element : list) {
            JsonObject object = of(element, what + " element");
            if (object != null) {
                out.add(object);
            }
        }
        return out;
    }

    private WireJson.InvalidJsonException wrongKind(String key, String expected) {
        return new WireJson.InvalidJsonException(what + ": field " + key + " should be " + expected);
    }
}
