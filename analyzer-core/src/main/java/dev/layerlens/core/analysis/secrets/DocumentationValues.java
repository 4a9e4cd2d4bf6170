package dev.layerlens.core.analysis.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The only values a rule lets through: exact example credentials that vendors print in their
 * documentation, which are published, inert and copied into countless READMEs and SDK tests.
 * Nothing else is allowed on account of where it is (a test directory is no excuse) or what it
 * says. They are kept as SHA-256 digests so this source holds no credential-shaped strings for
 * other scanners to trip on.
 */
final class DocumentationValues {
    private static final Map<String, String> DIGESTS = Map.ofEntries(
            Map.entry("1a5d44a2dca19669d72edf4c4f1c27c4c1ca4b4408fbb17f6ce4ad452d78ddb3", "AWS docs: example access key id (…EXAMPLE)"),
            Map.entry("c6ea27c534f993d31f0aef882e3d200e7b87470c379ae79c8f9b19d3bd363dc9", "AWS docs: second example access key id"),
            Map.entry("78314b11be2e581549ac1c4f616563fad3fdf0c3b71678f6e2299182080e0598", "AWS docs: example secret access key (…EXAMPLEKEY)"),
            Map.entry("e21b597ba6b9cafa59d9ebc4d65c0385f5eb3fa56abab2607fa76589ad849a33", "AWS docs: second example secret access key"),
            Map.entry("2cafc0970149a84f3b9e62eaf169f36f59907a3b3e31f7b82e68c69cd27f7326", "Stripe API reference: sample test secret key"),
            Map.entry("f2d6ca16515033e5dce14eba840b979d27b5cbae24bb3e5bf484339667f86397", "Stripe docs (older): sample test secret key"),
            Map.entry("7f75367e7881255134e1375e723d1dea8ad5f6a4fdb79d938df1f1754a830606", "jwt.io: the example HS256 token (John Doe)"),
            Map.entry("f5c388734d28087b33b453e43c4383711da5a9948dcbb607b7bdbebc176ab7d8", "Slack docs: the T00000000/B00000000 example webhook"),
            Map.entry("6c96130f130ab0d6d158397e24d2bcc1c9a5e73ae081f6e983f1c7b545d24a4c", "RFC 6749: example access token (2Yot…)"),
            Map.entry("00cf4c781dc37003f7c7dd7d4c9a6ef1e0f4c62d9a291aa8bc398774e3fefd32", "RFC 6749: example refresh token (tGzv…)"),
            Map.entry("ca7459e2b26776de081b9a07e40227fd6cff232a1e3233ff6b6aa6d036ca9981", "RFC 6749: example client credentials (Basic czZC…)"),
            // pip's authentication guide, shipped by Debian's python3-pip in /usr/share/doc
            Map.entry("ac0fd5fb36e32010bf895b3446954aab440250364670f147ce51fb4c3b126da1", "pip docs: the password of the example index URL (he%2F%2Fo)"),
            Map.entry("65e84be33532fb784c48129675f9eff3a682b27168c0ea744b2cf58ee02337c5", "pip docs: the .netrc example password (qwerty)"));

    private DocumentationValues() {
    }

    static boolean contains(String value) {
        return DIGESTS.containsKey(sha256(value));
    }

    private static String sha256(String value) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
