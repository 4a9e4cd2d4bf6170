package dev.layerlens.tui;

/** Which paths the file tree shows for the selected layer. */
enum ViewMode {
    /** the whole filesystem after stacking every layer up to the selected one, its changes marked */
    AGGREGATED("layers 0–%d"),
    /** only the paths the selected layer added, modified or removed, with the directories above them */
    LAYER_ONLY("layer %d only");

    private final String label;

    ViewMode(String label) {
        this.label = label;
    }

    /** How the files pane's title names the view of {@code layer}. */
    String label(int layer) {
        return this == AGGREGATED && layer == 0 ? "layer 0" : String.format(label, layer);
    }

    ViewMode other() {
        return this == AGGREGATED ? LAYER_ONLY : AGGREGATED;
    }
}
