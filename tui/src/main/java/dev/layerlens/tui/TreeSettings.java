package dev.layerlens.tui;

import dev.layerlens.core.fs.Change;
import java.util.EnumSet;
import java.util.Set;

/**
 * Everything that decides which rows the file tree has, besides the layer and what is collapsed.
 * A value: a listing is computed for one settings value and kept while it stays the same.
 *
 * @param hidden the kinds of change the user hid (dive's Ctrl+A/R/M/U)
 * @param filter the path filter, or null
 */
record TreeSettings(ViewMode mode, Set<Change> hidden, PathFilter filter, SortOrder sort) {

    TreeSettings {
        hidden = hidden.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(hidden));
    }

    static TreeSettings defaults() {
        return new TreeSettings(ViewMode.AGGREGATED, Set.of(), null, SortOrder.NAME);
    }

    TreeSettings withMode(ViewMode newMode) {
        return new TreeSettings(newMode, hidden, filter, sort);
    }

    TreeSettings toggled(Change change) {
        EnumSet<Change> next = hidden.isEmpty() ? EnumSet.noneOf(Change.class) : EnumSet.copyOf(hidden);
        if (!next.remove(change)) {
            next.add(change);
        }
        return new TreeSettings(mode, next, filter, sort);
    }

    TreeSettings withFilter(PathFilter newFilter) {
        return new TreeSettings(mode, hidden, newFilter, sort);
    }

    TreeSettings withSort(SortOrder newSort) {
        return new TreeSettings(mode, hidden, filter, newSort);
    }

    /** Settings under which every path of the layer's filesystem shows (for revealing one path). */
    TreeSettings unfiltered() {
        return new TreeSettings(ViewMode.AGGREGATED, Set.of(), null, sort);
    }

    /** True when a path the layer left unmodified cannot show by itself. */
    boolean unmodifiedHidden() {
        return mode == ViewMode.LAYER_ONLY || hidden.contains(Change.UNMODIFIED);
    }
}
