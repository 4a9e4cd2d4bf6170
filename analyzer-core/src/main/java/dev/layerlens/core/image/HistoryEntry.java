package dev.layerlens.core.image;

/** One entry of the image config's history; {@code emptyLayer} entries made no layer. */
public record HistoryEntry(String created, String createdBy, String comment, boolean emptyLayer) {
}
