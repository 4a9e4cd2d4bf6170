package dev.layerlens.tui;

import dev.layerlens.core.fs.Change;
import dev.layerlens.core.fs.FileNode;
import dev.layerlens.core.fs.FileVersion;
import dev.layerlens.core.fs.LayerViews;
import dev.layerlens.core.layer.EntryType;
import dev.layerlens.core.report.Sizes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The file tree of the selected layer: a cursor row and the first row on screen, moved by walking
 * the rows next to them. Listings are made per layer and settings when first needed and a few are
 * kept, so going back to a layer or a filter costs nothing.
 */
final class FilesPane {
    private static final int LISTINGS_KEPT = 6;
    private static final int SIZES_KEPT = 8;
    private static final int SIZE_COLUMNS = 8;

    private record ListingKey(int layer, TreeSettings settings) {
    }

    private record SizesKey(int layer, ViewMode mode) {
    }

    private final LayerViews views;
    private final FileNode root;
    private final NameOrder names = new NameOrder();
    private final Expansion expansion = new Expansion();
    private final VisibleBytes visibleBytes;
    private final Map<ListingKey, TreeListing> listings = recentlyUsed(LISTINGS_KEPT);
    private final Map<SizesKey, DirSizes> sizes = recentlyUsed(SIZES_KEPT);
    private TreeSettings settings = TreeSettings.defaults();
    private int layer;
    private TreeRows rows;
    private FileNode cursor;
    private FileNode top;
    private int height = 1;

    FilesPane(LayerViews views, int layer) {
        this.views = views;
        this.root = views.tree().root();
        this.visibleBytes = new VisibleBytes(views);
        this.layer = layer;
        this.rows = rowsFor(layer, settings);
        this.cursor = rows.first();
        this.top = cursor;
    }

