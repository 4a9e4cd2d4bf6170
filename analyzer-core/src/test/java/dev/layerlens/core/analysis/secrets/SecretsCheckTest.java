package dev.layerlens.core.analysis.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.Severity;
import dev.layerlens.testdata.FakeSecrets;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The check over an in-memory image: every place a secret can hide, each reported where it is. */
class SecretsCheckTest {
    private static final String GITHUB = FakeSecrets.githubToken("0001");
    private static final String ENV_FILE_TOKEN = FakeSecrets.password("0002");
    private static final String KEY = FakeSecrets.privateKey("RSA ", "0003");
    private static final String NPM = FakeSecrets.npmToken("0004");
    private static final String GIT_PASSWORD = FakeSecrets.password("0005");
    private static final String DOCKER_PASSWORD = FakeSecrets.password("0006");
    private static final String ENV_INSTRUCTION = FakeSecrets.password("0007");
    private static final String AWS_SECRET = FakeSecrets.awsSecretAccessKey("0008");
    private static final String CMD_PASSWORD = FakeSecrets.password("0009");
    private static final String LABEL_TOKEN = FakeSecrets.gitlabToken("0010");
    private static final String YARN_TOKEN = FakeSecrets.npmToken("0013");

    private static SyntheticImage leakyImage() {
        return new SyntheticImage()
                .layer("/bin/sh -c #(nop) ADD file:abc in / ").file("etc/hostname", "box\n").done()
                .emptyHistory("/bin/sh -c #(nop)  ENV API_TOKEN=" + ENV_INSTRUCTION)
                .layer("COPY . /app # buildkit")
                .file("app/.env", "# settings\nAPI_TOKEN=" + ENV_FILE_TOKEN + "\n")
                .file("root/.ssh/id_rsa", KEY).done()
                .layer("RUN /bin/sh -c chmod 600 /root/.ssh/id_rsa # buildkit").file("root/.ssh/id_rsa", KEY).done()
                .layer("RUN |1 GITHUB_TOKEN=" + GITHUB + " /bin/sh -c rm /app/.env /root/.ssh/id_rsa # buildkit")
                .whiteout("app/.env").whiteout("root/.ssh/id_rsa").done()
                .layer("COPY config / # buildkit")
                .file("root/.npmrc", "//registry.npmjs.org/:_authToken=" + NPM + "\n")
                .file("app/.git/config", "[remote \"origin\"]\n\turl = https://ci:" + GIT_PASSWORD + "@git.example.com/o/r.git\n")
                .file("root/.docker/config.json", "{\"auths\":{\"r.example.com\":{\"auth\":\""
                        + FakeSecrets.dockerAuth("ci", DOCKER_PASSWORD) + "\"}}}")
                .file("app/README.md", "nothing to see\n").done()
                .env("PATH=/usr/bin")
                .env("AWS_SECRET_ACCESS_KEY=" + AWS_SECRET)
                .label("org.example.deploy-token", LABEL_TOKEN)
                .cmd("app", "--password", CMD_PASSWORD);
    }

