package dev.layerlens.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DigestTest {
    /** sha256 of the empty string, a value anyone can check with sha256sum. */
    static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void hashesAndPrints() {
        Digest d = Digest.sha256("".getBytes(StandardCharsets.UTF_8));
        assertThat(d.toString()).isEqualTo("sha256:" + EMPTY);
        assertThat(d.shortForm()).isEqualTo("sha256:e3b0c44298fc…");
        assertThat(Digest.parse("sha256:" + EMPTY.toUpperCase())).isEqualTo(d);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha256:abc", "md5:" + EMPTY, EMPTY, "sha256:" + EMPTY + "00", ":" + EMPTY})
    void malformedDigestsAreRefused(String text) {
        assertThatThrownBy(() -> Digest.parse(text)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Digest.isDigest(text)).isFalse();
    }
}
