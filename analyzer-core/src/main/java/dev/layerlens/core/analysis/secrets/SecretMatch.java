package dev.layerlens.core.analysis.secrets;

/**
 * A secret found in a text.
 *
 * @param name  what the value is assigned to ({@code API_TOKEN}, a URL's user), when the rule knows, else null
 * @param value the secret itself: never to be printed unless the user asked ({@link Disclosure})
 * @param start offset of the value in the scanned text (characters; bytes for file contents)
 * @param end   offset just past the value
 * @param line  1-based line of the value's start
 */
public record SecretMatch(SecretRule rule, String name, String value, int start, int end, int line) {
    /** Redacted: a match must not leak its value through a log line or an assertion message. */
    @Override
    public String toString() {
        return rule.id() + " at " + start + ".." + end + " line " + line + ": " + Redaction.redact(value);
    }
}
