package dev.layerlens.core.source.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlens.core.image.Digest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The v1 ids against a real {@code docker save} (Docker 20.10.24, of a four-layer image built in
 * this project's integration tests): its directories, in manifest.json's layer order, and the
 * diffIDs of {@code docker image inspect}. Only Docker made these numbers.
 */
class LegacyLayerIdsTest {
    private static final List<Digest> DIFF_IDS = List.of(
            Digest.parse("sha256:7d0d881f8dca903c8975774eb8e943662063955a69978279bc9874e2024a0d55"),
            Digest.parse("sha256:831d10252d74266a127e2fbd4193768a79e12b7a72c895942869ac8b6cc7c6ac"),
            Digest.parse("sha256:7854b281ac8d11439941e70aa5c6f00bf274f05e5f8ac395ffb15de84e8122d1"),
            Digest.parse("sha256:276ae999988931ec0c5710a5e183f05b0017d8ad519830df4aea992dc677de4e"));
    private static final List<String> DIRECTORIES = List.of(
            "3a05d04ccb1580977f119c52a1bb45e27c02ef6e4ac6147c520dc650041135ab",
            "7aadabb07854af2712e5e6bbf28935962eca59c6cdd5ac5fc72aae04f5256f5a",
            "51d0ccdf9ca5b525ac94d88d8492bdceaa9e5571bcb3a09b8e822549f114352d");
    /** The {@code json} of the base layer's directory, byte for byte. */
    private static final String BASE_JSON = "{\"id\":\"3a05d04ccb1580977f119c52a1bb45e27c02ef6e4ac6147c520dc650041135ab\","
            + "\"created\":\"1970-01-01T00:00:00Z\",\"container_config\":" + SaveStreams.DOCKER_20_CONTAINER_CONFIG
            + ",\"os\":\"linux\"}";

    @Test
    void everyDirectoryBelowTheTopIsKnownFromTheDiffIds() {
        LegacyLayerIds.V1Json v1 = LegacyLayerIds.read(BASE_JSON.getBytes(StandardCharsets.UTF_8)).orElseThrow();

        assertThat(v1.top()).isFalse();
        assertThat(v1.created()).isEqualTo("\"1970-01-01T00:00:00Z\"");
        assertThat(v1.containerConfig()).isEqualTo(SaveStreams.DOCKER_20_CONTAINER_CONFIG);
        assertThat(LegacyLayerIds.belowTop(DIFF_IDS, v1.containerConfig(), v1.created())).isEqualTo(DIRECTORIES);
    }

    @Test
    void theTopLayersJsonNamesItself() {
        String top = "{\"id\":\"f2\",\"parent\":\"51d0\",\"created\":\"2026-11-25T08:09:26.929224216Z\","
                + "\"container_config\":{\"Cmd\":[\"/bin/sh\",\"-c\",\"rm -rf /www\"]},\"config\":{\"Env\":[\"PATH=/bin\"]},"
                + "\"architecture\":\"amd64\",\"os\":\"linux\"}";
        assertThat(LegacyLayerIds.read(top.getBytes(StandardCharsets.UTF_8)).orElseThrow().top()).isTrue();
    }

    @Test
    void anotherConfigGivesOtherIds() {
        assertThat(LegacyLayerIds.belowTop(DIFF_IDS, "{}", "\"1970-01-01T00:00:00Z\"")).doesNotContainAnyElementsOf(DIRECTORIES);
    }

    @Test
    void aSingleLayerImageHasNoLayerBelowTheTop() {
        assertThat(LegacyLayerIds.belowTop(DIFF_IDS.subList(0, 1), "{}", "\"x\"")).isEmpty();
    }

    @Test
    void whatIsNotJsonTellsNothing() {
        assertThat(LegacyLayerIds.read("not json".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
