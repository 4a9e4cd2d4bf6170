package dev.layerlens.core.report;

/** Text from an image made inert in HTML: no tag, attribute or entity can be opened by a file name. */
public final class Html {
    private Html() {
    }

    /** Escapes for element content and quoted attribute values; control characters shown as escapes. */
    public static String escape(String s) {
        String safe = TerminalText.sanitize(s == null ? "" : s);
        StringBuilder out = new StringBuilder(safe.length() + 16);
        for (int i = 0; i < safe.length(); i++) {
            char c = safe.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
