package dev.layerlens.core.image.json;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Wire form of an index entry's platform. */
public record PlatformJson(String os, String architecture, String variant,
                           @JsonProperty("os.version") String osVersion) {
}
