package dev.layerlens.testdata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An image with a fake secret planted in every place one leaks from, written the way the legacy
 * builder and BuildKit record them: ENV in the history and the config, a build argument in
 * BuildKit's {@code RUN |1 K=V} prefix, an inline {@code export} in a RUN, a {@code .env} copied
 * then deleted, a private key added, chmod'ed (re-shipped) then deleted, and an {@code .npmrc}, a
 * {@code .git/config} and a {@code .docker/config.json} left in the final filesystem; a label and
 * a command-line flag in the config. {@link #planted()} names each value.
 */
public final class SecretImages {
    private SecretImages() {
    }

    /** Each planted value by what it is; every one must be found, and none may be printed unasked. */
    public static Map<String, String> planted() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("env-instruction", FakeSecrets.password("0101"));
        values.put("build-arg", FakeSecrets.npmToken("0102"));
        values.put("inline-run", FakeSecrets.githubToken("0103"));
        values.put("dotenv-key-id", FakeSecrets.awsAccessKeyId("0104"));
        values.put("dotenv-secret", FakeSecrets.awsSecretAccessKey("0105"));
        values.put("private-key", FakeSecrets.privateKey("OPENSSH ", "0106"));
        values.put("npmrc", FakeSecrets.npmToken("0107"));
        values.put("git-config", FakeSecrets.password("0108"));
        values.put("docker-config", FakeSecrets.dockerAuth("ci", FakeSecrets.password("0109")));
        values.put("config-env", FakeSecrets.stripeKey("0110"));
        values.put("config-cmd", FakeSecrets.password("0111"));
        values.put("config-label", FakeSecrets.gitlabToken("0112"));
        return values;
    }

    public static ImageSpec leaky() {
        Map<String, String> v = planted();
        return ImageSpec.builder()
                .config(ConfigSpec.builder()
                        .env("PATH=/usr/local/bin:/usr/bin:/bin", "API_TOKEN=" + v.get("env-instruction"),
                                "STRIPE_KEY=" + v.get("config-env"))
                        .label("org.example.deploy-token", v.get("config-label"))
                        .cmd("/app/server", "--db-password", v.get("config-cmd"))
                        .build())
                .layer("/bin/sh -c #(nop) ADD file:0a1b2c3d in / ", Entry.file("etc/os-release", "ID=fixture\n"))
                .emptyStep("/bin/sh -c #(nop)  ENV API_TOKEN=" + v.get("env-instruction"))
                .emptyStep("ARG NPM_TOKEN")
                .layer("RUN |1 NPM_TOKEN=" + v.get("build-arg") + " /bin/sh -c npm ci # buildkit",
                        Entry.file("app/package.json", "{\"name\": \"app\"}\n"))
                .layer("/bin/sh -c export GITHUB_TOKEN=" + v.get("inline-run") + " && ./fetch.sh",
                        Entry.file("app/vendor/lib.txt", "vendored\n"))
                .layer("COPY .env /app/.env # buildkit", Entry.file("app/.env",
                        "AWS_ACCESS_KEY_ID=" + v.get("dotenv-key-id") + "\nAWS_SECRET_ACCESS_KEY=" + v.get("dotenv-secret") + "\n"))
                .layer("/bin/sh -c #(nop) ADD file:4d5e6f in /root/.ssh/id_ed25519 ",
                        Entry.file("root/.ssh/id_ed25519", v.get("private-key")))
                .layer("/bin/sh -c chmod 600 /root/.ssh/id_ed25519", Entry.file("root/.ssh/id_ed25519", v.get("private-key")))
                .layer("/bin/sh -c rm -f /app/.env /root/.ssh/id_ed25519",
                        Entry.whiteout("app/.env"), Entry.whiteout("root/.ssh/id_ed25519"))
                .layer("COPY dotfiles / # buildkit",
                        Entry.file("root/.npmrc", "//registry.npmjs.org/:_authToken=" + v.get("npmrc") + "\n"),
                        Entry.file("app/.git/config", "[core]\n\tbare = false\n[remote \"origin\"]\n\turl = https://ci:"
                                + v.get("git-config") + "@git.example.com/team/app.git\n"),
                        Entry.file("root/.docker/config.json", "{\n  \"auths\": {\n    \"registry.example.com\": {\n      \"auth\": \""
                                + v.get("docker-config") + "\"\n    }\n  }\n}\n"))
                .emptyStep("/bin/sh -c #(nop)  CMD [\"/app/server\"]")
                .build();
    }

    /** The findings {@link #leaky()} must give, as {@code id @ where [status]}, in no order. */
    public static List<String> expectedFindings() {
        String history = " [in the image history (docker history shows it)]";
        String config = " [in the image config (docker inspect shows it)]";
        String visible = " [in the final filesystem]";
        return List.of(
                "secret/generic-assignment @ history entry 1 (ENV), no layer" + history,
                "secret/npm-token @ history entry 3 (RUN, build argument NPM_TOKEN), layer 1" + history,
                "secret/github-token @ history entry 4 (RUN), layer 2" + history,
                "secret/generic-assignment @ config Env API_TOKEN" + config,
                "secret/stripe-key @ config Env STRIPE_KEY" + config,
                "secret/gitlab-token @ config Labels org.example.deploy-token" + config,
                "secret/password-flag @ config Cmd" + config,
                "secret/aws-access-key-id @ /app/.env:1, layer 3 [deleted in layer 6, still shipped in layer 3]",
                "secret/aws-secret-access-key @ /app/.env:2, layer 3 [deleted in layer 6, still shipped in layer 3]",
                "secret/env-file @ /app/.env, layer 3 [deleted in layer 6, still shipped in layer 3]",
                "secret/private-key @ /root/.ssh/id_ed25519:1, layer 4 [overwritten in layer 5, still shipped in layer 4]",
                "secret/private-key @ /root/.ssh/id_ed25519:1, layer 5 [deleted in layer 6, still shipped in layer 5]",
                "secret/ssh-private-key-file @ /root/.ssh/id_ed25519, layer 4 [overwritten in layer 5, still shipped in layer 4]",
                "secret/ssh-private-key-file @ /root/.ssh/id_ed25519, layer 5 [deleted in layer 6, still shipped in layer 5]",
                "secret/npm-token @ /root/.npmrc:1, layer 7" + visible,
                "secret/npm-auth-file @ /root/.npmrc, layer 7" + visible,
                "secret/password-in-url @ /app/.git/config:4, layer 7" + visible,
                "secret/git-config-credentials @ /app/.git/config, layer 7" + visible,
                "secret/docker-config-auth @ /root/.docker/config.json:4, layer 7" + visible,
                "secret/docker-config-file @ /root/.docker/config.json, layer 7" + visible);
    }
}
