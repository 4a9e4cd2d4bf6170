package dev.layerlens.core.image.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One element of a {@code docker save} archive's manifest.json. */
public record DockerSaveEntryJson(
        @JsonProperty("Config") String config,
        @JsonProperty("RepoTags") List<String> repoTags,
        @JsonProperty("Layers") List<String> layers) {

    public List<String> repoTagsOrEmpty() {
        return repoTags == null ? List.of() : repoTags;
    }

    public List<String> layersOrEmpty() {
        return layers == null ? List.of() : layers.stream().filter(java.util.Objects::nonNull).toList();
    }
}
