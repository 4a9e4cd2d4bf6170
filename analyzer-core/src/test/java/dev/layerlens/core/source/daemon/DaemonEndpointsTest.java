package dev.layerlens.core.source.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerlens.core.image.Digest;
import dev.layerlens.core.source.ImageReadException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where each daemon is looked for. Podman is not installed on the test machines, so its sockets are
 * real Unix sockets this test binds, at the places Podman uses.
 */
class DaemonEndpointsTest {
    @TempDir
    Path dir;
    private final java.util.List<ServerSocketChannel> sockets = new java.util.ArrayList<>();

    @AfterEach
    void closeSockets() throws IOException {
        for (ServerSocketChannel s : sockets) {
            s.close();
        }
    }

    private Path socket(Path path) throws IOException {
        Files.createDirectories(path.getParent());
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        channel.bind(UnixDomainSocketAddress.of(path));
        sockets.add(channel);
        return path;
    }

    private DaemonEndpoints endpoints(Map<String, String> env) {
        return new DaemonEndpoints(env, dir.resolve("run/podman/podman.sock"));
    }

    @Test
    void dockerHostWins() throws Exception {
        DaemonEndpoint e = endpoints(Map.of("DOCKER_HOST", "tcp://10.0.0.5:2375", "DOCKER_CONTEXT", "other"))
                .find(DaemonKind.DOCKER);
        assertThat(e.host()).isEqualTo(URI.create("tcp://10.0.0.5:2375"));
        assertThat(e.tls()).isFalse();
        assertThat(e.origin()).isEqualTo("DOCKER_HOST");
        assertThat(e.describe()).isEqualTo("the Docker daemon at tcp://10.0.0.5:2375");
    }

    @Test
    void tlsFromTheEnvironment() throws Exception {
        DaemonEndpoint e = endpoints(Map.of("DOCKER_HOST", "tcp://d.example:2376", "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", "/certs")).find(DaemonKind.DOCKER);
        assertThat(e.tlsDirectory()).isEqualTo(Path.of("/certs"));
        DaemonEndpoint home = endpoints(Map.of("DOCKER_HOST", "tcp://d.example:2376", "DOCKER_TLS_VERIFY", "1",
                "HOME", dir.toString())).find(DaemonKind.DOCKER);
        assertThat(home.tlsDirectory()).as("docker's default: ~/.docker").isEqualTo(dir.resolve(".docker"));
    }

    @Test
    void theCurrentContextOfTheConfigFile() throws Exception {
        Path config = Files.createDirectories(dir.resolve("cfg"));
        Files.writeString(config.resolve("config.json"), "{\"auths\":{},\"currentContext\":\"remote-box\"}");
        String id = Digest.sha256("remote-box".getBytes(StandardCharsets.UTF_8)).hex();
        Path meta = Files.createDirectories(config.resolve("contexts/meta/" + id));
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"remote-box\",\"Metadata\":{},"
                + "\"Endpoints\":{\"docker\":{\"Host\":\"tcp://box.example:2376\",\"SkipTLSVerify\":false}}}");
        Path tls = Files.createDirectories(config.resolve("contexts/tls/" + id + "/docker"));
        Files.writeString(tls.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");

        DaemonEndpoint e = endpoints(Map.of("DOCKER_CONFIG", config.toString())).find(DaemonKind.DOCKER);
        assertThat(e.host()).isEqualTo(URI.create("tcp://box.example:2376"));
        assertThat(e.tlsDirectory()).isEqualTo(tls);
        assertThat(e.origin()).isEqualTo("docker context remote-box");
    }

    @Test
    void dockerContextOverridesTheConfigFileAndDefaultMeansTheSocket() throws Exception {
        Path config = Files.createDirectories(dir.resolve("cfg"));
        Files.writeString(config.resolve("config.json"), "{\"currentContext\":\"gone\"}");
        Map<String, String> env = new HashMap<>(Map.of("DOCKER_CONFIG", config.toString(), "DOCKER_CONTEXT", "default"));
        assertThat(endpoints(env).find(DaemonKind.DOCKER).host()).isEqualTo(URI.create("unix:///var/run/docker.sock"));
        env.remove("DOCKER_CONTEXT");
        assertThatThrownBy(() -> endpoints(env).find(DaemonKind.DOCKER)).isInstanceOf(ImageReadException.class)
                .hasMessageStartingWith("docker context gone does not exist");
    }

    @Test
    void withNothingSetTheDefaultSocket() throws Exception {
        DaemonEndpoint e = endpoints(Map.of("HOME", dir.toString())).find(DaemonKind.DOCKER);
        assertThat(e.host()).isEqualTo(URI.create("unix:///var/run/docker.sock"));
        assertThat(e.origin()).isEqualTo("the default socket");
    }

    @Test
    void anAddressThatIsNoDaemonAddress() {
        assertThatThrownBy(() -> endpoints(Map.of("DOCKER_HOST", "ssh://me@box")).find(DaemonKind.DOCKER))
                .isInstanceOf(ImageReadException.class).hasMessage("DOCKER_HOST must be unix://PATH or tcp://HOST:PORT, not ssh://me@box");
    }

    @Test
    void podmanPrefersTheUserSocket() throws Exception {
        Path user = socket(dir.resolve("xdg/podman/podman.sock"));
        socket(dir.resolve("run/podman/podman.sock"));
        DaemonEndpoint e = endpoints(Map.of("XDG_RUNTIME_DIR", dir.resolve("xdg").toString())).find(DaemonKind.PODMAN);
        assertThat(e.host()).isEqualTo(URI.create("unix://" + user));
        assertThat(e.describe()).isEqualTo("Podman at unix://" + user);
    }

    @Test
    void podmanFallsBackToTheSystemSocket() throws Exception {
        Path system = socket(dir.resolve("run/podman/podman.sock"));
        DaemonEndpoint e = endpoints(Map.of("XDG_RUNTIME_DIR", dir.resolve("xdg-without-podman").toString()))
                .find(DaemonKind.PODMAN);
        assertThat(e.host()).isEqualTo(URI.create("unix://" + system));
    }

    @Test
    void containerHostNamesPodmanAnywhere() throws Exception {
        DaemonEndpoint e = endpoints(Map.of("CONTAINER_HOST", "unix:///run/user/1000/podman/podman.sock"))
                .find(DaemonKind.PODMAN);
        assertThat(e.host()).isEqualTo(URI.create("unix:///run/user/1000/podman/podman.sock"));
        assertThat(e.origin()).isEqualTo("CONTAINER_HOST");
    }

    @Test
    void noPodmanSocketSaysWhereItLooked() {
        assertThatThrownBy(() -> endpoints(Map.of("XDG_RUNTIME_DIR", dir.resolve("xdg").toString())).find(DaemonKind.PODMAN))
                .isInstanceOf(ImageReadException.class)
                .hasMessage("no Podman socket (tried " + dir.resolve("xdg/podman/podman.sock") + ", "
                        + dir.resolve("run/podman/podman.sock") + "); start one with `systemctl --user start podman.socket`,"
                        + " or set CONTAINER_HOST");
    }
}
