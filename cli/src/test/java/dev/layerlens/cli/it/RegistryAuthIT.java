package dev.layerlens.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlens.cli.ExitCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Registries that want credentials: htpasswd Basic (bcrypt), and Bearer tokens from a token server
 * the test runs. Credentials come from --creds, --creds-file, the Docker config's auths or a
 * credential helper; they never show in any output.
 */
class RegistryAuthIT {
    private static final String USER = "ci-bot";
    private static final String PASSWORD = "s3cret-pass:with-colon";
    private static Path work;
    private static Path layout;

    @BeforeAll
    static void layouts() throws IOException {
        work = Files.createDirectories(Path.of(System.getProperty(ItContext.WORK_PROPERTY, "target/it-work"))
                .toAbsolutePath().resolve("registry-auth-it"));
        Skopeo.binary();
        RegistryServer.deleteRecursively(work.resolve("single"));
        layout = RegistryImages.layout(RegistryImages.singleLayout(work.resolve("single")));
    }

    /** A Docker config directory whose config.json is {@code json}. */
    private static Map<String, String> dockerConfig(String name, String json) throws IOException {
        Path dir = Files.createDirectories(work.resolve("docker-config-" + name));
        Files.writeString(dir.resolve("config.json"), json, StandardCharsets.UTF_8);
        return Map.of("DOCKER_CONFIG", dir.toString(), "PATH", work.resolve("bin") + ":/usr/bin:/bin");
    }

