package dev.layerlens.tui;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * A regular expression the user typed, found anywhere in a path written with a leading slash.
 * RE2/J: the paths come from the image, and its matching time is linear whatever the pattern.
 */
record PathFilter(String source, Pattern pattern) {

    /** @throws IllegalArgumentException with a one-line reason when {@code source} is not a valid expression */
    static PathFilter compile(String source) {
        try {
            return new PathFilter(source, Pattern.compile(source));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(e.getDescription() + " in /" + source + "/", e);
        }
    }

    /** Equal when the expression is: a compiled pattern has no value equality of its own. */
    @Override
    public boolean equals(Object other) {
        return other instanceof PathFilter f && f.source.equals(source);
    }

    @Override
    public int hashCode() {
        return source.hashCode();
    }

    boolean matches(String path) {
        return pattern.matcher(path).find();
    }
}
