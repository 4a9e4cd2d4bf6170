package dev.layerlens.core.source.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One challenge of a {@code WWW-Authenticate} header (RFC 7235): a scheme and its parameters, such
 * as {@code Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/busybox:pull"}.
 * A header may hold several challenges, parameters may be quoted strings with escapes and commas
 * inside, and names are case-insensitive: so it is parsed, not split.
 *
 * @param scheme lower-case scheme ({@code bearer}, {@code basic})
 * @param params parameters by lower-case name
 */
public record AuthChallenge(String scheme, Map<String, String> params) {

    public AuthChallenge {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public String param(String name) {
        return params.get(name.toLowerCase(Locale.ROOT));
    }

    /** Every challenge in the given header values; malformed parts are dropped, not guessed at. */
    public static List<AuthChallenge> parseAll(List<String> headerValues) {
        List<AuthChallenge> all = new ArrayList<>();
        for (String value : headerValues) {
            all.addAll(new Parser(value).challenges());
        }
        return all;
    }

    public static List<AuthChallenge> parse(String headerValue) {
        return new Parser(headerValue).challenges();
    }

    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text == null ? "" : text;
        }

        List<AuthChallenge> challenges() {
            List<AuthChallenge> out = new ArrayList<>();
            skipSeparators();
            while (pos < text.length()) {
                String scheme = token();
                if (scheme.isEmpty()) {
                    return out; // not a token where a scheme must be: stop rather than guess
                }
                Map<String, String> params = new LinkedHashMap<>();
                skipSpaces();
                if (!readParams(params)) {
                    skipToken68();
                }
                out.add(new AuthChallenge(scheme.toLowerCase(Locale.ROOT), params));
                skipSeparators();
            }
            return out;
        }

        /**
         * Reads {@code name=value} pairs separated by commas, up to the start of the next challenge
         * (a token followed by a space or the end rather than by {@code =}).
         */
        private boolean readParams(Map<String, String> params) {
            boolean any = false;
            while (pos < text.length()) {
                int start = pos;
                String name = token();
                skipSpaces();
                if (name.isEmpty() || pos >= text.length() || text.charAt(pos) != '=' || isToken68Tail(name)) {
                    pos = start; // the next challenge's scheme, or a token68
                    return any;
                }
                pos++; // '='
                skipSpaces();
                String value = pos < text.length() && text.charAt(pos) == '"' ? quoted() : bareValue();
                params.putIfAbsent(name.toLowerCase(Locale.ROOT), value);
                any = true;
                skipSpaces();
                if (pos < text.length() && text.charAt(pos) == ',') {
                    pos++;
                    skipSpaces();
                } else {
                    return true;
                }
            }
            return any;
        }

        /** {@code abc==} (base64 padding up to a comma or the end) is a token68, not a parameter named abc. */
        private boolean isToken68Tail(String name) {
            int next = pos;
            while (next < text.length() && text.charAt(next) == '=') {
                next++;
            }
            while (next < text.length() && (text.charAt(next) == ' ' || text.charAt(next) == '\t')) {
                next++;
            }
            return next >= text.length() || text.charAt(next) == ',';
        }

        private void skipToken68() {
            while (pos < text.length() && text.charAt(pos) != ',') {
                pos++;
            }
        }

        private String token() {
            int start = pos;
            while (pos < text.length() && isTokenChar(text.charAt(pos))) {
                pos++;
            }
            return text.substring(start, pos);
        }

        /** An unquoted value: a token by the RFC, but servers write bare URLs too, so up to a comma or a space. */
        private String bareValue() {
            int start = pos;
            while (pos < text.length() && text.charAt(pos) != ',' && text.charAt(pos) != ' ' && text.charAt(pos) != '\t') {
                pos++;
            }
            return text.substring(start, pos);
        }

        private String quoted() {
            StringBuilder out = new StringBuilder();
            pos++; // opening quote
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == '\\' && pos < text.length()) {
                    out.append(text.charAt(pos++));
                } else if (c == '"') {
                    return out.toString();
                } else {
                    out.append(c);
                }
            }
            return out.toString(); // unterminated: take what there is
        }

        private void skipSpaces() {
            while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
                pos++;
            }
        }

        private void skipSeparators() {
            while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t' || text.charAt(pos) == ',')) {
                pos++;
            }
        }

        /** RFC 7230 tchar. */
        private static boolean isTokenChar(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
        }
    }
}
