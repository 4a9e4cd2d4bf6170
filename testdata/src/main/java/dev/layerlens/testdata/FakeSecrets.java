package dev.layerlens.testdata;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.SplittableRandom;

/**
 * Obviously fake credentials in the real formats, made at run time so that the repository holds
 * no credential-shaped literal for secret scanners to trip on. Each value is deterministic (a
 * seed), carries a {@code LLFAKE}/{@code LayerlensFake} marker where its alphabet allows, and
 * ends with a caller-chosen tag ({@code 0001}) so a test can tell planted values apart.
 */
public final class FakeSecrets {
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String BASE64 = ALNUM + "+/";
    private static final String HEX = "0123456789abcdef";

    private FakeSecrets() {
    }

    /** {@code n} characters of {@code alphabet}, the same for the same seed. */
    public static String random(String alphabet, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    public static String alnum(int n, long seed) {
        return random(ALNUM, n, seed);
    }

    /** A classic GitHub personal access token: {@code ghp_} and 36 characters. */
    public static String githubToken(String tag) {
        return "ghp" + "_" + "LayerlensFake" + alnum(36 - 13 - tag.length(), tag.hashCode()) + tag;
    }

    /**
     * An AWS access key id: {@code AKIA} and 16 base32 characters. The tag's digits 0, 1, 8 and 9,
     * which base32 lacks, become O, I, B and G.
     */
    public static String awsAccessKeyId(String tag) {
        String base32Tag = tag.toUpperCase(java.util.Locale.ROOT).replace('0', 'O').replace('1', 'I').replace('8', 'B')
                .replace('9', 'G');
        return "AK" + "IA" + "LLFAKE" + random(BASE32, 10 - tag.length(), tag.hashCode()) + base32Tag;
    }

    /** An AWS secret access key: 40 base64 characters. */
    public static String awsSecretAccessKey(String tag) {
        return "LayerlensFake" + random(BASE64, 40 - 13 - tag.length(), tag.hashCode()) + tag;
    }

    /** An npm automation token: {@code npm_} and 36 characters. */
    public static String npmToken(String tag) {
        return "npm" + "_" + "LayerlensFake" + alnum(36 - 13 - tag.length(), tag.hashCode()) + tag;
    }

    /** A GitLab personal access token. */
    public static String gitlabToken(String tag) {
        return "glpat" + "-" + "LLFAKE" + alnum(20 - 6 - tag.length(), tag.hashCode()) + tag;
    }

    /** A Slack bot token. */
    public static String slackBotToken(String tag) {
        return "xo" + "xb-" + "100000000001-200000000002-" + "LayerlensFake" + alnum(11 - tag.length(), tag.hashCode()) + tag;
    }

    /** A Stripe live secret key. */
    public static String stripeKey(String tag) {
        return "sk" + "_live_" + "LayerlensFake" + alnum(24 - 13 - tag.length(), tag.hashCode()) + tag;
    }

    /** A Google API key: {@code AIza} and 35 characters. */
    public static String googleApiKey(String tag) {
        return "AI" + "za" + "LayerlensFake" + alnum(35 - 13 - tag.length(), tag.hashCode()) + tag;
    }

    /** A PyPI API token (a macaroon whose first bytes name pypi.org). */
    public static String pypiToken(String tag) {
        return "pypi" + "-AgEIcHlwaS5vcmc" + "LayerlensFake" + alnum(60 - tag.length(), tag.hashCode()) + tag;
    }

    /** A signed JWT with a fake subject. */
    public static String jwt(String tag) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"sub\":\"layerlens-fake-" + tag + "\"}").getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + "." + alnum(43, tag.hashCode());
    }

    /** A password with letters, digits and a marker, random enough for the generic rule. */
    public static String password(String tag) {
        return "LLFake" + alnum(10, tag.hashCode()) + "-" + tag;
    }

    /** Docker's {@code auth}: base64 of {@code user:password}. */
    public static String dockerAuth(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A PEM private key block of the given kind ({@code "RSA "}, {@code "OPENSSH "}, {@code ""} for PKCS#8). */
    public static String privateKey(String kind, String tag) {
        String body = random(BASE64, 64 * 12, tag.hashCode());
        StringBuilder pem = new StringBuilder("-----BEGIN " + kind + "PRIVATE" + " KEY-----\n");
        for (int i = 0; i < body.length(); i += 64) {
            pem.append(body, i, i + 64).append('\n');
        }
        pem.append("LayerlensFake").append(tag).append("==\n");
        return pem.append("-----END ").append(kind).append("PRIVATE").append(" KEY-----\n").toString();
    }

    public static String hex(int n, long seed) {
        return random(HEX, n, seed);
    }
}
