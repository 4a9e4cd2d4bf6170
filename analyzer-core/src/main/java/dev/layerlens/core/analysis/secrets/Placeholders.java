package dev.layerlens.core.analysis.secrets;

import java.util.Locale;
import java.util.Set;

/**
 * Values that stand for a secret without being one: references to variables and files,
 * template expressions, masks and the words people type where the real value goes later.
 * Only rules that accept free-form values use this; a value in a vendor's token format is
 * reported whatever it says.
 */
final class Placeholders {
    private static final Set<String> WORDS = Set.of("password", "passwd", "secret", "token", "changeme",
            "change_me", "change-me", "changeit", "example", "placeholder", "redacted", "removed", "hidden",
            "none", "null", "nil", "undefined", "true", "false", "empty", "default", "required", "optional",
            "string", "value", "xxx", "todo", "tbd", "replaceme", "replace_me", "notset", "not_set", "unset",
            "masked", "secretpassword", "mypassword", "yourpassword", "your_password", "your-password",
            "apikey", "api_key", "your_api_key", "your-api-key", "your_token", "your-token");

    private Placeholders() {
    }

    static boolean isPlaceholder(String value) {
        String v = value.strip();
        if (v.isEmpty()) {
            return true;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (WORDS.contains(lower)) {
            return true;
        }
        char first = v.charAt(0);
        // $VAR, ${VAR}, $(cmd), %VAR%, %s, <secret>, {{ .Values.x }}, [REDACTED], @VAR@ (autoconf), /path, ./path, ~/path
        if ("$%<{[@/~".indexOf(first) >= 0 || lower.startsWith("./")) {
            return true;
        }
        if (v.contains("${") || v.contains("$(") || v.contains("{{") || v.contains("}}") || v.contains("%s")
                || v.contains("%(") || v.contains("<") && v.contains(">")) {
            return true;
        }
        if (lower.startsWith("your_") || lower.startsWith("your-") || lower.startsWith("insert")
                || lower.startsWith("enter_") || lower.startsWith("enter-")) {
            return true;
        }
        // a value that names what it stands for: MYTOKEN1, npm_token, my-secret-2, APIKEY_HERE
        if (lower.contains("token") || lower.contains("secret") || lower.contains("apikey") || lower.contains("api_key")
                || lower.contains("api-key")) {
            return true;
        }
        return isMask(v);
    }

    /** {@code ********}, {@code xxxxxxxx}, {@code 00000000}, {@code ....}: one character repeated. */
    static boolean isMask(String v) {
        char c = Character.toLowerCase(v.charAt(0));
        for (int i = 1; i < v.length(); i++) {
            if (Character.toLowerCase(v.charAt(i)) != c) {
                return false;
            }
        }
        return true;
    }
}