    @Test
    void reportsEverySecretWhereItIsAndNothingElse() {
        SecretsCheck check = new SecretsCheck(SecretScanOptions.defaults(), Disclosure.REDACT);
        leakyImage().run(check);
        List<String> found = check.secretFindings().stream()
                .map(f -> f.id() + " @ " + f.where().describe() + " [" + f.status() + "]").sorted().toList();
        assertThat(found).containsExactlyInAnyOrder(
                "secret/generic-assignment @ history entry 1 (ENV), no layer [in the image history (docker history shows it)]",
                "secret/github-token @ history entry 4 (RUN, build argument GITHUB_TOKEN), layer 3 [in the image history (docker history shows it)]",
                "secret/aws-secret-access-key @ config Env AWS_SECRET_ACCESS_KEY [in the image config (docker inspect shows it)]",
                "secret/gitlab-token @ config Labels org.example.deploy-token [in the image config (docker inspect shows it)]",
                "secret/password-flag @ config Cmd [in the image config (docker inspect shows it)]",
                "secret/generic-assignment @ /app/.env:2, layer 1 [deleted in layer 3, still shipped in layer 1]",
                "secret/env-file @ /app/.env, layer 1 [deleted in layer 3, still shipped in layer 1]",
                "secret/private-key @ /root/.ssh/id_rsa:1, layer 1 [overwritten in layer 2, still shipped in layer 1]",
                "secret/private-key @ /root/.ssh/id_rsa:1, layer 2 [deleted in layer 3, still shipped in layer 2]",
                "secret/ssh-private-key-file @ /root/.ssh/id_rsa, layer 1 [overwritten in layer 2, still shipped in layer 1]",
                "secret/ssh-private-key-file @ /root/.ssh/id_rsa, layer 2 [deleted in layer 3, still shipped in layer 2]",
                "secret/npm-token @ /root/.npmrc:1, layer 4 [in the final filesystem]",
                "secret/npm-auth-file @ /root/.npmrc, layer 4 [in the final filesystem]",
                "secret/password-in-url @ /app/.git/config:2, layer 4 [in the final filesystem]",
                "secret/git-config-credentials @ /app/.git/config, layer 4 [in the final filesystem]",
                "secret/docker-config-auth @ /root/.docker/config.json:1, layer 4 [in the final filesystem]",
                "secret/docker-config-file @ /root/.docker/config.json, layer 4 [in the final filesystem]");
    }

    @Test
    void eachFindingHoldsExactlyThePlantedValue() {
        SecretsCheck check = new SecretsCheck(SecretScanOptions.defaults(), Disclosure.REDACT);
        leakyImage().run(check);
        List<String> values = check.secretFindings().stream().map(SecretFinding::value).filter(v -> v != null).toList();
        assertThat(values).containsExactlyInAnyOrder(ENV_INSTRUCTION, GITHUB, AWS_SECRET, LABEL_TOKEN, CMD_PASSWORD,
                ENV_FILE_TOKEN, KEY.strip(), KEY.strip(), NPM, GIT_PASSWORD, FakeSecrets.dockerAuth("ci", DOCKER_PASSWORD));
    }

