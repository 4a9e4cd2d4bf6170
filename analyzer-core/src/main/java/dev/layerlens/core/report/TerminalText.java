package dev.layerlens.core.report;

/**
 * Makes text from an image safe for a terminal: control characters (C0, DEL, C1), and Unicode
 * bidirectional overrides become visible escapes, so no escape sequence reaches the terminal.
 */
public final class TerminalText {
    private TerminalText() {
    }

    public static String sanitize(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (unsafe(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(c <= 0xff ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean unsafe(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f)
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200e || c == 0x200f || c == 0x061c;
    }

    /** Sanitises, then cuts to {@code width} characters with an ellipsis. */
    public static String fit(String text, int width) {
        String safe = sanitize(text);
        if (width <= 0 || safe.length() <= width) {
            return safe;
        }
        return width == 1 ? "…" : safe.substring(0, width - 1) + "…";
    }
}