    private static <K, V> Map<K, V> recentlyUsed(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    private TreeRows rowsFor(int forLayer, TreeSettings forSettings) {
        TreeListing listing = listings.computeIfAbsent(new ListingKey(forLayer, forSettings), key -> {
            DirSizes dirSizes = sizes.computeIfAbsent(new SizesKey(forLayer, forSettings.mode()),
                    k -> new DirSizes(views.at(forLayer), forSettings.mode(), visibleBytes));
            return new TreeListing(views.at(forLayer), forSettings, dirSizes, names);
        });
        return new TreeRows(listing, expansion, root);
    }

    FileNode cursor() {
        return cursor;
    }

    TreeSettings settings() {
        return settings;
    }

    int layer() {
        return layer;
    }

    /** Rows the pane shows; the cursor stays on screen when it shrinks. */
    void setHeight(int rowsOnScreen) {
        height = Math.max(1, rowsOnScreen);
        if (cursor != null && rows.distance(top, cursor, height - 1) < 0) {
            top = rows.move(cursor, -(height - 1));
        }
        fillScreen();
    }

    void selectLayer(int newLayer) {
        if (newLayer != layer) {
            relist(newLayer, settings);
        }
    }

    void apply(TreeSettings newSettings) {
        if (!newSettings.equals(settings)) {
            relist(layer, newSettings);
        }
    }

    /** Switches listing, keeping the cursor on the same path (or its nearest directory) at the same screen row. */
    private void relist(int newLayer, TreeSettings newSettings) {
        int offset = screenRow();
        layer = newLayer;
        settings = newSettings;
        rows = rowsFor(newLayer, newSettings);
        settle(offset);
    }

    private int screenRow() {
        return cursor == null ? 0 : Math.max(0, rows.distance(top, cursor, height));
    }

    private void settle(int offset) {
        cursor = rows.nearestRow(cursor);
        top = cursor == null ? null : rows.move(cursor, -offset);
        fillScreen();
    }

    /** Near the end, pulls rows down so the screen stays full. */
    private void fillScreen() {
        if (top == null) {
            return;
        }
        int count = 1;
        for (FileNode n = rows.next(top); n != null && count < height; n = rows.next(n)) {
            count++;
        }
        if (count < height) {
            top = rows.move(top, -(height - count));
        }
    }

    void down(int count) {
        if (cursor == null) {
            return;
        }
        cursor = rows.move(cursor, count);
        if (rows.distance(top, cursor, height - 1) < 0) {
            top = rows.move(cursor, -(height - 1));
        }
    }

    void up(int count) {
        if (cursor == null) {
            return;
        }
        cursor = rows.move(cursor, -count);
        if (rows.distance(cursor, top, count) > 0) {
            top = cursor;
        }
    }

    void pageDown() {
        if (cursor == null) {
            return;
        }
        cursor = rows.move(cursor, height);
        top = rows.move(top, height);
        fillScreen();
        if (rows.distance(top, cursor, height - 1) < 0) {
            top = rows.move(cursor, -(height - 1));
        }
    }

    void pageUp() {
        if (cursor == null) {
            return;
        }
        cursor = rows.move(cursor, -height);
        top = rows.move(top, -height);
    }

    void home() {
        cursor = rows.first();
        top = cursor;
    }

    void end() {
        cursor = rows.last();
        top = cursor == null ? null : rows.move(cursor, -(height - 1));
    }

    /** Collapses an expanded directory, else goes to the directory above. */
    void left() {
        if (cursor == null) {
            return;
        }
        if (rows.opens(cursor)) {
            changeExpansion(() -> expansion.set(cursor, false));
        } else if (cursor.parent() != root) {
            cursor = cursor.parent();
            if (rows.distance(cursor, top, Integer.MAX_VALUE) > 0) {
                top = cursor;
            }
        }
    }

    /** Expands a collapsed directory, else goes to its first entry. */
    void right() {
        if (cursor == null || !rows.hasEntries(cursor)) {
            return;
        }
        if (!expansion.isExpanded(cursor)) {
            changeExpansion(() -> expansion.set(cursor, true));
        } else {
            down(1);
        }
    }

    /** Space: a directory opens or closes; on a file, the directory holding it closes. */
    void toggle() {
        if (cursor == null) {
            return;
        }
        if (rows.hasEntries(cursor)) {
            changeExpansion(() -> expansion.toggle(cursor));
        } else if (cursor.parent() != root) {
            FileNode dir = cursor.parent();
            changeExpansion(() -> expansion.set(dir, false));
        }
    }

    void setAllExpanded(boolean expanded) {
        changeExpansion(() -> expansion.setAll(expanded));
    }

    void toggleAll() {
        changeExpansion(() -> expansion.setAll(!expansion.isExpanded(firstDirectoryOrRoot())));
    }

    private FileNode firstDirectoryOrRoot() {
        for (FileNode n : rows.listing().entries(root)) {
            if (rows.hasEntries(n)) {
                return n;
            }
        }
        return root;
    }

    private void changeExpansion(Runnable change) {
        int offset = screenRow();
        change.run();
        settle(offset);
    }

    /**
     * Puts the cursor on {@code node}, in the middle of the screen: expands the directories above it,
     * and lifts the filters when they hide it. False when the path is not in this layer's filesystem.
     */
    boolean reveal(FileNode node) {
        if (views.at(layer).change(node) == null) {
            return false;
        }
        if (!rows.listing().shows(node)) {
            relist(layer, settings.unfiltered());
        }
        for (FileNode p = node.parent(); p != null && p != root; p = p.parent()) {
            expansion.set(p, true);
        }
        cursor = node;
        top = rows.move(cursor, -(height / 2));
        fillScreen();
        return true;
    }

    void draw(Canvas canvas, Rect area, boolean focused, Palette palette) {
        if (area.isEmpty()) {
            return;
        }
        canvas.line(area.col(), area.row(), area.width(), title(), palette.title(focused));
        Rect body = area.body();
        canvas.fill(body, palette.plain());
        if (cursor == null) {
            canvas.text(body.col(), body.row(), body.width(), emptyMessage(), palette.dim());
            return;
        }
        FileNode node = top;
        for (int r = 0; r < body.height() && node != null; r++) {
            drawRow(canvas, body.col(), body.row() + r, body.width(), node, node == cursor, focused, palette);
            node = rows.next(node);
        }
    }

    private String title() {
        StringJoiner parts = new StringJoiner(" · ", " Files · ", "");
        parts.add(settings.mode().label(layer));
        if (settings.sort() != SortOrder.NAME) {
            parts.add("by " + settings.sort().label());
        }
        if (settings.filter() != null) {
            parts.add("/" + settings.filter().source() + "/");
        }
        if (!settings.hidden().isEmpty()) {
            StringBuilder hidden = new StringBuilder("hiding");
            for (Change c : Change.values()) {
                if (settings.hidden().contains(c)) {
                    hidden.append(' ').append(Palette.marker(c));
                }
            }
            parts.add(hidden);
        }
        return parts.toString();
    }

    private String emptyMessage() {
        if (settings.filter() != null || !settings.hidden().isEmpty() || settings.mode() == ViewMode.LAYER_ONLY) {
            return "nothing matches: / clears the filter, Ctrl+A/R/M/U show kinds, v shows all layers";
        }
        return "this layer's filesystem is empty";
    }

    private void drawRow(Canvas canvas, int col, int row, int width, FileNode node, boolean isCursor,
                         boolean focused, Palette palette) {
        TreeListing listing = rows.listing();
        Change mark = listing.mark(node);
        Style style = palette.change(mark);
        if (isCursor) {
            style = palette.selected(style, focused);
        }
        StringBuilder line = new StringBuilder(width + 16);
        line.append(Palette.marker(mark)).append(' ');
        line.append(Cells.right(Sizes.si(listing.size(node)), SIZE_COLUMNS)).append(' ');
        line.append(treePrefix(node, width - SIZE_COLUMNS - 3));
        boolean directory = listing.isDirectory(node);
        if (directory) {
            line.append(rows.hasEntries(node) ? (rows.opens(node) ? "▾ " : "▸ ") : "─ ");
        } else {
            line.append("─ ");
        }
        line.append(Cells.safe(node.name()));
        FileVersion version = listing.version(node);
        if (directory) {
            line.append('/');
        } else if (version != null && version.linkTarget() != null
                && (version.type() == EntryType.SYMLINK || version.type() == EntryType.HARDLINK)) {
            line.append(version.type() == EntryType.SYMLINK ? " → " : " ⇒ ").append(Cells.safe(version.linkTarget()));
        }
        canvas.line(col, row, width, line.toString(), style);
    }

    /**
     * The tree lines in front of a name: for each directory above, a bar when more entries follow
     * it; then the branch to the row. Directories too deep for the width are folded into "…".
     */
    private String treePrefix(FileNode node, int columns) {
        int depth = NodePaths.depth(node);
        int maxLevels = Math.max(0, (columns - 14) / 2);
        FileNode[] ancestors = new FileNode[Math.min(depth, maxLevels)];
        FileNode a = node.parent();
        for (int i = ancestors.length - 1; i >= 0; i--) {
            ancestors[i] = a;
            a = a.parent();
        }
        StringBuilder prefix = new StringBuilder();
        if (depth > ancestors.length) {
            prefix.append("… ");
        }
        for (FileNode ancestor : ancestors) {
            prefix.append(isLast(ancestor) ? "  " : "│ ");
        }
        prefix.append(isLast(node) ? "└─" : "├─");
        return prefix.toString();
    }

    private boolean isLast(FileNode node) {
        return rows.listing().position(node) == rows.listing().entries(node.parent()).size() - 1;
    }
}