    @Test
    void hiddenCopiesAreNotInTheFinalImageAndSayWhichLayerStillShipsThem() {
        SecretsCheck check = new SecretsCheck(SecretScanOptions.defaults(), Disclosure.REDACT);
        leakyImage().run(check);
        SecretFinding key = check.secretFindings().stream()
                .filter(f -> f.id().equals("secret/private-key") && f.where().layer() == 2).findFirst().orElseThrow();
        assertThat(key.inFinalImage()).isFalse();
        assertThat(key.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(key.remedy()).contains("layer 2 still ships it").contains("--mount=type=secret");
        SecretFinding npm = check.secretFindings().stream().filter(f -> f.id().equals("secret/npm-token")).findFirst().orElseThrow();
        assertThat(npm.inFinalImage()).isTrue();
        SecretFinding arg = check.secretFindings().stream().filter(f -> f.id().equals("secret/github-token")).findFirst().orElseThrow();
        assertThat(arg.remedy()).contains("--build-arg").contains("--mount=type=secret");
    }

    @Test
    void findingsForAnalyzeNeverHoldAValueUnlessDisclosed() {
        List<Finding> redacted = leakyImage().run(new SecretsCheck(SecretScanOptions.defaults(), Disclosure.REDACT));
        List<Finding> revealed = leakyImage().run(new SecretsCheck(SecretScanOptions.defaults(), Disclosure.REVEAL));
        String redactedText = redacted.stream().map(Finding::toString).collect(Collectors.joining("\n"));
        String revealedText = revealed.stream().map(Finding::toString).collect(Collectors.joining("\n"));
        for (String value : List.of(GITHUB, ENV_FILE_TOKEN, NPM, GIT_PASSWORD, DOCKER_PASSWORD, ENV_INSTRUCTION, AWS_SECRET,
                CMD_PASSWORD, LABEL_TOKEN, KEY.strip(), FakeSecrets.dockerAuth("ci", DOCKER_PASSWORD))) {
            assertThat(redactedText).doesNotContain(value);
        }
        // the BEGIN line of a key names its kind and is all a redacted key shows
        assertThat(redactedText).contains("-----BEGIN RSA PRIVATE KEY-----… (" + KEY.strip().length() + " chars)");
        assertThat(redactedText).contains(GITHUB.substring(0, 4) + "…" + GITHUB.substring(GITHUB.length() - 4) + " (40 chars)");
        assertThat(revealedText).contains(GITHUB, NPM, AWS_SECRET, KEY.strip());
        Finding arg = redacted.stream().filter(f -> f.id().equals("secret/github-token")).findFirst().orElseThrow();
        assertThat(arg.layerIndex()).isEqualTo(3);
        assertThat(arg.evidence()).isEqualTo("ghp_…0001 (40 chars)");
        Finding deleted = redacted.stream().filter(f -> f.id().equals("secret/env-file")).findFirst().orElseThrow();
        assertThat(deleted.path()).isEqualTo("/app/.env");
        assertThat(deleted.layerIndex()).isEqualTo(1);
        assertThat(deleted.title()).contains("deleted in layer 3, still shipped in layer 1");
    }

    @Test
    void binariesAreSkippedByContentAndFilesAreReadOnlyUpToTheBound() {
        byte[] binary = ("\u007fELF\0\0\0" + "token " + GITHUB).getBytes(StandardCharsets.ISO_8859_1);
        char[] filler = new char[4096];
        Arrays.fill(filler, 'x');
        String big = new String(filler) + "\n" + NPM + "\n";
        String small = NPM.replace("0004", "0005") + "\n";
        SecretsCheck check = new SecretsCheck(new SecretScanOptions(4096, 100, true), Disclosure.REDACT);
        new SyntheticImage().layer("COPY . /").file("bin/tool", binary).file("data/big.txt", big)
                .file("data/small.txt", small).done().run(check);
        assertThat(check.secretFindings()).extracting(f -> f.where().describe())
                .containsExactly("/data/small.txt:1, layer 0");
        SecretScanStats stats = check.stats();
        assertThat(stats.files()).isEqualTo(3);
        assertThat(stats.binaryFiles()).isEqualTo(1);
        assertThat(stats.truncatedFiles()).isEqualTo(1);
        assertThat(stats.bytes()).isEqualTo(binary.length + 4096 + small.length());
    }

    @Test
    void aTestDirectoryIsNoExcuse() {
        SecretsCheck check = new SecretsCheck(SecretScanOptions.defaults(), Disclosure.REDACT);
        new SyntheticImage().layer("COPY . /").file("src/test/resources/fixtures/creds.env", "GH=" + GITHUB + "\n")
                .file("usr/lib/python3/dist-packages/pkg/tests/test_keys.py", "KEY = '''" + KEY + "'''\n").done().run(check);
        assertThat(check.secretFindings()).extracting(SecretFinding::id)
                .containsExactlyInAnyOrder("secret/github-token", "secret/private-key");
    }

    @Test
    void sensitiveFilesByNameAreReportedWhateverTheirContentEvenEmpty() {
        SecretsCheck check = new SecretsCheck(SecretScanOptions.defaults(), Disclosure.REDACT);
        new SyntheticImage().layer("COPY . /")
                .file("app/.env", "")
                .file("app/.env.example", "API_TOKEN=\n")
                .file("root/.netrc", "machine h login ci\n")
                .file("root/.pypirc", "[distutils]\n")
                .file("root/.git-credentials", "")
                .file("root/.aws/credentials", "[default]\n")
                .file("root/.kube/config", "apiVersion: v1\n")
                .file("opt/app/keystore.p12", new byte[] {0x30, (byte) 0x82, 0, 1})
                .file("opt/app/server.jks", new byte[] {(byte) 0xfe, (byte) 0xed, (byte) 0xfe, (byte) 0xed, 0, 0, 0, 2})
                .file("opt/app/client.pfx", new byte[] {0x30, (byte) 0x82, 0, 2})
                // SSH keys by name: empty, not PEM (PuTTY, a passphrase-protected file cut short), every key type
                .file("root/.ssh/id_rsa", "")
                .file("home/ci/.ssh/id_dsa", "PuTTY-User-Key-File-2: ssh-dss\n")
                .file("home/ci/.ssh/id_ecdsa", "-----BEGIN OPENSSH PRIVATE KEY-----\n")
                .file("srv/deploy/id_ed25519", "")
                .file("root/.ssh/id_ecdsa_sk", "")
                .file("root/.ssh/id_ed25519_sk", "")
                .file("root/.ssh/id_rsa.pub", "ssh-rsa AAAAB3NzaC1yc2E ci@build\n")
                .file("root/.ssh/known_hosts", "github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5\n")
                .file("root/.ssh/authorized_keys", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5 ci@build\n")
                .file("root/.npmrc", "registry=https://registry.example.com/\n")
                .file("root/.yarnrc", "\"//registry.yarnpkg.com/:_authToken\" \"" + YARN_TOKEN + "\"\n")
                .file("app/.yarnrc", "registry \"https://registry.example.com/\"\n")
                .file("root/.docker/config.json", "{\"auths\":{\"r.example.com\":{}},\"credsStore\":\"pass\"}")
                .file("repo/.git/config", "[remote \"origin\"]\n\turl = https://git.example.com/o/r.git\n").done().run(check);
        assertThat(check.secretFindings()).extracting(f -> f.id() + " " + ((SecretLocation.File) f.where()).path())
                .containsExactlyInAnyOrder("secret/env-file /app/.env", "secret/netrc-file /root/.netrc",
                        "secret/pypirc-file /root/.pypirc", "secret/git-credentials-file /root/.git-credentials",
                        "secret/aws-credentials-file /root/.aws/credentials", "secret/kubeconfig-file /root/.kube/config",
                        "secret/keystore-file /opt/app/keystore.p12", "secret/keystore-file /opt/app/server.jks",
                        "secret/keystore-file /opt/app/client.pfx",
                        "secret/ssh-private-key-file /root/.ssh/id_rsa", "secret/ssh-private-key-file /home/ci/.ssh/id_dsa",
                        "secret/ssh-private-key-file /home/ci/.ssh/id_ecdsa", "secret/ssh-private-key-file /srv/deploy/id_ed25519",
                        "secret/ssh-private-key-file /root/.ssh/id_ecdsa_sk", "secret/ssh-private-key-file /root/.ssh/id_ed25519_sk",
                        "secret/npm-auth-file /root/.yarnrc", "secret/npm-token /root/.yarnrc");
        SecretFinding key = check.secretFindings().stream().filter(f -> f.id().equals("secret/ssh-private-key-file"))
                .findFirst().orElseThrow();
        assertThat(key.severity()).isEqualTo(Severity.HIGH);
        assertThat(key.remedy()).startsWith(SecretRules.byId("secret/private-key").revoke()).contains(".dockerignore");
    }

    @Test
    void entrypointArgumentsAndLegacyArgDefaultsAreAudited() {
        String argDefault = FakeSecrets.password("0011");
        String entrypointToken = FakeSecrets.githubToken("0012");
        SecretsCheck check = new SecretsCheck(SecretScanOptions.defaults(), Disclosure.REDACT);
        new SyntheticImage()
                .layer("/bin/sh -c #(nop) ADD file:abc in / ").file("etc/hostname", "box\n").done()
                .emptyHistory("/bin/sh -c #(nop)  ARG DEPLOY_TOKEN=" + argDefault)
                .entrypoint("/app/run", "--token", entrypointToken)
                .cmd("--verbose")
                .run(check);
        assertThat(check.secretFindings()).extracting(f -> f.id() + " @ " + f.where().describe() + " = " + f.value())
                .containsExactlyInAnyOrder(
                        "secret/generic-assignment @ history entry 1 (ARG), no layer = " + argDefault,
                        "secret/github-token @ config Entrypoint = " + entrypointToken);
        SecretFinding arg = check.secretFindings().stream().filter(f -> f.where() instanceof SecretLocation.History)
                .findFirst().orElseThrow();
        assertThat(arg.remedy()).contains("Don't give ARG a secret default").contains("--mount=type=secret");
        SecretFinding entrypoint = check.secretFindings().stream().filter(f -> f.where() instanceof SecretLocation.Config)
                .findFirst().orElseThrow();
        assertThat(entrypoint.remedy()).contains("Don't put it in Entrypoint");
    }
}
