package dev.layerlens.tui;

import java.util.List;

/** The keys as the help overlay lists them: one place, in the order a new user needs them. */
final class KeyHelp {
    record Entry(String keys, String what) {
    }

    static final List<Entry> ENTRIES = List.of(
            new Entry("Tab / Shift-Tab", "next / previous pane"),
            new Entry("↑ ↓  or  k j", "move up / down (details: scroll)"),
            new Entry("PgUp PgDn", "page up / down"),
            new Entry("Home End  or  g G", "first / last"),
            new Entry("← →  or  h l", "files: collapse or go to parent / expand or go in"),
            new Entry("Space", "files: collapse / expand the directory"),
            new Entry("-  +   Ctrl+Space", "files: collapse all / expand all / toggle all"),
            new Entry("/", "filter paths by regular expression (empty: no filter)"),
            new Entry("p", "jump to a path"),
            new Entry("s", "sort by name / by size"),
            new Entry("v  or  Ctrl+L", "files: all layers up to the selected one / its changes only"),
            new Entry("Ctrl+A  Ctrl+R", "show / hide added paths, removed paths"),
            new Entry("Ctrl+U", "show / hide unmodified paths"),
            new Entry("Ctrl+M (= Enter)", "files pane: show / hide modified paths"),
            new Entry("Enter", "layers: go to the files; findings: jump to its layer and path"),
            new Entry("?", "this help (any key closes it)"),
            new Entry("q  Esc  Ctrl+C", "quit"));

    static final List<String> LEGEND = List.of(
            "A added  M modified  R removed  U unmodified (and in colour)",
            "sizes in SI units; a directory sums what it holds in the view");

    private KeyHelp() {
    }
}
