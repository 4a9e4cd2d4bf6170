package dev.layerlens.core.analysis.secrets;

import java.util.List;

/**
 * Whether secrets may be shown in clear ({@code --show-secrets}) or are redacted. Everything that
 * can carry a secret to an output passes through here: finding evidence, history commands, error
 * messages.
 */
public enum Disclosure {
    REDACT, REVEAL;

    public static Disclosure of(boolean showSecrets) {
        return showSecrets ? REVEAL : REDACT;
    }

    /** One secret value, as it may be shown. */
    public String value(String secret) {
        return this == REVEAL ? secret : Redaction.redact(secret);
    }

    /** Free text (a history command, an error message) with every secret the rules find in it redacted. */
    public String text(String text) {
        if (this == REVEAL || text == null || text.isEmpty()) {
            return text;
        }
        String redacted = text;
        String previous;
        List<SecretMatch> matches;
        do {
            // a scan reports at most MAX_MATCHES: go again until none is left (a redacted value matches no rule)
            previous = redacted;
            matches = SecretScanner.standard().scan(redacted);
            redacted = replace(redacted, matches);
        } while (matches.size() == SecretScanner.MAX_MATCHES && !redacted.equals(previous));
        return redacted;
    }

    private static String replace(String text, List<SecretMatch> matches) {
        if (matches.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (SecretMatch m : matches) {
            out.append(text, at, m.start()).append(Redaction.redact(m.value()));
            at = m.end();
        }
        return out.append(text, at, text.length()).toString();
    }
}
