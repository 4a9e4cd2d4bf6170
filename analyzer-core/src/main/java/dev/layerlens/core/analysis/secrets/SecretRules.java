package dev.layerlens.core.analysis.secrets;

import static dev.layerlens.core.analysis.secrets.SecretPattern.of;

import dev.layerlens.core.analysis.Severity;
import java.util.List;

/**
 * The catalogue of secret rules, most specific first: when two rules capture overlapping text,
 * the earlier one wins (a GitHub token assigned to {@code GITHUB_TOKEN} is a github-token, not a
 * generic assignment). Every id is documented in docs/rules.md; ids never change meaning.
 * Patterns are written for this project from the vendors' published token formats.
 */
public final class SecretRules {
    /** Characters that end an unquoted value in shell, ini, YAML and JSON alike. */
    private static final String VALUE = "[^\\s\"'`;,&|<>(){}\\[\\]\\\\]";
    private static final String ASSIGN = "[\"']?\\s*(?:=|:=|:|=>)\\s*[\"']?";

    private static final List<SecretRule> ALL = List.of(
            rule("secret/private-key", Severity.CRITICAL, "private key",
                    "Treat the key as compromised: replace it and revoke whatever trusts it (authorized_keys, certificates).",
                    // the whole armoured block, headers (Proc-Type, Version) and JSON-escaped newlines included;
                    // a BEGIN line without a body (code that looks for keys) is not a key
                    of("(?P<secret>-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----(?:\\\\[rn]|\\s)+"
                                    + "(?:[A-Za-z-]+: ?[^\\r\\n\\\\]*(?:\\\\[rn]|\\s)+)*"
                                    + "[A-Za-z0-9+/=\\s\\\\]{64,}?-----END (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----)",
                            new Window(64, 16 * 1024, true), ValueFilter.ANY, "private key")
                            .guarded(new Guard("-", 7, false))),
            rule("secret/aws-access-key-id", Severity.HIGH, "AWS access key id",
                    "Deactivate and delete the access key in IAM, and rotate its secret access key.",
                    of("\\b(?P<secret>(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\\b", Window.TOKEN, ValueFilters.notMasked(4),
                            "AKIA", "ASIA", "ABIA", "ACCA")),
            rule("secret/aws-secret-access-key", Severity.CRITICAL, "AWS secret access key",
                    "Deactivate and delete the access key in IAM, and create a new one.",
                    of("(?i)(?P<name>[A-Za-z0-9_.\\-]*(?:aws[_\\-.]?secret[_\\-.]?(?:access[_\\-.]?)?key|secret[_\\-.]?access[_\\-.]?key))"
                                    + "[\"']?\\s*(?:=|:=|:|=>|\\s)\\s*[\"']?(?P<secret>[A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|$)",
                            ValueFilters.NOT_PLACEHOLDER.and((name, value) -> Entropy.looksRandom(value)),
                            "secret_access", "secretaccess", "secret-access", "secret.access", "aws_secret", "awssecret",
                            "aws-secret")),
            rule("secret/github-token", Severity.CRITICAL, "GitHub token",
                    "Revoke the token on GitHub (Settings → Developer settings), or in the GitHub App it belongs to.",
                    of("\\b(?P<secret>(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,})\\b", Window.TOKEN, ValueFilters.notMasked(4),
                            "ghp_", "gho_", "ghu_", "ghs_", "ghr_"),
                    of("\\b(?P<secret>github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})\\b", Window.TOKEN, ValueFilters.notMasked(11),
                            "github_pat_")),
            rule("secret/gitlab-token", Severity.CRITICAL, "GitLab token",
                    "Revoke the token in GitLab (access tokens, deploy tokens or the runner's settings).",
                    of("\\b(?P<secret>(?:glpat|gldt|glrt|glcbt|glimt|glagent|gloas|glsoat|glffct|glft|glwt)-"
                                    + "[A-Za-z0-9_.\\-]{19,}[A-Za-z0-9_\\-])", Window.TOKEN,
                            (name, value) -> !Placeholders.isMask(value.substring(value.indexOf('-') + 1)),
                            "glpat-", "gldt-", "glrt-", "glcbt-", "glimt-", "glagent-", "gloas-", "glsoat-", "glffct-",
                            "glft-", "glwt-"),
                    of("\\b(?P<secret>glptt-[0-9a-f]{40})\\b", Window.TOKEN, ValueFilters.notMasked(6), "glptt-"),
                    of("\\b(?P<secret>GR1348941[A-Za-z0-9_\\-]{20,})", Window.TOKEN, ValueFilters.notMasked(9), "GR1348941")),
            rule("secret/slack-token", Severity.HIGH, "Slack token",
                    "Revoke the token in the Slack app's settings (OAuth & Permissions) and reinstall the app.",
                    of("\\b(?P<secret>xox[abeoprs]-[0-9]{1,16}-[A-Za-z0-9\\-]{8,})", Window.TOKEN, ValueFilter.ANY,
                            "xoxa-", "xoxb-", "xoxe-", "xoxo-", "xoxp-", "xoxr-", "xoxs-"),
                    of("\\b(?P<secret>xapp-[0-9]-[A-Z0-9]{6,}-[0-9]{6,}-[A-Za-z0-9]{32,})", Window.TOKEN, ValueFilter.ANY, "xapp-")),
            rule("secret/slack-webhook", Severity.MEDIUM, "Slack webhook URL",
                    "Regenerate the webhook URL in Slack: anyone holding it can post to the channel.",
                    of("(?P<secret>https://hooks\\.slack\\.com/(?:services|workflows|triggers)/T[A-Za-z0-9_]{6,}(?:/[A-Za-z0-9_]{6,}){1,3})",
                            ValueFilter.ANY, "hooks.slack.com")),
            rule("secret/stripe-key", Severity.CRITICAL, "Stripe secret key",
                    "Roll the key in the Stripe dashboard (Developers → API keys).",
                    of("\\b(?P<secret>(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,})\\b", Window.TOKEN, ValueFilters.notMasked(8),
                            "sk_live_", "sk_test_", "rk_live_", "rk_test_")),
            rule("secret/google-api-key", Severity.HIGH, "Google API key",
                    "Delete or regenerate the key in the Google Cloud console (APIs & Services → Credentials) and restrict the new one.",
                    of("\\b(?P<secret>AIza[0-9A-Za-z_\\-]{35})(?:[^0-9A-Za-z_\\-]|$)", Window.TOKEN, ValueFilters.notMasked(4), "AIza")),
            rule("secret/npm-token", Severity.CRITICAL, "npm registry token",
                    "Revoke the token (npm token revoke, or the registry's settings) and create a new one.",
                    of("\\b(?P<secret>npm_[A-Za-z0-9]{36})\\b", Window.TOKEN, ValueFilters.notMasked(4), "npm_"),
                    // .npmrc (:_authToken=…, also unquoted), yarn 1 .yarnrc ("…:_authToken" value), yarn 2+ (npmAuthToken: …)
                    of("(?i)(?:^|[\\s:\"'])(?P<name>_authToken|_auth|_password|npmAuthToken|npmAuthIdent)[\"']?\\s*(?:=|:|\\s)\\s*[\"']?"
                                    + "(?P<secret>" + VALUE + "{8,})",
                            ValueFilters.CREDENTIAL_LIKE, "_auth", "_password", "npmauth")),
            rule("secret/pypi-token", Severity.CRITICAL, "PyPI API token",
                    "Remove the token in the PyPI account settings (API tokens) and create a new one.",
                    of("\\b(?P<secret>pypi-AgE[A-Za-z0-9_\\-]{50,})", new Window(16, 1024, false), ValueFilter.ANY, "pypi-AgE")),
            rule("secret/docker-config-auth", Severity.CRITICAL, "registry credentials (Docker config auth)",
                    "Change the registry password or revoke the access token; log in at run time or use a credential helper instead.",
                    of("\"auth\"\\s*:\\s*\"(?P<secret>[A-Za-z0-9+/]{4,}={0,2})\"", ValueFilters.BASE64_USER_PASSWORD, "\"auth\""),
                    of("\"(?P<name>identitytoken|registrytoken)\"\\s*:\\s*\"(?P<secret>[^\"\\s]{8,})\"",
                            ValueFilters.NOT_PLACEHOLDER, "identitytoken", "registrytoken")),
            rule("secret/jwt", Severity.MEDIUM, "JSON Web Token",
                    "Revoke the token or rotate the key that signed it, unless it has expired.",
                    of("\\b(?P<secret>eyJ[A-Za-z0-9_\\-]{8,}\\.eyJ[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]{16,})", new Window(16, 8192, false),
                            ValueFilter.ANY, "eyJ")),
            rule("secret/password-in-url", Severity.HIGH, "password in a URL",
                    "Change the password; put credentials in a secret or credential helper, not in URLs.",
                    of("(?i)\\b[a-z][a-z0-9+.\\-]{1,30}://(?P<name>[^\\s:/?#@\"'<>\\[\\]{}]+):"
                                    + "(?P<secret>[^\\s/?#@\"'<>\\[\\]{}]{4,})@[a-z0-9\\[]",
                            new Window(32, 512, false), ValueFilters.NOT_PLACEHOLDER.and((name, value) -> !value.equalsIgnoreCase("pass")
                                    && !value.equals("***")), "://").guarded(new Guard("@", 512, true))),
            rule("secret/authorization-header", Severity.HIGH, "credentials in an Authorization header",
                    "Revoke the token or change the password it encodes.",
                    of("(?i)(?P<name>authorization)[\"']?\\s*:\\s*(?:bearer|basic|token)\\s+(?P<secret>[A-Za-z0-9._~+/=\\-]{16,})",
                            ValueFilters.CREDENTIAL_LIKE, "authorization")),
            rule("secret/password-flag", Severity.HIGH, "password on a command line",
                    "Change the password; pass it through a secret file or --password-stdin, never as an argument.",
                    of("(?i)(?:^|\\s)--(?P<name>(?:[a-z]+-)?(?:password|passwd)|pass|token|secret|api-key|apikey|api-token|auth-token"
                                    + "|access-token|client-secret)(?:=|\\s+)[\"']?(?P<secret>[^\\s\"'|;&)]{4,})",
                            ValueFilters.CREDENTIAL_LIKE, "-password", "-passwd", "--pass", "--token", "--secret", "--api",
                            "--auth-token", "--access-token", "--client-secret"),
                    of("\\b(?:docker|podman|buildah|skopeo|helm|nerdctl|oras|crane)\\b[^\\n;|&]*?\\blogin\\b[^\\n;|&]*?"
                                    + "\\s-p\\s*[\"']?(?P<secret>[^\\s\"'|;&]+)",
                            ValueFilters.NOT_PLACEHOLDER, "login"),
                    of("\\bmysql(?:dump|admin|import|show|check)?\\b[^\\n;|&]*?\\s-p(?P<secret>[^\\s\"'|;&\\-][^\\s\"'|;&]*)",
                            ValueFilters.NOT_PLACEHOLDER, "mysql"),
                    of("\\bsshpass\\b[^\\n;|&]*?\\s-p\\s*[\"']?(?P<secret>[^\\s\"'|;&]+)", ValueFilters.NOT_PLACEHOLDER,
                            "sshpass"),
                    of("\\bcurl\\b[^\\n;|&]*?\\s(?:-u|--user)\\s*[\"']?(?P<name>[^\\s:\"']+):(?P<secret>[^\\s\"'|;&@]+)",
                            ValueFilters.NOT_PLACEHOLDER, "curl")),
            rule("secret/netrc-credentials", Severity.HIGH, "netrc login and password",
                    "Change the password; give the build credentials as a BuildKit secret instead of a .netrc.",
                    of("(?i)\\b(?:machine\\s+\\S+|default)\\s+login\\s+(?P<name>\\S+)\\s+password\\s+(?P<secret>\\S+)",
                            new Window(256, 512, true), ValueFilters.NOT_PLACEHOLDER, "login")),
            rule("secret/generic-assignment", Severity.MEDIUM, "secret assigned to a variable",
                    "Rotate the value, and check what it is: the rule found a random-looking value assigned to a secret-like name.",
                    of("(?i)(?P<name>[A-Za-z0-9_.\\-]*(?:pass|pwd|secret|token|api[_\\-.]?key|access[_\\-.]?key|private[_\\-.]?key"
                                    + "|auth[_\\-.]?key|credentials?)[A-Za-z0-9_.\\-]*)" + ASSIGN
                                    + "(?P<secret>" + VALUE + "{8,})",
                            ValueFilters.GENERIC_ASSIGNMENT, "pass", "pwd", "secret", "token", "apikey", "api_key", "api-key",
                            "api.key", "accesskey", "access_key", "access-key", "access.key", "privatekey", "private_key",
                            "private-key", "private.key", "authkey", "auth_key", "auth-key", "auth.key", "credential")
                            .guarded(new Guard("=:", 64, false))));

    private SecretRules() {
    }

    /** Every rule, most specific first. */
    public static List<SecretRule> all() {
        return ALL;
    }

    /** The rule with this id. */
    public static SecretRule byId(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no secret rule " + id));
    }

    private static SecretRule rule(String id, Severity severity, String name, String revoke, SecretPattern... patterns) {
        return new SecretRule(id, severity, name, revoke, List.of(patterns));
    }
}
