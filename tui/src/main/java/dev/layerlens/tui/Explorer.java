package dev.layerlens.tui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.fs.Change;
import dev.layerlens.core.fs.FileNode;
import dev.layerlens.core.fs.FileTree;
import dev.layerlens.core.fs.LayerViews;
import dev.layerlens.core.image.PathNames;
import dev.layerlens.core.report.Report;
import java.io.IOException;

/**
 * The interactive explorer over one image's report and file tree. It draws on any lanterna
 * {@link Screen} and takes keys from it, so tests drive it on a virtual terminal exactly as a user
 * drives it on a real one. Keys are handled as they come and the screen is drawn once per batch,
 * so a held-down key never queues redraws.
 */
public final class Explorer {
    private static final long IDLE_MILLIS = 15;
    private static final TerminalSize DEFAULT_SIZE = new TerminalSize(80, 24);

    enum Pane { LAYERS, DETAILS, FILES, FINDINGS }

    private final Report report;
    private final FileTree tree;
    private final LayerViews views;
    private final Palette palette;
    private final LayersPane layers;
    private final DetailsPane details = new DetailsPane();
    private final SummaryPane summary;
    private final FilesPane files;
    private final FindingsPane findings;
    private final HelpOverlay help = new HelpOverlay();
    private boolean helpVisible;
    private Prompt prompt;
    private String message;
    private Pane focus = Pane.LAYERS;
    private TerminalSize size = DEFAULT_SIZE;
    private boolean running = true;
    private long firstScreenNanos = -1;

    /** @param colour false for NO_COLOR: changes still carry their letters */
    public Explorer(Report report, FileTree tree, boolean colour) {
        this.report = report;
        this.tree = tree;
        this.views = new LayerViews(tree);
        this.palette = new Palette(colour);
        this.layers = new LayersPane(report.layers());
        this.summary = new SummaryPane(report);
        this.findings = new FindingsPane(report.findings());
        this.files = views.layerCount() == 0 ? null : new FilesPane(views, 0);
    }

