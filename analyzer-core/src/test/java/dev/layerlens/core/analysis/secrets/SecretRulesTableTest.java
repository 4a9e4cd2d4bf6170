package dev.layerlens.core.analysis.secrets;

import static dev.layerlens.testdata.FakeSecrets.alnum;
import static dev.layerlens.testdata.FakeSecrets.random;
import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlens.testdata.FakeSecrets;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every rule: texts it must report (with the exact value it must capture) and near misses it
 * must not. Credential-shaped strings are assembled at run time (see FakeSecrets).
 */
class SecretRulesTableTest {
    private static final String B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /** A row: in {@code text}, rule {@code rule} finds exactly {@code value}; or nothing when value is null. */
    record Row(String rule, String label, String text, String value) {
        @Override
        public String toString() {
            return rule + ": " + label;
        }
    }

    static Row hit(String rule, String label, String text, String value) {
        return new Row(rule, label, text, value);
    }

    static Row miss(String rule, String label, String text) {
        return new Row(rule, label, text, null);
    }

    static Stream<Row> rows() {
        List<Row> rows = new ArrayList<>();
        String rsa = FakeSecrets.privateKey("RSA ", "0001");
        String pkcs8 = FakeSecrets.privateKey("", "0002");
        String openssh = FakeSecrets.privateKey("OPENSSH ", "0003");
        String ec = FakeSecrets.privateKey("EC ", "0004");
        String dsa = FakeSecrets.privateKey("DSA ", "0008");
        String encrypted = "-----BEGIN RSA " + "PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,"
                + FakeSecrets.hex(32, 5).toUpperCase() + "\n\n" + random(B64, 256, 5) + "\n-----END RSA " + "PRIVATE KEY-----";
        String pgp = "-----BEGIN PGP " + "PRIVATE KEY BLOCK-----\nVersion: GnuPG v2\n\n" + random(B64, 300, 6)
                + "\n=ab12\n-----END PGP " + "PRIVATE KEY BLOCK-----";
        String escaped = "-----BEGIN " + "PRIVATE KEY-----\\n" + random(B64, 64, 7) + "\\n" + random(B64, 64, 8)
                + "\\n-----END " + "PRIVATE KEY-----\\n";
        rows.add(hit("secret/private-key", "RSA PEM in a file", "# key\n" + rsa + "trailer\n", rsa.strip()));
        rows.add(hit("secret/private-key", "PKCS#8", pkcs8, pkcs8.strip()));
        rows.add(hit("secret/private-key", "OpenSSH", openssh, openssh.strip()));
        rows.add(hit("secret/private-key", "EC", ec, ec.strip()));
        rows.add(hit("secret/private-key", "DSA", dsa, dsa.strip()));
        rows.add(hit("secret/private-key", "encrypted legacy PEM with headers", encrypted, encrypted));
        rows.add(hit("secret/private-key", "PGP private key block", pgp, pgp));
        rows.add(hit("secret/private-key", "JSON-escaped in a service account file",
                "{\"type\": \"service_account\", \"private_key\": \"" + escaped + "\"}", escaped.substring(0, escaped.length() - 2)));
        rows.add(miss("secret/private-key", "public key", rsa.replace("RSA " + "PRIVATE", "RSA PUBLIC")));
        rows.add(miss("secret/private-key", "certificate", "-----BEGIN CERTIFICATE-----\n" + random(B64, 256, 9)
                + "\n-----END CERTIFICATE-----\n"));
        rows.add(miss("secret/private-key", "code that looks for the header",
                "if line.startswith('-----BEGIN RSA " + "PRIVATE KEY-----'):\n    return parse(line)\n"));
        rows.add(miss("secret/private-key", "header without END (cut off)", rsa.substring(0, 200)));

        String akia = FakeSecrets.awsAccessKeyId("2345");
        String asia = "AS" + "IA" + random(B32, 16, 11);
        rows.add(hit("secret/aws-access-key-id", "AKIA in an env file", "AWS_ACCESS_KEY_ID=" + akia + "\n", akia));
        rows.add(hit("secret/aws-access-key-id", "temporary ASIA key in JSON", "{\"AccessKeyId\": \"" + asia + "\"}", asia));
        rows.add(miss("secret/aws-access-key-id", "15 characters", "key " + akia.substring(0, 19) + " end"));
        rows.add(miss("secret/aws-access-key-id", "a digit outside base32", "key " + "AK" + "IA" + "1" + akia.substring(5) + " end"));
        rows.add(miss("secret/aws-access-key-id", "inside a longer word", "X" + akia + "Y"));
        rows.add(miss("secret/aws-access-key-id", "AWS documentation example", "aws_access_key_id = AK" + "IA" + "IOSFODNN7" + "EXAMPLE"));
        rows.add(miss("secret/aws-access-key-id", "all one character", "AK" + "IA" + "A".repeat(16)));

        String awsSecret = FakeSecrets.awsSecretAccessKey("0001");
        rows.add(hit("secret/aws-secret-access-key", "credentials file", "[default]\naws_secret_access_key = " + awsSecret + "\n", awsSecret));
        rows.add(hit("secret/aws-secret-access-key", "environment", "AWS_SECRET_ACCESS_KEY=" + awsSecret, awsSecret));
        rows.add(hit("secret/aws-secret-access-key", "STS JSON", "\"SecretAccessKey\": \"" + awsSecret + "\",", awsSecret));
        rows.add(miss("secret/aws-secret-access-key", "39 characters", "aws_secret_access_key=" + awsSecret.substring(1)));
        rows.add(miss("secret/aws-secret-access-key", "41 characters", "aws_secret_access_key=" + awsSecret + "A"));
        rows.add(miss("secret/aws-secret-access-key", "a variable reference", "aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}"));
        rows.add(miss("secret/aws-secret-access-key", "AWS documentation example",
                "aws_secret_access_key = " + "wJalrXUtnFEMI" + "/K7MDENG/" + "bPxRfiCYEXAMPLEKEY"));

        String ghp = FakeSecrets.githubToken("0001");
        String gho = "gh" + "o_" + alnum(36, 12);
        String pat = "github" + "_pat_" + alnum(22, 13) + "_" + alnum(59, 14);
        rows.add(hit("secret/github-token", "classic PAT in a URL", "https://" + ghp + "@github.com/o/r.git", ghp));
        rows.add(hit("secret/github-token", "OAuth token", "token: " + gho, gho));
        rows.add(hit("secret/github-token", "fine-grained PAT", "GH_TOKEN=" + pat, pat));
        String ghu = "gh" + "u_" + alnum(36, 36);
        String ghs = "gh" + "s_" + alnum(36, 37);
        String ghr = "gh" + "r_" + alnum(76, 38);
        rows.add(hit("secret/github-token", "user-to-server token", "GITHUB_TOKEN=" + ghu, ghu));
        rows.add(hit("secret/github-token", "installation token in a clone URL",
                "git clone https://x-access-token:" + ghs + "@github.com/o/r.git", ghs));
        rows.add(hit("secret/github-token", "refresh token", "refresh_token=" + ghr + "&expires_in=15811200", ghr));
        rows.add(miss("secret/github-token", "ghu_ with 35 characters", "gh" + "u_" + alnum(35, 39) + " "));
        rows.add(miss("secret/github-token", "ghs_ inside a longer word", "my" + "gh" + "s_" + alnum(36, 40)));
        rows.add(miss("secret/github-token", "ghr_ masked", "gh" + "r_" + "*".repeat(36)));
        rows.add(miss("secret/github-token", "35 characters", "ghp" + "_" + alnum(35, 15) + " "));
        rows.add(miss("secret/github-token", "unknown prefix", "gh" + "x_" + alnum(36, 16)));
        rows.add(miss("secret/github-token", "masked", "ghp" + "_" + "x".repeat(36)));

        String glpat = FakeSecrets.gitlabToken("0001");
        String glptt = "glptt" + "-" + FakeSecrets.hex(40, 17);
        String runner = "GR13" + "48941" + alnum(20, 18);
        rows.add(hit("secret/gitlab-token", "personal access token", "PRIVATE-TOKEN: " + glpat, glpat));
        rows.add(hit("secret/gitlab-token", "pipeline trigger token", "token=" + glptt + "&ref=main", glptt));
        rows.add(hit("secret/gitlab-token", "runner registration token", "--registration-token " + runner, runner));
        rows.add(miss("secret/gitlab-token", "too short", "glpat" + "-" + alnum(10, 19)));
        rows.add(miss("secret/gitlab-token", "masked", "glpat" + "-" + "x".repeat(20)));

        String xoxb = FakeSecrets.slackBotToken("0001");
        rows.add(hit("secret/slack-token", "bot token", "SLACK_BOT_TOKEN=" + xoxb, xoxb));
        rows.add(miss("secret/slack-token", "placeholder", "SLACK_BOT_TOKEN=xo" + "xb-your-token-here"));
        String xapp = "xa" + "pp-1-A" + random(B32, 10, 41) + "-" + random("0123456789", 13, 42) + "-" + FakeSecrets.hex(64, 43);
        rows.add(hit("secret/slack-token", "app-level token", "SLACK_APP_TOKEN=" + xapp + "\n", xapp));
        rows.add(miss("secret/slack-token", "app-level placeholder", "SLACK_APP_TOKEN=xa" + "pp-your-app-token"));
        rows.add(miss("secret/slack-token", "app-level token cut short", "xa" + "pp-1-A" + random(B32, 10, 44) + "-"
                + random("0123456789", 13, 45) + "-" + FakeSecrets.hex(31, 46)));
        rows.add(miss("secret/slack-token", "app id in lower case", "xa" + "pp-1-a" + random(B32, 10, 47).toLowerCase()
                + "-" + random("0123456789", 13, 48) + "-" + FakeSecrets.hex(64, 49)));
        String hook = "https://hooks.slack.com/services/" + "T" + random(B32, 8, 20) + "/B" + random(B32, 10, 21) + "/" + alnum(24, 22);
        rows.add(hit("secret/slack-webhook", "incoming webhook", "curl -X POST " + hook + " -d @msg.json", hook));
        rows.add(miss("secret/slack-webhook", "Slack documentation example",
                "https://hooks.slack.com/services/" + "T00000000/B00000000/" + "X".repeat(24)));
        rows.add(miss("secret/slack-webhook", "no ids", "see https://hooks.slack.com/services/ for details"));

        String sk = FakeSecrets.stripeKey("0001");
        String rk = "rk" + "_test_" + alnum(24, 23);
        rows.add(hit("secret/stripe-key", "live secret key", "STRIPE_KEY=" + sk, sk));
        rows.add(hit("secret/stripe-key", "restricted test key", "stripe.api_key = '" + rk + "'", rk));
        rows.add(miss("secret/stripe-key", "publishable key", "pk" + "_live_" + alnum(24, 24)));
        rows.add(miss("secret/stripe-key", "too short", "sk" + "_live_" + alnum(10, 25)));
        rows.add(miss("secret/stripe-key", "Stripe documentation example", "sk" + "_test_" + "4eC39HqLyjWDarjtT1zdp7dc"));

        String aiza = FakeSecrets.googleApiKey("0001");
        rows.add(hit("secret/google-api-key", "in JavaScript", "const key = \"" + aiza + "\";", aiza));
        rows.add(miss("secret/google-api-key", "30 characters", "key=AI" + "za" + alnum(30, 26) + " "));

        String npm = FakeSecrets.npmToken("0001");
        String uuid = FakeSecrets.hex(8, 27) + "-" + FakeSecrets.hex(4, 28) + "-" + FakeSecrets.hex(4, 29) + "-"
                + FakeSecrets.hex(4, 30) + "-" + FakeSecrets.hex(12, 31);
        rows.add(hit("secret/npm-token", "npm_ token in .npmrc", "//registry.npmjs.org/:_authToken=" + npm + "\n", npm));
        rows.add(hit("secret/npm-token", "unquoted legacy _authToken", "//registry.npmjs.org/:_authToken=" + uuid + "\n", uuid));
        rows.add(hit("secret/npm-token", "yarn 1 .yarnrc", "\"//registry.yarnpkg.com/:_authToken\" \"" + uuid + "\"\n", uuid));
        rows.add(hit("secret/npm-token", "yarn 2 .yarnrc.yml", "npmAuthToken: \"" + uuid + "\"\n", uuid));
        rows.add(hit("secret/npm-token", "echo into .npmrc in a RUN",
                "/bin/sh -c echo \"//npm.example.com/:_authToken=" + uuid + "\" > .npmrc && npm ci", uuid));
        rows.add(miss("secret/npm-token", "environment reference", "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n"));
        rows.add(miss("secret/npm-token", "code", "this._authToken = options.authToken;"));
        rows.add(miss("secret/npm-token", "short npm_", "npm" + "_" + alnum(20, 32)));

        String pypi = FakeSecrets.pypiToken("0001");
        rows.add(hit("secret/pypi-token", ".pypirc password", "[pypi]\nusername = __token__\npassword = " + pypi + "\n", pypi));
        rows.add(miss("secret/pypi-token", "not a PyPI macaroon", "pypi-" + alnum(60, 33)));

        String auth = FakeSecrets.dockerAuth("layerlens", "fake-password-0001");
        rows.add(hit("secret/docker-config-auth", "config.json auths", "{\"auths\":{\"registry.example.com\":{\"auth\":\"" + auth + "\"}}}", auth));
        rows.add(hit("secret/docker-config-auth", "pretty-printed", "{\n  \"auths\": {\n    \"r.example.com\": {\n      \"auth\": \"" + auth + "\"\n    }\n  }\n}", auth));
        String token = alnum(40, 34);
        rows.add(hit("secret/docker-config-auth", "identity token", "\"identitytoken\": \"" + token + "\"", token));
        rows.add(miss("secret/docker-config-auth", "base64 without a colon",
                "\"auth\": \"" + Base64.getEncoder().encodeToString("justauser".getBytes(StandardCharsets.UTF_8)) + "\""));
        rows.add(miss("secret/docker-config-auth", "not base64", "\"auth\": \"basic\""));
        rows.add(miss("secret/docker-config-auth", "empty auths", "{\"auths\": {\"r.example.com\": {}}, \"credsStore\": \"pass\"}"));

        String jwt = FakeSecrets.jwt("0001");
        rows.add(hit("secret/jwt", "bearer JWT", "Cookie: session=" + jwt + ";", jwt));
        rows.add(miss("secret/jwt", "unsigned (alg none)", jwt.substring(0, jwt.lastIndexOf('.') + 1)));
        rows.add(miss("secret/jwt", "jwt.io example", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9" + "."
                + "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ" + "." + "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"));

        rows.add(hit("secret/password-in-url", "database URL", "DATABASE_URL=postgres://app:" + pw("0001") + "@db:5432/app", pw("0001")));
        rows.add(hit("secret/password-in-url", "git remote", "[remote \"origin\"]\n\turl = https://ci:" + pw("0002") + "@git.example.com/o/r.git\n", pw("0002")));
        rows.add(hit("secret/password-in-url", "short numeric password", "mongodb://root:" + "1234" + "@mongo/", "1234"));
        rows.add(miss("secret/password-in-url", "port, no credentials", "https://example.com:8443/path"));
        rows.add(miss("secret/password-in-url", "variable reference", "postgres://app:${DB_PASSWORD}@db/app"));
        rows.add(miss("secret/password-in-url", "placeholder word", "https://user:password@host/"));
        rows.add(miss("secret/password-in-url", "scp-style git address", "git@github.com:org/repo.git"));
        rows.add(miss("secret/password-in-url", "empty password", "ftp://anonymous:@ftp.example.com/"));

        String bearer = alnum(32, 35);
        rows.add(hit("secret/authorization-header", "curl with a bearer token",
                "curl -H \"Authorization: Bearer " + bearer + "\" https://api.example.com", bearer));
        rows.add(miss("secret/authorization-header", "variable reference", "curl -H \"Authorization: Bearer $TOKEN\" https://x"));

        rows.add(hit("secret/password-flag", "docker login -p", "docker login -u ci -p " + mixedPw("0001") + " registry.example.com", mixedPw("0001")));
        rows.add(hit("secret/password-flag", "--password=", "app --user ci --password=" + mixedPw("0002"), mixedPw("0002")));
        rows.add(hit("secret/password-flag", "mysql -pVALUE", "mysql -uroot -p" + mixedPw("0003") + " appdb < dump.sql", mixedPw("0003")));
        rows.add(hit("secret/password-flag", "sshpass", "sshpass -p " + mixedPw("0004") + " ssh deploy@host", mixedPw("0004")));
        rows.add(hit("secret/password-flag", "curl -u", "curl -u admin:" + mixedPw("0005") + " https://nexus.example.com/x", mixedPw("0005")));
        rows.add(miss("secret/password-flag", "--password-stdin", "echo \"$PW\" | docker login -u ci --password-stdin r.example.com"));
        rows.add(miss("secret/password-flag", "help text", "  --password string   Password for the registry"));
        rows.add(miss("secret/password-flag", "metavariable", "usage: tool --token TOKEN"));
        rows.add(miss("secret/password-flag", "mkdir -p", "mkdir -p /app/data && cp -p a b"));
        rows.add(miss("secret/password-flag", "docker login with a variable", "docker login -u ci -p $REGISTRY_PASSWORD r.example.com"));
        rows.add(miss("secret/password-flag", "mysql prompting for the password", "mysql -u root -p appdb"));

        rows.add(hit("secret/netrc-credentials", "one line", "machine api.example.com login ci password " + mixedPw("0001") + "\n", mixedPw("0001")));
        rows.add(hit("secret/netrc-credentials", "one field per line",
                "machine api.example.com\n  login ci\n  password " + mixedPw("0002") + "\n", mixedPw("0002")));
        rows.add(miss("secret/netrc-credentials", "variable reference", "machine h login ci password $NETRC_PASSWORD\n"));
        rows.add(miss("secret/netrc-credentials", "pip's documented example", "machine example.com\nlogin daniel\npassword qwerty\n"));
        rows.add(miss("secret/password-in-url", "pip's documented example", "https://user:he%2F%2Fo@pypi.company.com/simple"));

        String generic = FakeSecrets.password("0001");
        rows.add(hit("secret/generic-assignment", "ENV in history", "/bin/sh -c #(nop)  ENV API_TOKEN=" + generic, generic));
        rows.add(hit("secret/generic-assignment", "export in RUN", "/bin/sh -c export SECRET_KEY=" + generic + " && ./run", generic));
        rows.add(hit("secret/generic-assignment", "YAML", "database:\n  db_password: \"" + generic + "\"\n", generic));
        rows.add(hit("secret/generic-assignment", "JSON", "{\"client_secret\": \"" + generic + "\"}", generic));
        rows.add(hit("secret/generic-assignment", "BuildKit build-arg prefix",
                "RUN |2 API_KEY=" + generic + " REF=main /bin/sh -c ./deploy # buildkit", generic));
        rows.add(miss("secret/generic-assignment", "a file reference", "DB_PASSWORD_FILE=/run/secrets/db_password"));
        rows.add(miss("secret/generic-assignment", "a variable reference", "TOKEN=${TOKEN}"));
        rows.add(miss("secret/generic-assignment", "code", "password = getpass.getpass"));
        rows.add(miss("secret/generic-assignment", "a placeholder", "SECRET=changeme"));
        rows.add(miss("secret/generic-assignment", "a your-… placeholder", "api_key: your-api-key-here"));
        rows.add(miss("secret/generic-assignment", "a name about the secret", "token_type=bearer-with-refresh1"));
        rows.add(miss("secret/generic-assignment", "low entropy", "PASSWORD=aaaaaaaaaa1"));
        rows.add(miss("secret/generic-assignment", "a word", "tokenizer = WordPieceTokenizer"));
        rows.add(miss("secret/generic-assignment", "too short", "PASSWORD=Ab1!x"));
        rows.add(miss("secret/generic-assignment", "an assignment chain in minified code", "P.Minipass=P.isWritable=P.isStream=void 0"));
        rows.add(miss("secret/generic-assignment", "a camel-case identifier", "using PassName = MapClassName2PassName;"));
        rows.add(miss("secret/generic-assignment", "a value naming what it stands for", "//registry/:_authToken=MYTOKEN1"));
        rows.add(miss("secret/generic-assignment", "a hyphenated word", " * @TDLS_DIALOG_TOKEN: Non-zero"));
        rows.add(miss("secret/generic-assignment", "a version number", "'Test2::Event::Pass' => '1.302138',"));
        rows.add(miss("secret/generic-assignment", "a scoped name", "my $pwd = CPAN::anycwd();"));
        // seen in Debian's nodejs packages (js-tokens, commander, @babel/highlight)
        rows.add(miss("secret/generic-assignment", "a ternary's name", "nextLastSignificantToken = \"?NonExpressionParenEnd\";"));
        rows.add(miss("secret/generic-assignment", "a ternary's name with short words", "lastSignificantToken = \"?InterpolationInJSX\";"));
        rows.add(miss("secret/generic-assignment", "a negated name", "this._passThroughOptions = !!passThrough;"));
        rows.add(miss("secret/generic-assignment", "a build condition", "\"js-tokens\": \"condition:BABEL_8_BREAKING ? ^8.0.0 : ^4.0.0\""));
        String bang = "!" + generic;
        rows.add(hit("secret/generic-assignment", "a random value that starts with a symbol", "DB_PASSWORD='" + bang + "'", bang));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void ruleFindsExactlyThePlantedValueOrNothing(Row row) {
        SecretRules.byId(row.rule()); // the row names a real rule
        for (List<SecretMatch> matches : List.of(SecretScanner.standard().scan(row.text()),
                SecretScanner.standard().scan(bytes(row.text()), bytes(row.text()).length))) {
            List<String> values = matches.stream().filter(m -> m.rule().id().equals(row.rule()))
                    .map(SecretMatch::value).toList();
            if (row.value() == null) {
                assertThat(values).as("%s must not report in %s", row.rule(), row.text()).isEmpty();
            } else {
                assertThat(values).as("%s in %s", row.rule(), row.text()).containsExactly(row.value());
            }
        }
    }

    @Test
    void everyRuleHasTruePositivesAndNearMisses() {
        Set<String> hits = rows().filter(r -> r.value() != null).map(Row::rule).collect(Collectors.toSet());
        Set<String> misses = rows().filter(r -> r.value() == null).map(Row::rule).collect(Collectors.toSet());
        Set<String> ids = SecretRules.all().stream().map(SecretRule::id).collect(Collectors.toSet());
        assertThat(hits).isEqualTo(ids);
        assertThat(misses).isEqualTo(ids);
    }

    @Test
    void rulesHaveUniqueStableIds() {
        List<String> ids = SecretRules.all().stream().map(SecretRule::id).toList();
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("secret/[a-z0-9]+(-[a-z0-9]+)*"));
    }

    /** A password made at run time, so no credential-shaped literal sits in the source. */
    private static String pw(String tag) {
        return "Fake" + tag + "pw";
    }

    private static String mixedPw(String tag) {
        return "Fake" + tag + "Pw";
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
