package dev.layerlens.core.analysis.secrets;

/**
 * How a secret is shown when it must not be: enough to recognise it ({@code AKIA…MPLE (20 chars)},
 * {@code ghp_…0001 (40 chars)}), never enough to use it. Short values show less or nothing, so at
 * most about two fifths of any value is visible; a private key shows only its BEGIN line, which
 * names the kind of key and nothing else.
 */
public final class Redaction {
    private static final String KEY_HEADER_START = "-----BEGIN ";

    private Redaction() {
    }

    public static String redact(String value) {
        int length = value.codePointCount(0, value.length());
        if (value.startsWith(KEY_HEADER_START)) {
            int headerEnd = value.indexOf("-----", KEY_HEADER_START.length());
            if (headerEnd > 0) {
                return value.substring(0, headerEnd + 5) + "… (" + length + " chars)";
            }
        }
        int shown = length >= 20 ? 4 : length >= 12 ? 2 : 0;
        if (shown == 0) {
            return "… (" + length + " chars)";
        }
        int headEnd = value.offsetByCodePoints(0, shown);
        int tailStart = value.offsetByCodePoints(value.length(), -shown);
        return printable(value.substring(0, headEnd)) + "…" + printable(value.substring(tailStart))
                + " (" + length + " chars)";
    }

    /** Line breaks and other controls inside a value would be escaped later; keep the count honest by doing it here. */
    private static String printable(String part) {
        StringBuilder out = new StringBuilder(part.length());
        part.codePoints().forEach(c -> out.append(c < 0x20 || c == 0x7f ? '·' : Character.toString(c)));
        return out.toString();
    }
}
