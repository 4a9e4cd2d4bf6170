package dev.layerlens.core.analysis.secrets;

import dev.layerlens.core.analysis.Severity;
import java.util.List;

/**
 * A kind of secret with a stable id ({@code secret/github-token}), documented in docs/rules.md.
 *
 * @param name   what it is, for titles ("GitHub token")
 * @param revoke what to do about the value itself, since it must be treated as leaked
 */
public record SecretRule(String id, Severity severity, String name, String revoke, List<SecretPattern> patterns) {
    public SecretRule {
        patterns = List.copyOf(patterns);
        if (!id.startsWith("secret/")) {
            throw new IllegalArgumentException("secret rule ids start with secret/: " + id);
        }
    }
}
