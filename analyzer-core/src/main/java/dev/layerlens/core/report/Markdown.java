package dev.layerlens.core.report;

/**
 * Text from an image made inert in GitHub/GitLab-flavoured Markdown: a file name cannot open a
 * link, an HTML tag, a table cell or a heading in a pull-request comment.
 */
public final class Markdown {
    private static final String PUNCTUATION = "\\`*_[]<>|#!~";

    private Markdown() {
    }

    /** Plain text with every Markdown and HTML special character escaped, on one line. */
    public static String text(String s) {
        String safe = TerminalText.sanitize(s == null ? "" : s);
        StringBuilder out = new StringBuilder(safe.length() + 8);
        for (int i = 0; i < safe.length(); i++) {
            char c = safe.charAt(i);
            if (c == '&') {
                out.append("&amp;");
            } else if (PUNCTUATION.indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A code span that holds {@code s} literally, usable inside a table cell. */
    public static String code(String s) {
        String safe = TerminalText.sanitize(s == null ? "" : s).replace("|", "\\|");
        int longestRun = 0;
        int run = 0;
        for (int i = 0; i < safe.length(); i++) {
            run = safe.charAt(i) == '`' ? run + 1 : 0;
            longestRun = Math.max(longestRun, run);
        }
        String fence = "`".repeat(longestRun + 1);
        String pad = safe.startsWith("`") || safe.endsWith("`") ? " " : "";
        return fence + pad + safe + pad + fence;
    }
}
