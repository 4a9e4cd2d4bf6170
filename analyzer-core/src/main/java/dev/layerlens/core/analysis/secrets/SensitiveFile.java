package dev.layerlens.core.analysis.secrets;

import com.google.re2j.Pattern;
import dev.layerlens.core.analysis.Severity;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Files that hold credentials by their nature, reported whatever values the rules find in them:
 * a {@code .netrc} or a keystore is a leak even when its password is not in a recognisable
 * format, and an SSH key named {@code id_rsa} is one even when it is encrypted, empty or not PEM.
 * Some kinds count only when their content shows credentials (a {@code .npmrc} with an auth key, a
 * Docker config with {@code auths}, a git config with a credential in a URL).
 */
public enum SensitiveFile {
    ENV_FILE("secret/env-file", Severity.MEDIUM, "dotenv file", null),
    NPM_AUTH("secret/npm-auth-file", Severity.HIGH, "npm/yarn config with registry credentials",
            "(?i)(?:^|[\\s:\"'])(?:_authToken|_auth|_password|npmAuthToken|npmAuthIdent)[\"']?\\s*(?:=|:|\\s)\\s*[\"']?[^\\s\"'$]"),
    PYPIRC("secret/pypirc-file", Severity.MEDIUM, "PyPI upload config (.pypirc)", null),
    NETRC("secret/netrc-file", Severity.HIGH, ".netrc login file", null),
    GIT_CREDENTIALS("secret/git-credentials-file", Severity.HIGH, "git credential store", null),
    GIT_CONFIG("secret/git-config-credentials", Severity.HIGH, "git config with credentials in a remote URL",
            "://(?:[^\\s/@:]*:[^\\s/@]+|[A-Za-z0-9_\\-]{20,})@"),
    DOCKER_CONFIG("secret/docker-config-file", Severity.HIGH, "Docker client config with registry credentials",
            // an "auths" entry with a value; one with only a credsStore or credHelpers holds no secret
            "\"(?:auth|identitytoken)\"\\s*:\\s*\"[^\"]+\""),
    AWS_CREDENTIALS("secret/aws-credentials-file", Severity.HIGH, "AWS shared credentials file", null),
    KUBECONFIG("secret/kubeconfig-file", Severity.HIGH, "Kubernetes client config (kubeconfig)", null),
    KEYSTORE("secret/keystore-file", Severity.MEDIUM, "key store (PKCS#12/JKS)", null),
    SSH_PRIVATE_KEY("secret/ssh-private-key-file", Severity.HIGH, "SSH private key file", null);

    /** Content confirmations read at most this much of a file. */
    static final int CONTENT_BYTES = 64 * 1024;

    private final String id;
    private final Severity severity;
    private final String kind;
    private final Pattern confirmation;

    SensitiveFile(String id, Severity severity, String kind, String confirmation) {
        this.id = id;
        this.severity = severity;
        this.kind = kind;
        this.confirmation = confirmation == null ? null : Pattern.compile(confirmation);
    }

    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    /** What the file is, for titles. */
    public String kind() {
        return kind;
    }

    /** Whether the kind holds only when the content confirms it. */
    boolean needsContent() {
        return confirmation != null;
    }

    boolean confirmedBy(byte[] content, int length) {
        return confirmation == null
                || confirmation.matcher(new String(content, 0, Math.min(length, CONTENT_BYTES), StandardCharsets.ISO_8859_1)).find();
    }

    /** The kind of a file from its path (normalised, no leading slash), or null. */
    public static SensitiveFile of(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String lowerName = name.toLowerCase(Locale.ROOT);
        if (isEnvFile(name)) {
            return ENV_FILE;
        }
        switch (name) {
            case ".npmrc", "npmrc", ".yarnrc", ".yarnrc.yml":
                return NPM_AUTH;
            case ".pypirc":
                return PYPIRC;
            case ".netrc", "_netrc":
                return NETRC;
            case ".git-credentials":
                return GIT_CREDENTIALS;
            case ".gitconfig":
                return GIT_CONFIG;
            case ".dockercfg":
                return DOCKER_CONFIG;
            // ssh-keygen's default names; their public halves end in .pub and hold no secret
            case "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "id_ecdsa_sk", "id_ed25519_sk":
                return SSH_PRIVATE_KEY;
            default:
                break;
        }
        if (endsWith(path, ".config/git/credentials")) {
            return GIT_CREDENTIALS;
        }
        if (endsWith(path, ".git/config") || endsWith(path, ".config/git/config")) {
            return GIT_CONFIG;
        }
        if (endsWith(path, ".docker/config.json")) {
            return DOCKER_CONFIG;
        }
        if (endsWith(path, ".aws/credentials")) {
            return AWS_CREDENTIALS;
        }
        if (endsWith(path, ".kube/config") || lowerName.contains("kubeconfig")
                || path.startsWith("etc/kubernetes/") && lowerName.endsWith(".conf")) {
            return KUBECONFIG;
        }
        if (lowerName.endsWith(".p12") || lowerName.endsWith(".pfx") || lowerName.endsWith(".jks")
                || lowerName.endsWith(".keystore") || lowerName.endsWith(".jceks") || lowerName.endsWith(".bks")) {
            return KEYSTORE;
        }
        return null;
    }

    /**
     * {@code .env}, {@code .env.production}, {@code .envrc}; not the templates projects commit to
     * show which variables exist ({@code .env.example}): their values, if any, go through the rules.
     */
    private static boolean isEnvFile(String name) {
        if (name.equals(".env") || name.equals(".envrc")) {
            return true;
        }
        if (!name.startsWith(".env.")) {
            return false;
        }
        String suffix = name.substring(".env.".length()).toLowerCase(Locale.ROOT);
        return !(suffix.equals("example") || suffix.equals("sample") || suffix.equals("template") || suffix.equals("dist")
                || suffix.equals("defaults") || suffix.equals("tpl") || suffix.endsWith(".example")
                || suffix.endsWith(".sample") || suffix.endsWith(".template"));
    }

    /** {@code path} is {@code suffix} or ends with {@code /suffix} (asked of every file: no string is built). */
    private static boolean endsWith(String path, String suffix) {
        int start = path.length() - suffix.length();
        return path.endsWith(suffix) && (start == 0 || path.charAt(start - 1) == '/');
    }
}
