package dev.layerlens.core.source.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerlens.core.source.ImageReadException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials as {@code docker login} leaves them: in config.json's {@code auths}, or with a
 * credential helper (real executables here, speaking the helper protocol on stdin/stdout).
 */
class DockerCredentialsTest {
    @TempDir
    Path dir;
    private Path config;
    private Path bin;
    private Map<String, String> env;

    @BeforeEach
    void setUp() throws IOException {
        config = Files.createDirectories(dir.resolve("docker"));
        bin = Files.createDirectories(dir.resolve("bin"));
        env = Map.of("DOCKER_CONFIG", config.toString(), "PATH", bin + ":/usr/bin:/bin", "HOME", dir.toString());
    }

    private void configJson(String json) throws IOException {
        Files.writeString(config.resolve("config.json"), json, StandardCharsets.UTF_8);
    }

    private static String auth(String userColonPassword) {
        return Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    }

    /** A helper that knows one server; it writes what it was asked to {@code asked-NAME}. */
    private void helper(String name, String server, String username, String secret) throws IOException {
        Path script = bin.resolve("docker-credential-" + name);
        Files.writeString(script, "#!/bin/sh\n"
                + "[ \"$1\" = get ] || exit 3\n"
                + "read -r server\n"
                + "printf '%s' \"$server\" > '" + dir.resolve("asked-" + name) + "'\n"
                + "if [ \"$server\" = '" + server + "' ]; then\n"
                + "  printf '{\"ServerURL\":\"%s\",\"Username\":\"" + username + "\",\"Secret\":\"" + secret + "\"}' \"$server\"\n"
                + "else\n"
                + "  echo 'credentials not found in native keychain'; exit 1\n"
                + "fi\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Optional<Credentials> lookup(String registry) throws ImageReadException {
        return new DockerCredentials(registry, env).lookup();
    }

    @Test
    void authsEntriesMatchWithOrWithoutSchemeAndPath() throws Exception {
        configJson("{\"auths\":{"
                + "\"https://index.docker.io/v1/\":{\"auth\":\"" + auth("hubuser:hubpass") + "\"},"
                + "\"http://127.0.0.1:5000/v2/\":{\"auth\":\"" + auth("local:pw:with:colons") + "\"},"
                + "\"ghcr.io\":{\"username\":\"gh\",\"password\":\"ghpass\"},"
                + "\"id.example\":{\"identitytoken\":\"refresh-me\"}}}");

        assertThat(lookup("docker.io")).contains(Credentials.password("hubuser", "hubpass"));
        assertThat(lookup("127.0.0.1:5000")).contains(Credentials.password("local", "pw:with:colons"));
        assertThat(lookup("ghcr.io")).contains(Credentials.password("gh", "ghpass"));
        assertThat(lookup("id.example")).contains(new Credentials("<token>", "refresh-me", true));
        assertThat(lookup("127.0.0.1:5001")).as("another port is another registry").isEmpty();
    }

    @Test
    void aRegistrysOwnHelperComesFirst() throws Exception {
        helper("own", "127.0.0.1:5000", "from-helper", "helper-secret");
        configJson("{\"credHelpers\":{\"127.0.0.1:5000\":\"own\"},"
                + "\"auths\":{\"127.0.0.1:5000\":{\"auth\":\"" + auth("from-file:file-secret") + "\"}}}");

        assertThat(lookup("127.0.0.1:5000")).contains(Credentials.password("from-helper", "helper-secret"));
        assertThat(Files.readString(dir.resolve("asked-own"))).isEqualTo("127.0.0.1:5000");
    }

    @Test
    void theStoreServesEveryRegistryAndDockerHubByItsHistoricalUrl() throws Exception {
        helper("store", "https://index.docker.io/v1/", "hub", "hub-secret");
        configJson("{\"credsStore\":\"store\",\"auths\":{\"https://index.docker.io/v1/\":{},"
                + "\"quay.io\":{\"auth\":\"" + auth("q:qpass") + "\"}}}");

        assertThat(lookup("docker.io")).contains(Credentials.password("hub", "hub-secret"));
        assertThat(Files.readString(dir.resolve("asked-store"))).isEqualTo("https://index.docker.io/v1/");
        assertThat(lookup("quay.io")).as("the store has none: the file's entry").contains(Credentials.password("q", "qpass"));
    }

    @Test
    void aHelperIdentityToken() throws Exception {
        helper("tok", "reg.example", "<token>", "refresh-token");
        configJson("{\"credHelpers\":{\"reg.example\":\"tok\"}}");
        assertThat(lookup("reg.example")).contains(new Credentials("<token>", "refresh-token", true));
    }

    @Test
    void aHelperThatIsNotInstalledIsAnError() throws Exception {
        configJson("{\"credHelpers\":{\"reg.example\":\"absent\"}}");
        assertThatThrownBy(() -> lookup("reg.example")).isInstanceOf(ImageReadException.class)
                .hasMessage("the Docker config names credential helper docker-credential-absent, which is not on PATH");
    }

    @Test
    void noConfigFileMeansNoCredentials() throws Exception {
        assertThat(lookup("docker.io")).isEmpty();
    }

    @Test
    void anInvalidConfigIsNamedWithoutQuotingIt() throws Exception {
        configJson("{\"auths\":{\"x\":{\"auth\":\"c2VjcmV0OnZhbHVl\"}, oops");
        assertThatThrownBy(() -> lookup("x")).isInstanceOf(ImageReadException.class)
                .hasMessageContaining("config.json is not valid JSON").hasMessageNotContaining("c2VjcmV0");
    }

    @Test
    void anAuthThatIsNotBase64IsNamedWithoutQuotingIt() throws Exception {
        configJson("{\"auths\":{\"x\":{\"auth\":\"%%%not-base64%%%\"}}}");
        assertThatThrownBy(() -> lookup("x")).isInstanceOf(ImageReadException.class)
                .hasMessageContaining("not valid base64").hasMessageNotContaining("not-base64%");
    }

    @Test
    void registryKeysNormalise() {
        assertThat(DockerCredentials.normalize("https://index.docker.io/v1/")).isEqualTo("docker.io");
        assertThat(DockerCredentials.normalize("registry-1.docker.io")).isEqualTo("docker.io");
        assertThat(DockerCredentials.normalize("HTTP://Reg.Example:5000/")).isEqualTo("reg.example:5000");
    }
}
