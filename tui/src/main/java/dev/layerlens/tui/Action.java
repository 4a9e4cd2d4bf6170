package dev.layerlens.tui;

/** What a key asks for; which pane it acts on is the explorer's business. */
enum Action {
    NEXT_PANE, PREVIOUS_PANE,
    UP, DOWN, PAGE_UP, PAGE_DOWN, HOME, END, LEFT, RIGHT,
    /** Enter, which terminals also send for Ctrl+M */
    ENTER,
    TOGGLE_COLLAPSE, COLLAPSE_ALL, EXPAND_ALL, TOGGLE_ALL,
    FILTER, JUMP_TO_PATH, SORT, SWITCH_VIEW,
    TOGGLE_ADDED, TOGGLE_REMOVED, TOGGLE_UNMODIFIED,
    HELP, QUIT
}