    /** Draws, then handles keys and resizes until the user quits. The caller owns the screen. */
    public void run(Screen screen) throws IOException {
        draw(screen);
        while (running) {
            if (!step(screen)) {
                try {
                    Thread.sleep(IDLE_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Takes a pending resize and every key typed so far, then redraws once if anything happened.
     * Returns false when there was nothing to do.
     */
    public boolean step(Screen screen) throws IOException {
        boolean activity = false;
        if (screen.doResizeIfNecessary() != null) {
            size = screen.getTerminalSize();
            activity = true;
        }
        for (KeyStroke key = running ? screen.pollInput() : null; key != null; key = running ? screen.pollInput() : null) {
            handle(key);
            activity = true;
        }
        if (activity && running) {
            draw(screen);
        }
        return activity;
    }

    public boolean isRunning() {
        return running;
    }

    /** Acts on one key. */
    public void handle(KeyStroke key) {
        if (key.getKeyType() == KeyType.EOF || isCtrlC(key)) {
            running = false;
            return;
        }
        message = null;
        if (prompt != null) {
            handlePrompt(key);
            return;
        }
        Action action = KeyMap.of(key);
        if (helpVisible) {
            switch (action == null ? Action.HELP : action) {
                case UP -> help.scroll(-1);
                case DOWN -> help.scroll(1);
                case PAGE_UP -> help.scroll(-10);
                case PAGE_DOWN -> help.scroll(10);
                default -> helpVisible = false;
            }
            return;
        }
        if (action == null) {
            return;
        }
        Layout layout = layout();
        if (layout.tooSmall()) {
            // nothing to act on but the message; moving blind would lose the user's place
            running = action != Action.QUIT;
            return;
        }
        if (files != null) {
            files.setHeight(layout.files().body().height());
        }
        switch (action) {
            case QUIT -> running = false;
            case HELP -> {
                helpVisible = true;
                help.reset();
            }
            case NEXT_PANE -> focus = Pane.values()[(focus.ordinal() + 1) % Pane.values().length];
            case PREVIOUS_PANE -> focus = Pane.values()[(focus.ordinal() + Pane.values().length - 1) % Pane.values().length];
            case FILTER -> prompt = new Prompt(Prompt.Purpose.FILTER, "filter paths (regex, empty: none): ",
                    files == null || files.settings().filter() == null ? "" : files.settings().filter().source());
            case JUMP_TO_PATH -> prompt = new Prompt(Prompt.Purpose.JUMP, "jump to path: ", "/");
            default -> {
                if (files == null) {
                    act(action, layout);
                } else {
                    treeCommand(action, layout);
                }
            }
        }
    }

    private static boolean isCtrlC(KeyStroke key) {
        return key.getKeyType() == KeyType.Character && key.isCtrlDown() && !key.isAltDown()
                && Character.toLowerCase(key.getCharacter()) == 'c';
    }

    /** The file-tree commands work from every pane: they change what the tree shows, not where the focus is. */
    private void treeCommand(Action action, Layout layout) {
        TreeSettings s = files.settings();
        switch (action) {
            case SORT -> files.apply(s.withSort(s.sort().next()));
            case SWITCH_VIEW -> files.apply(s.withMode(s.mode().other()));
            case TOGGLE_ADDED -> files.apply(s.toggled(Change.ADDED));
            case TOGGLE_REMOVED -> files.apply(s.toggled(Change.REMOVED));
            case TOGGLE_UNMODIFIED -> files.apply(s.toggled(Change.UNMODIFIED));
            case COLLAPSE_ALL -> files.setAllExpanded(false);
            case EXPAND_ALL -> files.setAllExpanded(true);
            case TOGGLE_ALL -> files.toggleAll();
            default -> act(action, layout);
        }
    }

    /** Movement and Enter: what they do depends on the pane in focus. */
    private void act(Action action, Layout layout) {
        switch (focus) {
            case LAYERS -> layerAction(action, layout);
            case DETAILS -> detailsAction(action, layout);
            case FILES -> filesAction(action);
            case FINDINGS -> findingsAction(action, layout);
        }
    }

    private void layerAction(Action action, Layout layout) {
        int before = layers.selected();
        Rect area = layout.layers();
        switch (action) {
            case UP -> layers.move(-1, area);
            case DOWN -> layers.move(1, area);
            case PAGE_UP -> layers.move(-layers.pageSize(area), area);
            case PAGE_DOWN -> layers.move(layers.pageSize(area), area);
            case HOME -> layers.select(0, area);
            case END -> layers.select(layers.count() - 1, area);
            case ENTER, RIGHT -> focus = Pane.FILES;
            default -> { }
        }
        if (layers.selected() != before) {
            layerSelected();
        }
    }

    private void layerSelected() {
        details.reset();
        if (files != null) {
            files.selectLayer(layers.selected());
        }
    }

    private void detailsAction(Action action, Layout layout) {
        Rect area = layout.details();
        Report.LayerReport layer = layers.selectedLayer();
        int page = Math.max(1, area.body().height());
        switch (action) {
            case UP -> details.scroll(-1, layer, area);
            case DOWN -> details.scroll(1, layer, area);
            case PAGE_UP -> details.scroll(-page, layer, area);
            case PAGE_DOWN -> details.scroll(page, layer, area);
            case HOME -> details.scrollTo(false, layer, area);
            case END -> details.scrollTo(true, layer, area);
            default -> { }
        }
    }

    private void filesAction(Action action) {
        if (files == null) {
            return;
        }
        switch (action) {
            case UP -> files.up(1);
            case DOWN -> files.down(1);
            case PAGE_UP -> files.pageUp();
            case PAGE_DOWN -> files.pageDown();
            case HOME -> files.home();
            case END -> files.end();
            case LEFT -> files.left();
            case RIGHT -> files.right();
            case TOGGLE_COLLAPSE -> files.toggle();
            // terminals send Enter for Ctrl+M, dive's key for hiding modified paths
            case ENTER -> files.apply(files.settings().toggled(Change.MODIFIED));
            default -> { }
        }
    }

    private void findingsAction(Action action, Layout layout) {
        Rect area = layout.findings();
        switch (action) {
            case UP -> findings.move(-1, area);
            case DOWN -> findings.move(1, area);
            case PAGE_UP -> findings.move(-Math.max(1, area.body().height()), area);
            case PAGE_DOWN -> findings.move(Math.max(1, area.body().height()), area);
            case HOME -> findings.select(0, area);
            case END -> findings.select(findings.count() - 1, area);
            case ENTER -> jumpTo(findings.selected(), layout);
            default -> { }
        }
    }

    private void jumpTo(Finding finding, Layout layout) {
        if (finding == null) {
            return;
        }
        Integer layer = finding.layerIndex();
        if (layer != null && layer >= 0 && layer < layers.count()) {
            layers.select(layer, layout.layers());
            layerSelected();
            focus = Pane.LAYERS;
        }
        if (finding.path() != null && files != null) {
            FileNode node = tree.find(PathNames.normalize(finding.path()));
            if (node == null) {
                message = "the finding's path is in no layer: " + finding.path();
            } else if (!files.reveal(node)) {
                message = finding.path() + " is not in layer " + files.layer() + "'s filesystem";
            } else {
                focus = Pane.FILES;
            }
        }
    }

    private void handlePrompt(KeyStroke key) {
        Prompt current = prompt;
        switch (current.handle(key)) {
            case EDITING -> { }
            case CANCELLED -> prompt = null;
            case SUBMITTED -> {
                prompt = null;
                if (files == null) {
                    return;
                }
                if (current.purpose() == Prompt.Purpose.FILTER) {
                    applyFilter(current.text());
                } else {
                    jumpToPath(current.text());
                }
            }
        }
    }

    private void applyFilter(String text) {
        if (text.isEmpty()) {
            files.apply(files.settings().withFilter(null));
            focus = Pane.FILES;
            return;
        }
        try {
            files.apply(files.settings().withFilter(PathFilter.compile(text)));
            focus = Pane.FILES;
        } catch (IllegalArgumentException e) {
            message = "not a regular expression: " + e.getMessage() + "; the filter is unchanged";
        }
    }

    /** Shows the path in the selected layer, or in the last layer that has it when this one does not. */
    private void jumpToPath(String text) {
        String path = PathNames.normalize(text.strip());
        FileNode node = tree.find(path);
        if (node == null || node == tree.root()) {
            message = "no layer has " + text;
            return;
        }
        files.setHeight(layout().files().body().height());
        if (files.reveal(node)) {
            focus = Pane.FILES;
            return;
        }
        int asked = files.layer();
        for (int layer = views.layerCount() - 1; layer >= 0; layer--) {
            if (views.at(layer).change(node) != null) {
                layers.select(layer, layout().layers());
                layerSelected();
                files.reveal(node);
                focus = Pane.FILES;
                message = "/" + path + " is not in layer " + asked + "'s filesystem: showing layer " + layer;
                return;
            }
        }
        message = "no layer has " + text;
    }

    private Layout layout() {
        return Layout.of(size, layers.count(), findings.count(), summary.lineCount());
    }

    /** Draws every pane for the screen's current size. */
    public void draw(Screen screen) throws IOException {
        size = screen.getTerminalSize();
        Layout layout = layout();
        // no screen.clear(): it makes lanterna redraw every cell; the panes tile the screen and
        // paint all of their cells, so only what changed goes to the terminal
        Canvas canvas = new Canvas(screen.newTextGraphics());
        screen.setCursorPosition(null);
        if (layout.tooSmall()) {
            canvas.fill(new Rect(0, 0, size.getColumns(), size.getRows()), palette.plain());
            canvas.text(0, 0, size.getColumns(), "terminal too small (" + size.getColumns() + "x" + size.getRows()
                    + "), needs " + Layout.MIN_WIDTH + "x" + Layout.MIN_HEIGHT + "; q quits", palette.warning());
            screen.refresh();
            return;
        }
        if (files != null) {
            files.setHeight(layout.files().body().height());
        }
        layers.draw(canvas, layout.layers(), focus == Pane.LAYERS, palette);
        if (focus == Pane.FINDINGS && findings.selected() != null) {
            FindingDetails.draw(canvas, layout.details(), findings.selected(), palette);
        } else {
            details.draw(canvas, layout.details(), layers.selectedLayer(), focus == Pane.DETAILS, palette);
        }
        summary.draw(canvas, layout.summary(), palette);
        if (files != null) {
            files.draw(canvas, layout.files(), focus == Pane.FILES, palette);
        } else {
            canvas.line(layout.files().col(), layout.files().row(), layout.files().width(), " Files", palette.title(false));
            canvas.text(layout.files().col(), layout.files().row() + 1, layout.files().width(), "the image has no layers",
                    palette.dim());
        }
        findings.draw(canvas, layout.findings(), focus == Pane.FINDINGS, palette);
        Rect separator = layout.separator();
        for (int r = 0; r < separator.height(); r++) {
            canvas.text(separator.col(), separator.row() + r, 1, "│", palette.dim());
        }
        if (helpVisible) {
            help.draw(canvas, new Rect(0, 0, size.getColumns(), size.getRows() - 1), palette);
        }
        drawStatus(canvas, layout.status(), screen);
        screen.refresh();
        if (firstScreenNanos < 0) {
            firstScreenNanos = System.nanoTime();
        }
    }

    /** {@link System#nanoTime()} when the first full screen was on the terminal, or -1 before. */
    public long firstScreenNanos() {
        return firstScreenNanos;
    }

    private void drawStatus(Canvas canvas, Rect status, Screen screen) {
        if (prompt != null) {
            int used = canvas.text(status.col(), status.row(), status.width(), prompt.label(), palette.label());
            String text = prompt.text();
            // the field scrolls so that the caret stays on screen
            int room = Math.max(1, status.width() - used - 1);
            int start = Math.max(0, prompt.caret() - room + 1);
            canvas.line(status.col() + used, status.row(), status.width() - used,
                    text.substring(Math.min(start, text.length())), palette.plain());
            int caretCol = status.col() + used + Cells.width(Cells.safe(text.substring(start, prompt.caret())));
            screen.setCursorPosition(new TerminalPosition(Math.min(caretCol, status.width() - 1), status.row()));
            return;
        }
        if (message != null) {
            canvas.line(status.col(), status.row(), status.width(), message, palette.warning());
            return;
        }
        canvas.line(status.col(), status.row(), status.width(), hints(), palette.statusBar());
    }

    private String hints() {
        return switch (focus) {
            case LAYERS -> " ? help  q quit  Tab pane  ↑↓ layer  Enter files  / filter  p path  s sort  v view  ^A^R^U kinds";
            case DETAILS -> " ? help  q quit  Tab pane  ↑↓ scroll  / filter  p path";
            case FILES -> " ? help  q quit  Tab pane  ↑↓ move  ←→ Space fold  / filter  p path  s sort  v view  ^A^R^M^U kinds";
            case FINDINGS -> " ? help  q quit  Tab pane  ↑↓ finding  Enter show it";
        };
    }

    Pane focus() {
        return focus;
    }

    int selectedLayer() {
        return layers.selected();
    }
}
