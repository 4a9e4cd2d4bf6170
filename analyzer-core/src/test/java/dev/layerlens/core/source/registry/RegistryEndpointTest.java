package dev.layerlens.core.source.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlens.core.image.ImageReference;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegistryEndpointTest {

    @Test
    void dockerHubIsServedByRegistryOne() {
        ImageReference busybox = ImageReference.parse("busybox");
        assertThat(busybox.registry()).isEqualTo("docker.io");
        assertThat(busybox.repository()).isEqualTo("library/busybox");
        assertThat(RegistryEndpoint.of(busybox.registry(), Set.of()).base()).isEqualTo(URI.create("https://registry-1.docker.io"));
    }

    @Test
    void loopbackRegistriesSpeakPlainHttp() {
        assertThat(RegistryEndpoint.of("127.0.0.1:5000", Set.of()).base()).isEqualTo(URI.create("http://127.0.0.1:5000"));
        assertThat(RegistryEndpoint.of("127.1.2.3:5000", Set.of()).plainHttp()).isTrue();
        assertThat(RegistryEndpoint.of("localhost:5000", Set.of()).plainHttp()).isTrue();
        assertThat(RegistryEndpoint.of("[::1]:5000", Set.of()).plainHttp()).isTrue();
    }

    @Test
    void anyOtherRegistryNeedsToBeDeclaredInsecureForPlainHttp() {
        assertThat(RegistryEndpoint.of("registry.example:5000", Set.of()).base())
                .isEqualTo(URI.create("https://registry.example:5000"));
        assertThat(RegistryEndpoint.of("registry.example:5000", Set.of("registry.example:5000")).plainHttp()).isTrue();
        assertThat(RegistryEndpoint.of("registry.example:5000", Set.of("registry.example")).plainHttp())
                .as("a host declared insecure covers its ports").isTrue();
        assertThat(RegistryEndpoint.of("registry.example", Set.of("other.example")).plainHttp()).isFalse();
        assertThat(RegistryEndpoint.of("localhost.example.com", Set.of()).plainHttp())
                .as("a name that only starts like localhost").isFalse();
        assertThat(RegistryEndpoint.of("128.0.0.1", Set.of()).plainHttp()).isFalse();
    }

    @Test
    void originsCompareWithTheirDefaultPorts() {
        assertThat(HttpExchange.origin(URI.create("https://Registry.Example/v2/"))).isEqualTo("https://registry.example:443");
        assertThat(HttpExchange.origin(URI.create("http://127.0.0.1:5000/x"))).isEqualTo("http://127.0.0.1:5000");
        assertThat(HttpExchange.origin(URI.create("http://localhost:5000/x")))
                .as("another name of the same machine is another origin")
                .isNotEqualTo(HttpExchange.origin(URI.create("http://127.0.0.1:5000/x")));
    }
}
