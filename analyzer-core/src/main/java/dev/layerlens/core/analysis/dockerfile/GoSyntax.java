package dev.layerlens.core.analysis.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * Both builders record some instructions with Go's {@code %v} of their value instead of the
 * Dockerfile text: {@code ["a" "b"]} for string lists, {@code map[22/tcp:{}]} for port sets,
 * {@code [/data]} for volumes, {@code &{[…] "30s" "0s" "0s" '\x00'}} for a healthcheck. These turn
 * them back into Dockerfile syntax; anything that does not have the expected shape is kept as is.
 */
final class GoSyntax {
    private static final String[] DURATION_OPTIONS = {"--interval", "--timeout", "--start-period", "--start-interval"};

    private GoSyntax() {
    }

    /** {@code map[22/tcp:{} 8080/tcp:{}]} → {@code 22/tcp 8080/tcp}; legacy {@code 22 8080} stays. */
    static String exposeArguments(String text) {
        if (!text.startsWith("map[") || !text.endsWith("]")) {
            return text;
        }
        List<String> ports = new ArrayList<>();
        for (String item : text.substring(4, text.length() - 1).split(" ")) {
            String port = item.endsWith(":{}") ? item.substring(0, item.length() - 3) : item;
            if (!port.isEmpty()) {
                ports.add(port);
            }
        }
        return String.join(" ", ports);
    }

    /** {@code [/a /b]} → {@code /a /b}. */
    static String bracketList(String text) {
        return text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1).strip() : text;
    }

    /** {@code ["a" "b c"]} → {@code ["a", "b c"]} (Dockerfile exec form); null when not such a list. */
    static List<String> quotedList(String text) {
        String s = text.strip();
        if (!s.startsWith("[") || !s.endsWith("]")) {
            return null;
        }
        List<String> items = new ArrayList<>();
        int i = 1;
        int end = s.length() - 1;
        while (i < end) {
            char c = s.charAt(i);
            if (c == ' ' || c == ',') {
                i++;
                continue;
            }
            if (c != '"') {
                return null;
            }
            int close = closingQuote(s, i);
            if (close < 0 || close > end) {
                return null;
            }
            items.add(s.substring(i, close + 1));
            i = close + 1;
        }
        return items;
    }

    static String jsonArray(String text) {
        List<String> items = quotedList(text);
        return items == null ? text : "[" + String.join(", ", items) + "]";
    }

    /**
     * {@code &{["CMD-SHELL" "curl -f x"] "30s" "0s" "0s" '\x03'}} → {@code --interval=30s --retries=3 CMD curl -f x}.
     */
    static String healthcheck(String text) {
        String s = text.strip();
        if (!s.startsWith("&{[") || !s.endsWith("}")) {
            return s;
        }
        int close = s.indexOf(']', 2);
        while (close > 0 && insideQuotes(s, 2, close)) {
            close = s.indexOf(']', close + 1);
        }
        if (close < 0) {
            return s;
        }
        List<String> test = quotedList(s.substring(2, close + 1));
        if (test == null || test.isEmpty()) {
            return s;
        }
        List<String> options = new ArrayList<>();
        String[] rest = s.substring(close + 1, s.length() - 1).strip().split(" ");
        int duration = 0;
        for (String field : rest) {
            if (field.startsWith("\"") && duration < DURATION_OPTIONS.length) {
                String value = field.replace("\"", "");
                if (!value.equals("0s") && !value.isEmpty()) {
                    options.add(DURATION_OPTIONS[duration] + "=" + value);
                }
                duration++;
            } else if (field.startsWith("'")) {
                int retries = rune(field);
                if (retries > 0) {
                    options.add("--retries=" + retries);
                }
            }
        }
        String kind = unquote(test.get(0));
        String command;
        if (kind.equals("NONE")) {
            return "NONE";
        } else if (kind.equals("CMD-SHELL") && test.size() == 2) {
            command = "CMD " + unquote(test.get(1));
        } else {
            command = "CMD [" + String.join(", ", test.subList(1, test.size())) + "]";
        }
        return options.isEmpty() ? command : String.join(" ", options) + " " + command;
    }

    /** The index of the quote closing the Go string that opens at {@code open}, or -1. */
    private static int closingQuote(String s, int open) {
        for (int i = open + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    private static boolean insideQuotes(String s, int from, int index) {
        boolean inside = false;
        for (int i = from; i < index; i++) {
            char c = s.charAt(i);
            if (inside && c == '\\') {
                i++;
            } else if (c == '"') {
                inside = !inside;
            }
        }
        return inside;
    }

    /** A Go string literal's text with its simple escapes undone (for display only). */
    static String unquote(String quoted) {
        if (quoted.length() < 2 || !quoted.startsWith("\"") || !quoted.endsWith("\"")) {
            return quoted;
        }
        String body = quoted.substring(1, quoted.length() - 1);
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char next = body.charAt(++i);
                switch (next) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case '"', '\\' -> out.append(next);
                    default -> out.append('\\').append(next);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Go's {@code %q} of a small int: {@code '\x00'}, {@code '\x03'}, {@code '\n'}; 0 when unreadable. */
    private static int rune(String field) {
        String body = field.replace("'", "");
        try {
            if (body.startsWith("\\x")) {
                return Integer.parseInt(body.substring(2), 16);
            }
            if (body.startsWith("\\u")) {
                return Integer.parseInt(body.substring(2), 16);
            }
            if (body.equals("\\a")) {
                return 7;
            }
            if (body.equals("\\b")) {
                return 8;
            }
            if (body.equals("\\t")) {
                return 9;
            }
            if (body.equals("\\n")) {
                return 10;
            }
            if (body.equals("\\v")) {
                return 11;
            }
            if (body.equals("\\f")) {
                return 12;
            }
            if (body.equals("\\r")) {
                return 13;
            }
            return body.length() == 1 ? body.charAt(0) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
