package dev.layerlens.tui;

/** How the entries of a directory are ordered. */
enum SortOrder {
    NAME("name"),
    /** largest first, ties by name */
    SIZE("size");

    private final String label;

    SortOrder(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    SortOrder next() {
        return this == NAME ? SIZE : NAME;
    }
}
