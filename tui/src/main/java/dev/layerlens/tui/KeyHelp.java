package dev.layerlens.tui;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The keys as the help overlay lists them, in the order a new user needs them. An entry names
 * actions, not keys: its keys are whatever {@link KeyMap} binds to them, so a new key for an
 * action shows up here by itself.
 */
final class KeyHelp {
    /** @param what what the actions do, alternatives separated by " / " as their keys are */
    record Entry(List<Action> actions, String what) {
        Entry(Action action, String what) {
            this(List.of(action), what);
        }

        /** Each action's keys, actions separated by " / ": {@code ↑ k / ↓ j}. */
        String keys() {
            return actions.stream().map(a -> String.join(" ", KeyMap.labels(a))).collect(Collectors.joining(" / "));
        }
    }

    static final List<Entry> ENTRIES = List.of(
            new Entry(List.of(Action.NEXT_PANE, Action.PREVIOUS_PANE), "next / previous pane"),
            new Entry(List.of(Action.UP, Action.DOWN), "move up / down (details: scroll)"),
            new Entry(List.of(Action.PAGE_UP, Action.PAGE_DOWN), "page up / down"),
            new Entry(List.of(Action.HOME, Action.END), "first / last"),
            new Entry(List.of(Action.LEFT, Action.RIGHT), "files: collapse or go to parent / expand or go in"),
            new Entry(Action.TOGGLE_COLLAPSE, "files: collapse or expand the directory"),
            new Entry(List.of(Action.COLLAPSE_ALL, Action.EXPAND_ALL, Action.TOGGLE_ALL),
                    "files: collapse all / expand all / toggle all"),
            new Entry(Action.FILTER, "filter paths by regular expression (empty: no filter)"),
            new Entry(Action.JUMP_TO_PATH, "jump to a path"),
            new Entry(Action.SORT, "sort by name or by size"),
            new Entry(Action.SWITCH_VIEW, "files: layers 0–N, or layer N's changes only"),
            new Entry(List.of(Action.TOGGLE_ADDED, Action.TOGGLE_REMOVED), "show or hide added / removed paths"),
            new Entry(Action.TOGGLE_UNMODIFIED, "show or hide unmodified paths"),
            new Entry(Action.ENTER, "layers: to the files; findings: to its layer and path"),
            new Entry(Action.ENTER, "files: show or hide modified paths (Ctrl+M, as in dive)"),
            new Entry(Action.HELP, "this help (any key closes it)"),
            new Entry(Action.QUIT, "quit"));

    static final List<String> LEGEND = List.of(
            "A added  M modified  R removed  U unmodified (and in colour)",
            "sizes in SI units; a directory sums what it holds in the view");

    private KeyHelp() {
    }
}
