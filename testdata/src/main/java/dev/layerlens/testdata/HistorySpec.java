package dev.layerlens.testdata;

/** One entry of the config's history; {@code emptyLayer} steps made no layer. Null fields are omitted. */
public record HistorySpec(String created, String createdBy, String comment, boolean emptyLayer) {

    public static HistorySpec layer(String createdBy) {
        return new HistorySpec(ImageSpec.DEFAULT_CREATED, createdBy, null, false);
    }

    public static HistorySpec empty(String createdBy) {
        return new HistorySpec(ImageSpec.DEFAULT_CREATED, createdBy, null, true);
    }

    public HistorySpec withComment(String text) {
        return new HistorySpec(created, createdBy, text, emptyLayer);
    }
}
