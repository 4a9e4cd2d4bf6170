package dev.layerlens.core.analysis.secrets;

import com.google.re2j.Pattern;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** The value checks rules share. */
final class ValueFilters {
    /** {@code self.token}, {@code config.api_key}, {@code process.env.SECRET}: code, not a value. */
    private static final Pattern DOTTED_IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(?:\\.[A-Za-z_$][A-Za-z0-9_$]*)+");
    /** {@code TOKEN}, {@code API_KEY}: how help texts name the value an option takes. */
    private static final Pattern METAVAR = Pattern.compile("[A-Z][A-Z0-9_\\-]*");
    /**
     * Names that hold something about a secret rather than the secret: where it is, what kind it
     * is, how long it may be ({@code PASSWORD_FILE=/run/secrets/db}, {@code TOKEN_TYPE=bearer}).
     */
    private static final List<String> NOT_A_SECRET_SUFFIXES = List.of("file", "path", "dir", "url", "uri", "endpoint",
            "host", "hostname", "port", "name", "type", "length", "len", "size", "id", "mode", "method", "format",
            "header", "ttl", "timeout", "expiry", "expires", "lifetime", "enabled", "policy", "version", "count", "env",
            "encryption", "algorithm", "algo", "cipher", "digest", "scheme", "time", "date", "timestamp", "kind", "style",
            "class", "handler", "provider", "backend", "field", "param", "prompt", "label", "hint", "regex", "pattern");
    /** {@code my_helper_fn}: an all-lower-case snake_case identifier, which generated secrets never are. */
    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(?:_[a-z0-9]+)+");
    /** {@code MapClassName2PassName}, {@code parseAuthToken}: words run together, as identifiers are. */
    private static final Pattern CAMEL_WORDS = Pattern.compile("(?:[A-Z][a-z]{2,}|[a-z]{2,}|[0-9]{1,2})+");
    /** {@code ?InterpolationInJSX}, {@code !!passThrough}: an operator before a name of letters only. */
    private static final Pattern OPERATOR_BEFORE_WORDS = Pattern.compile("[?!]+[A-Za-z]+");
    /** {@code condition:BABEL_8_BREAKING}: a word and a constant's name, as package conditions write them. */
    private static final Pattern WORD_COLON_CONSTANT = Pattern.compile("[a-z]+:[A-Z][A-Z0-9_]*");
    /** {@code 1.302138}, {@code 1219328376.07815}: versions, times and other numbers. */
    private static final Pattern NUMBER = Pattern.compile("[0-9][0-9.]*");

    private ValueFilters() {
    }

    static final ValueFilter NOT_PLACEHOLDER = (name, value) -> !Placeholders.isPlaceholder(value);

    /** For vendor token formats: the part after the fixed prefix is not one character repeated (a mask). */
    static ValueFilter notMasked(int prefixLength) {
        return (name, value) -> value.length() <= prefixLength || !Placeholders.isMask(value.substring(prefixLength));
    }

    /** A free-form value after a secret-like option or key: not a placeholder, a metavariable or code. */
    static final ValueFilter CREDENTIAL_LIKE = (name, value) -> !Placeholders.isPlaceholder(value)
            && !METAVAR.matches(value) && !looksLikeCode(value) && hasVariety(value);

    /** A value assigned to a secret-like name (the generic rule): random enough, and the name is about the value. */
    static final ValueFilter GENERIC_ASSIGNMENT = (name, value) -> nameHoldsSecret(name)
            && !Placeholders.isPlaceholder(value) && !looksLikeCode(value) && !value.contains("://")
            && Entropy.looksRandom(value);

    /**
     * Program text on the right of an assignment rather than a literal: a dotted or scoped name
     * ({@code self.token}, {@code CPAN::anycwd}, {@code $x->pwd}), a private name
     * ({@code _TokenType}), a snake_case identifier, a number, a symbol ({@code :HasOnly}), a name behind
     * an operator ({@code !!passThrough}) or a build condition ({@code condition:BABEL_8_BREAKING}).
     */
    static boolean looksLikeCode(String value) {
        char first = value.charAt(0);
        int equals = value.indexOf('=');
        return first == '_' || first == ':' || first == '=' || value.contains("::") || value.contains("->")
                || equals >= 0 && !value.substring(equals).matches("=+") // a = b = c chain; base64 pads only at the end
                || DOTTED_IDENTIFIER.matches(value) || SNAKE_CASE.matches(value) || NUMBER.matches(value)
                || OPERATOR_BEFORE_WORDS.matches(value) || WORD_COLON_CONSTANT.matches(value)
                || isCamelCaseIdentifier(value);
    }

    /** Two or more capitalised words (and small numbers) run together; random tokens have runs of capitals. */
    static boolean isCamelCaseIdentifier(String value) {
        if (!CAMEL_WORDS.matches(value)) {
            return false;
        }
        int capitals = 0;
        for (int i = 0; i < value.length(); i++) {
            if (Character.isUpperCase(value.charAt(i))) {
                capitals++;
            }
        }
        return capitals >= 2;
    }

    /** Docker's {@code auth}: base64 of {@code user:password}, both parts present. */
    static final ValueFilter BASE64_USER_PASSWORD = (name, value) -> {
        try {
            String decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon > 0 && colon < decoded.length() - 1
                    && decoded.chars().allMatch(c -> c >= 0x20 && c != 0x7f)
                    && !Placeholders.isPlaceholder(decoded.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return false;
        }
    };

    static boolean nameHoldsSecret(String name) {
        if (name == null) {
            return true;
        }
        String lower = name.toLowerCase(Locale.ROOT).replace('-', '_').replace('.', '_');
        for (String suffix : NOT_A_SECRET_SUFFIXES) {
            if (lower.endsWith("_" + suffix)) {
                return false;
            }
        }
        return true;
    }

    /** A digit, a symbol, or both cases: what separates a password from a word. */
    private static boolean hasVariety(String value) {
        boolean lower = false;
        boolean upper = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else {
                return true;
            }
        }
        return lower && upper;
    }
}
