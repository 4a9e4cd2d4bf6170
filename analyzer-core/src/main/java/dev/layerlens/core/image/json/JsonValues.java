package dev.layerlens.core.image.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses JSON into plain values (Map, List, String, Long or BigInteger, Double, Boolean, null)
 * with Jackson's streaming parser. The data-binding layer is not used: its start-up costs the
 * command line far more than these documents take to read.
 */
final class JsonValues {
    /** Wire documents are shallow; a deeper one is hostile. */
    private static final int MAX_DEPTH = 64;
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonValues() {
    }

    static Object parse(byte[] bytes, String what) throws WireJson.InvalidJsonException {
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new WireJson.InvalidJsonException(what + " is empty");
            }
            Object value = value(parser, first, 0, what);
            if (parser.nextToken() != null) {
                throw new WireJson.InvalidJsonException(what + " has data after its JSON value (" + where(parser.currentLocation()) + ")");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new WireJson.InvalidJsonException(what + " is not valid JSON (" + where(e.getLocation()) + ")");
        } catch (IOException e) {
            throw new WireJson.InvalidJsonException(what + " could not be read: " + e.getMessage());
        }
    }

    private static Object value(JsonParser parser, JsonToken token, int depth, String what) throws IOException,
            WireJson.InvalidJsonException {
        if (depth > MAX_DEPTH) {
            throw new WireJson.InvalidJsonException(what + " nests deeper than " + MAX_DEPTH + " levels");
        }
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    object.put(name, value(parser, parser.nextToken(), depth + 1, what));
                }
                return object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    array.add(value(parser, t, depth + 1, what));
                }
                return array;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT -> {
                return parser.getNumberValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return parser.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new WireJson.InvalidJsonException(what + " has an unexpected " + token + " ("
                    + where(parser.currentLocation()) + ")");
        }
    }

    /**
     * Where the parser gave up. Jackson's own message quotes the offending input, which is
     * untrusted image content; the location is enough to find it.
     */
    static String where(JsonLocation location) {
        return location == null ? "unknown location"
                : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