    private static String authOf(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** No output of a run holds the password, whole or in its base64 form. */
    private static void leaksNothing(Cli run) {
        assertThat(run.out() + run.err()).doesNotContain(PASSWORD).doesNotContain("s3cret")
                .doesNotContain(authOf(USER, PASSWORD));
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Basic {
        private RegistryServer registry;
        private String image;

        @BeforeAll
        void start() {
            registry = RegistryServer.start(work, "htpasswd", new RegistryServer.Auth.Htpasswd(USER, PASSWORD));
            Skopeo.copy("oci:" + layout + ":v1", registry.host() + "/app:v1", USER + ":" + PASSWORD);
            image = "docker://" + registry.host() + "/app:v1";
        }

        @AfterAll
        void stop() {
            registry.close();
        }

        @Test
        void withoutCredentialsItSaysWhatItNeeds() {
            Cli run = Cli.run(Map.of("DOCKER_CONFIG", work.resolve("no-config").toString()), "analyze", image);
            assertThat(run.code()).isEqualTo(ExitCodes.IMAGE_UNREADABLE);
            assertThat(run.err()).isEqualTo("layerlens: cannot read " + image + ": manifest v1: " + registry.host()
                    + " requires authentication (docker login " + registry.host() + ", or --creds USER:PASSWORD)\n");
        }

        @Test
        void credsOnTheCommandLine() {
            Cli run = Cli.run(Map.of(), "analyze", "-f", "json", "--creds", USER + ":" + PASSWORD, image);
            assertThat(run.code()).as("%s", run).isZero();
            assertThat(run.json().at("/image/verified").asBoolean()).isTrue();
            leaksNothing(run);
        }

        @Test
        void wrongCredentialsAreRefusedNamingTheUserOnly() {
            Cli run = Cli.run(Map.of(), "--debug", "analyze", "--creds", USER + ":s3cret-wrong", image);
            assertThat(run.code()).isEqualTo(ExitCodes.IMAGE_UNREADABLE);
            assertThat(run.err()).startsWith("layerlens: cannot read " + image + ": manifest v1: " + registry.host()
                    + " refused the credentials of user " + USER + "\n");
            assertThat(run.err()).as("not even with --debug's stack trace").doesNotContain("s3cret");
        }

        @Test
        void credsFromAFile() throws IOException {
            Path file = work.resolve("creds.txt");
            Files.writeString(file, USER + ":" + PASSWORD + "\n", StandardCharsets.UTF_8);
            Cli run = Cli.run(Map.of(), "analyze", "--creds-file", file.toString(), image);
            assertThat(run.code()).as("%s", run).isZero();
            leaksNothing(run);

            Cli both = Cli.run(Map.of(), "analyze", "--creds-file", file.toString(), "--creds", "a:b", image);
            assertThat(both.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(both.err()).contains("--creds and --creds-file exclude each other");
        }

        @Test
        void credsFromTheDockerConfig() throws IOException {
            Map<String, String> env = dockerConfig("auths", "{\"auths\":{\"" + registry.host() + "\":{\"auth\":\""
                    + authOf(USER, PASSWORD) + "\"}}}");
            Cli run = Cli.run(env, "analyze", image);
            assertThat(run.code()).as("%s", run).isZero();
            leaksNothing(run);
        }

        @Test
        void credsFromACredentialHelper() throws IOException {
            Path bin = Files.createDirectories(work.resolve("bin"));
            Path helper = bin.resolve("docker-credential-layerlens-test");
            Files.writeString(helper, "#!/bin/sh\n[ \"$1\" = get ] || exit 2\nread -r server\n"
                    + "[ \"$server\" = '" + registry.host() + "' ] || { echo 'credentials not found in native keychain'; exit 1; }\n"
                    + "printf '{\"ServerURL\":\"%s\",\"Username\":\"" + USER + "\",\"Secret\":\"" + PASSWORD + "\"}' \"$server\"\n");
            Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwxr-xr-x"));
            Map<String, String> env = dockerConfig("helper", "{\"credHelpers\":{\"" + registry.host()
                    + "\":\"layerlens-test\"}}");
            Cli run = Cli.run(env, "analyze", image);
            assertThat(run.code()).as("%s", run).isZero();
            leaksNothing(run);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Bearer {
        private TokenServer tokens;
        private RegistryServer registry;
        private String image;

        @BeforeAll
        void start() {
            tokens = new TokenServer(work.resolve("tokens"), Map.of(USER, PASSWORD), false, Duration.ofMinutes(5));
            registry = RegistryServer.start(work, "token", new RegistryServer.Auth.Token(tokens));
            Skopeo.copy("oci:" + layout + ":v1", registry.host() + "/app:v1", USER + ":" + PASSWORD);
            image = "docker://" + registry.host() + "/app:v1";
        }

        @AfterAll
        void stop() {
            registry.close();
            tokens.close();
        }

        @BeforeEach
        void reset() {
            tokens.reset();
        }

        @Test
        void oneTokenPerScopeServesTheWholeRead() {
            Cli run = Cli.run(Map.of(), "analyze", "-f", "json", "--creds", USER + ":" + PASSWORD, image);
            assertThat(run.code()).as("%s", run).isZero();
            assertThat(run.json().get("layers")).hasSize(4);
            assertThat(tokens.issued()).as("manifest, config and four layers under one cached token")
                    .containsExactly(new TokenServer.Issued(USER, "repository:app:pull"));
            leaksNothing(run);
        }

        @Test
        void anonymousPullIsRefusedByThisTokenServer() {
            Cli run = Cli.run(Map.of("DOCKER_CONFIG", work.resolve("no-config").toString()), "analyze", image);
            assertThat(run.code()).isEqualTo(ExitCodes.IMAGE_UNREADABLE);
            assertThat(run.err()).contains("requires authentication");
            assertThat(tokens.issued()).extracting(TokenServer.Issued::user).containsOnlyNulls();
        }

        @Test
        void wrongCredentialsAreRefusedByTheTokenServer() {
            Cli run = Cli.run(Map.of(), "analyze", "--creds", USER + ":s3cret-wrong", image);
            assertThat(run.code()).isEqualTo(ExitCodes.IMAGE_UNREADABLE);
            assertThat(run.err()).startsWith("layerlens: cannot read " + image + ": token from http://127.0.0.1:")
                    .contains("the credentials of user " + USER + " were refused (401)")
                    .doesNotContain("s3cret");
            assertThat(tokens.refusedUsers()).containsExactly(USER);
        }

        @Test
        void anExpiredTokenIsNotUsedAgain() {
            try (TokenServer shortLived = new TokenServer(work.resolve("tokens-short"), Map.of(USER, PASSWORD), true,
                    Duration.ofSeconds(1));
                 RegistryServer registry2 = RegistryServer.start(work, "token-short", new RegistryServer.Auth.Token(shortLived))) {
                Skopeo.copy("oci:" + layout + ":v1", registry2.host() + "/app:v1", USER + ":" + PASSWORD);
                shortLived.reset();
                try (FaultProxy proxy = new FaultProxy(registry2.host())) {
                    // the config's 429 holds the read up for 2 s: the one-second token is dead when it resumes
                    proxy.on("GET", "/v2/app/blobs/.*", 0, 1, new FaultProxy.Fault.Answer(429, Map.of("Retry-After", "2"), ""));
                    Cli run = Cli.run(Map.of("DOCKER_CONFIG", work.resolve("no-config").toString()), "analyze",
                            "docker://" + proxy.host() + "/app:v1");
                    assertThat(run.code()).as("%s", run).isZero();
                    assertThat(shortLived.issued()).as("anonymous pull: a new token after the old one expired")
                            .hasSizeGreaterThan(1)
                            .allSatisfy(i -> assertThat(i).isEqualTo(new TokenServer.Issued(null, "repository:app:pull")));
                    List<Integer> statuses = proxy.seen().stream().map(FaultProxy.Seen::status).toList();
                    assertThat(statuses.get(0)).as("the first request, before any token: the challenge").isEqualTo(401);
                    assertThat(statuses.subList(1, statuses.size())).as("no request was refused for an expired token")
                            .doesNotContain(401);
                }
            }
        }

        @Test
        void credentialsFromTheConfigAnswerTheTokenServer() throws IOException {
            Map<String, String> env = dockerConfig("token-auths", "{\"auths\":{\"http://" + registry.host() + "/v1/\":{\"auth\":\""
                    + authOf(USER, PASSWORD) + "\"}}}");
            Cli run = Cli.run(env, "layers", image);
            assertThat(run.code()).as("%s", run).isZero();
            assertThat(tokens.issued()).containsExactly(new TokenServer.Issued(USER, "repository:app:pull"));
            assertThat(List.of(run.out(), run.err())).allSatisfy(s -> assertThat(s).doesNotContain(PASSWORD));
        }
    }
}
