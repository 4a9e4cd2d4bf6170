package dev.layerlens.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Platform names normalise the way containerd does. */
class PlatformTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "linux/x86_64, linux/amd64",
        "linux/x86-64, linux/amd64",
        "linux/amd64/v1, linux/amd64",
        "linux/amd64/v3, linux/amd64/v3",
        "linux/aarch64, linux/arm64",
        "linux/arm64/v8, linux/arm64",
        "linux/arm, linux/arm/v7",
        "linux/armhf, linux/arm/v7",
        "linux/armel, linux/arm/v6",
        "linux/arm/v6, linux/arm/v6",
        "linux/i386, linux/386",
        "Linux/AMD64, linux/amd64",
        "windows/amd64, windows/amd64",
    })
    void namesAreNormalised(String text, String normal) {
        assertThat(Platform.parse(text).toString()).isEqualTo(normal);
        assertThat(Platform.parse(text)).isEqualTo(Platform.parse(normal));
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux", "linux/", "/amd64", "linux/arm/v7/extra", ""})
    void malformedNamesAreRefused(String text) {
        assertThatThrownBy(() -> Platform.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("os/arch");
    }

    @Test
    void aRequestWithoutVariantAcceptsAnyVariant() {
        assertThat(new Platform("linux", "amd64", "").accepts(Platform.parse("linux/amd64/v3"))).isTrue();
        assertThat(Platform.parse("linux/arm/v6").accepts(Platform.parse("linux/arm/v7"))).isFalse();
        assertThat(Platform.parse("linux/arm64").accepts(Platform.parse("linux/amd64"))).isFalse();
        assertThat(Platform.parse("linux/amd64").accepts(Platform.parse("windows/amd64"))).isFalse();
    }

    @Test
    void unknownUnknownIsAnAttestation() {
        assertThat(Platform.parse("unknown/unknown").isAttestation()).isTrue();
        assertThat(Platform.parse("linux/unknown").isAttestation()).isFalse();
    }

    @Test
    void theHostIsLinuxOnTheJvmsArchitecture() {
        Platform host = Platform.host();
        assertThat(host.os()).isEqualTo("linux");
        assertThat(host).isEqualTo(new Platform("linux", System.getProperty("os.arch"), null));
    }

    @Test
    void missingPartsBecomeEmpty() {
        Platform p = new Platform(null, null, null);
        assertThat(p.os()).isEmpty();
        assertThat(p.architecture()).isEmpty();
        assertThat(p.variant()).isEmpty();
    }
}
