package dev.layerlens.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerlens.core.source.daemon.DaemonSource;
import dev.layerlens.core.source.registry.RegistrySettings;
import dev.layerlens.core.source.registry.RegistrySource;
import dev.layerlens.core.source.registry.RetryPolicy;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where each way of naming an image leads: the transports to their source, a bare word to a file,
 * or (when it is an image name and no file) to the daemon and then the registry. Nothing here needs
 * a daemon or a registry: the places asked do not exist, and the errors say where they were looked for.
 */
class SourceResolverTest {
    private static final RegistrySettings FAST = new RegistrySettings(new RetryPolicy(1, Duration.ZERO, Duration.ZERO),
            Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2), 3, 0);

    @TempDir
    Path dir;

    private SourceResolver resolver(Map<String, String> env) {
        return new SourceResolver(InputStream.nullInputStream(), new DaemonSource(env),
                new RegistrySource(env, FAST, Clock.systemUTC()));
    }

    private String error(String input, Map<String, String> env) {
        Throwable[] thrown = new Throwable[1];
        assertThatThrownBy(() -> resolver(env).open(input, SourceOptions.DEFAULT))
                .isInstanceOf(ImageReadException.class).satisfies(t -> thrown[0] = t);
        assertThat(thrown[0].getMessage()).as("one line").doesNotContain("\n");
        return thrown[0].getMessage();
    }

    @Test
    void dockerDaemonNamesGoToTheDaemonDockerHostNames() {
        String socket = dir.resolve("no-daemon.sock").toString();
        assertThat(error("docker-daemon:app:1", Map.of("DOCKER_HOST", "unix://" + socket)))
                .isEqualTo("cannot connect to the Docker daemon at unix://" + socket
                        + " (no such socket; chosen by DOCKER_HOST); is it running?");
    }

    @Test
    void podmanNamesGoToAPodmanSocket() {
        assertThat(error("podman:app:1", Map.of("XDG_RUNTIME_DIR", dir.toString(), "CONTAINER_HOST", "")))
                .startsWith("no Podman socket (tried " + dir.resolve("podman/podman.sock"));
    }

    @Test
    void dockerTransportNamesGoToTheRegistryOverPlainHttpOnLoopback() {
        assertThat(error("docker://127.0.0.1:1/app:1", Map.of()))
                .isEqualTo("manifest 1: cannot connect to http://127.0.0.1:1 (connection refused)");
    }

    @Test
    void aBareImageNameIsLookedUpInTheDaemonThenTheRegistry() {
        String socket = dir.resolve("no-daemon.sock").toString();
        assertThat(error("127.0.0.1:1/app:1", Map.of("DOCKER_HOST", "unix://" + socket)))
                .startsWith("not a file; cannot connect to the Docker daemon at unix://" + socket)
                .endsWith("; and from its registry: manifest 1: cannot connect to http://127.0.0.1:1 (connection refused)");
    }

    @Test
    void sourceForcesTheTransport() {
        SourceOptions forced = new SourceOptions(null, SourceResolver.REGISTRY);
        assertThatThrownBy(() -> resolver(Map.of()).open("127.0.0.1:1/app@sha256:" + "a".repeat(64), forced))
                .isInstanceOf(ImageReadException.class)
                .hasMessage("manifest sha256:aaaaaaaaaaaa…: cannot connect to http://127.0.0.1:1 (connection refused)");
    }

    @Test
    void archiveNamesAndPathsAreNeverImageNames() {
        assertThat(SourceResolver.isImageName("busybox")).isTrue();
        assertThat(SourceResolver.isImageName("localhost:5000/app:1.4")).isTrue();
        assertThat(SourceResolver.isImageName("app.tar")).isFalse();
        assertThat(SourceResolver.isImageName("app.tar.gz")).isFalse();
        assertThat(SourceResolver.isImageName("/tmp/app")).isFalse();
        assertThat(SourceResolver.isImageName("./app")).isFalse();
        assertThat(SourceResolver.isImageName("layout/")).isFalse();
        assertThat(SourceResolver.isImageName("App")).as("upper case is no repository name").isFalse();
    }
}
