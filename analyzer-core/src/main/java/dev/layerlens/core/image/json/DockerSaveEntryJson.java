package dev.layerlens.core.image.json;

import java.util.List;

/** One element of a {@code docker save} archive's manifest.json. */
public record DockerSaveEntryJson(String config, List<String> repoTags, List<String> layers) {

    static DockerSaveEntryJson from(JsonObject o) throws WireJson.InvalidJsonException {
        return new DockerSaveEntryJson(o.string("Config"), o.strings("RepoTags"), o.strings("Layers"));
    }

    public List<String> repoTagsOrEmpty() {
        return repoTags == null ? List.of() : repoTags;
    }

    public List<String> layersOrEmpty() {
        return layers == null ? List.of() : layers;
    }
}
