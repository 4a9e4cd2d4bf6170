package dev.layerlens.tui;

import dev.layerlens.core.fs.FileNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The rows of a listing as the user scrolls them: depth-first, entries of expanded directories
 * under them. Rows are found by walking from a known row, never by numbering them all, so a
 * million-path tree costs what the screen shows.
 */
final class TreeRows {
    private final TreeListing listing;
    private final Expansion expansion;
    private final FileNode root;

    TreeRows(TreeListing listing, Expansion expansion, FileNode root) {
        this.listing = listing;
        this.expansion = expansion;
        this.root = root;
    }

    TreeListing listing() {
        return listing;
    }

    /** The first row, or null when nothing shows. */
    FileNode first() {
        List<FileNode> top = listing.entries(root);
        return top.isEmpty() ? null : top.get(0);
    }

    /** The last row, or null when nothing shows. */
    FileNode last() {
        FileNode node = root;
        while (opens(node)) {
            List<FileNode> entries = listing.entries(node);
            node = entries.get(entries.size() - 1);
        }
        return node == root ? null : node;
    }

    /** The row after {@code node}, or null at the end. */
    FileNode next(FileNode node) {
        if (opens(node)) {
            return listing.entries(node).get(0);
        }
        for (FileNode n = node; n != root; n = n.parent()) {
            List<FileNode> siblings = listing.entries(n.parent());
            int at = listing.position(n);
            if (at + 1 < siblings.size()) {
                return siblings.get(at + 1);
            }
        }
        return null;
    }

    /** The row before {@code node}, or null at the start. */
    FileNode previous(FileNode node) {
        int at = listing.position(node);
        if (at <= 0) {
            return node.parent() == root ? null : node.parent();
        }
        FileNode before = listing.entries(node.parent()).get(at - 1);
        while (opens(before)) {
            List<FileNode> entries = listing.entries(before);
            before = entries.get(entries.size() - 1);
        }
        return before;
    }

    /** Moves {@code count} rows down (negative: up), stopping at either end. */
    FileNode move(FileNode from, int count) {
        FileNode node = from;
        for (int i = 0; i < Math.abs(count); i++) {
            FileNode step = count > 0 ? next(node) : previous(node);
            if (step == null) {
                break;
            }
            node = step;
        }
        return node;
    }

    /** How many rows lie from {@code from} down to {@code to}, looking at most {@code limit} rows; -1 beyond. */
    int distance(FileNode from, FileNode to, int limit) {
        FileNode node = from;
        for (int i = 0; i <= limit && node != null; i++) {
            if (node == to) {
                return i;
            }
            node = next(node);
        }
        return -1;
    }

    /** True when {@code node} is an expanded directory with entries that show. */
    boolean opens(FileNode node) {
        return expansion.isExpanded(node) && !listing.entries(node).isEmpty();
    }

    /** True when {@code node} has entries that show (whether or not it is expanded). */
    boolean hasEntries(FileNode node) {
        return !listing.entries(node).isEmpty();
    }

    /**
     * The row that stands for {@code node} after the listing changed: the node itself, else its
     * nearest directory that is a row; the first row when none is.
     */
    FileNode nearestRow(FileNode node) {
        if (node == null) {
            return first();
        }
        FileNode best = null;
        // walk down from the top: the deepest ancestor that shows with every directory above it expanded
        Deque<FileNode> chain = new ArrayDeque<>();
        for (FileNode n = node; n != root; n = n.parent()) {
            chain.push(n);
        }
        for (FileNode n : chain) {
            if (!listing.shows(n)) {
                break;
            }
            best = n;
            if (!expansion.isExpanded(n)) {
                break;
            }
        }
        return best != null ? best : first();
    }
}
