package dev.layerlens.core.analysis.secrets;

import com.google.re2j.Pattern;
import java.util.List;

/**
 * One way a rule recognises a secret: keywords that must occur (any of them; ignoring case when
 * written in lower case, in exactly that case when they have an upper-case letter) for the pattern
 * to be tried, an RE2/J pattern (linear time on untrusted input) whose group named
 * {@code secret} is the value and whose optional group {@code name} is what it is assigned to,
 * how much text around a keyword it needs, an optional cheap {@link Guard} on the text after the
 * keyword, and a filter for the captured value.
 */
record SecretPattern(List<String> keywords, Pattern regex, Window window, ValueFilter filter, Guard guard) {
    static final String SECRET_GROUP = "secret";
    static final String NAME_GROUP = "name";

    SecretPattern {
        keywords = List.copyOf(keywords);
        if (keywords.isEmpty()) {
            throw new IllegalArgumentException("a pattern needs keywords: " + regex);
        }
        if (!regex.namedGroups().containsKey(SECRET_GROUP)) {
            throw new IllegalArgumentException("a pattern needs a group named secret: " + regex);
        }
    }

    static SecretPattern of(String regex, Window window, ValueFilter filter, String... keywords) {
        return new SecretPattern(List.of(keywords), Pattern.compile(regex), window, filter, null);
    }

    static SecretPattern of(String regex, ValueFilter filter, String... keywords) {
        return of(regex, Window.LINE, filter, keywords);
    }

    static SecretPattern of(String regex, String... keywords) {
        return of(regex, Window.LINE, ValueFilter.ANY, keywords);
    }

    /** This pattern, tried only where {@code guard} holds. */
    SecretPattern guarded(Guard guard) {
        return new SecretPattern(keywords, regex, window, filter, guard);
    }

    boolean hasNameGroup() {
        return regex.namedGroups().containsKey(NAME_GROUP);
    }
}
