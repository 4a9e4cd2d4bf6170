package dev.layerlens.core.image.json;

/** Wire form of an index entry's platform. */
public record PlatformJson(String os, String architecture, String variant, String osVersion) {

    static PlatformJson from(JsonObject o) throws WireJson.InvalidJsonException {
        return new PlatformJson(o.string("os"), o.string("architecture"), o.string("variant"), o.string("os.version"));
    }
}
