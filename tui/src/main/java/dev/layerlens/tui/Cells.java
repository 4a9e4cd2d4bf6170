package dev.layerlens.tui;

import com.googlecode.lanterna.TerminalTextUtils;
import dev.layerlens.core.report.TerminalText;
import java.util.ArrayList;
import java.util.List;

/**
 * Text measured in terminal columns. Every string passes {@link TerminalText#sanitize} here, so no
 * control character or escape sequence from an image reaches the terminal whoever drew it; what a
 * cell cannot hold on its own (characters beyond the BMP, combining marks) is shown as U+FFFD, so
 * columns stay aligned.
 */
final class Cells {
    static final char REPLACEMENT = '\uFFFD';

    private Cells() {
    }

    /** Sanitised text in which each char takes one or two cells. */
    static String safe(String text) {
        String s = TerminalText.sanitize(text);
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean replace = Character.isSurrogate(c) || isMark(c) || Character.getType(c) == Character.FORMAT;
            if (replace && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (out != null) {
                if (!replace) {
                    out.append(c);
                } else if (!(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)))) {
                    out.append(REPLACEMENT);
                }
            }
        }
        return out == null ? s : out.toString();
    }

    private static boolean isMark(char c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    static int width(char c) {
        return TerminalTextUtils.isCharCJK(c) ? 2 : 1;
    }

    /** Columns taken by already {@link #safe} text. */
    static int width(String safeText) {
        int w = 0;
        for (int i = 0; i < safeText.length(); i++) {
            w += width(safeText.charAt(i));
        }
        return w;
    }

    /** Safe text cut to {@code columns}, ending in an ellipsis when something was cut. */
    static String fit(String text, int columns) {
        String s = safe(text);
        if (columns <= 0) {
            return "";
        }
        if (width(s) <= columns) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < s.length(); i++) {
            int w = width(s.charAt(i));
            if (used + w > columns - 1) {
                break;
            }
            out.append(s.charAt(i));
            used += w;
        }
        return out.append('…').toString();
    }

    /** Right-aligns safe text in {@code columns} (cut when longer). */
    static String right(String text, int columns) {
        String s = fit(text, columns);
        return " ".repeat(Math.max(0, columns - width(s))) + s;
    }

    /**
     * Breaks text into lines of at most {@code columns}: at spaces where it can, inside a word where
     * a word is longer than a line. Only the spaces at the breaks are dropped; every other character
     * is on some line.
     */
    static List<String> wrap(String text, int columns) {
        String s = safe(text);
        List<String> lines = new ArrayList<>();
        if (columns <= 0) {
            return lines;
        }
        StringBuilder line = new StringBuilder();
        int used = 0;
        int lastSpace = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int w = width(c);
            while (used + w > columns && line.length() > 0) {
                if (lastSpace > 0) {
                    String rest = line.substring(lastSpace + 1);
                    lines.add(line.substring(0, lastSpace));
                    line.setLength(0);
                    line.append(rest);
                    used = width(rest);
                } else {
                    lines.add(line.toString());
                    line.setLength(0);
                    used = 0;
                }
                lastSpace = -1;
            }
            if (c == ' ' && line.length() == 0 && !lines.isEmpty()) {
                continue;
            }
            if (c == ' ') {
                lastSpace = line.length();
            }
            line.append(c);
            used += w;
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
