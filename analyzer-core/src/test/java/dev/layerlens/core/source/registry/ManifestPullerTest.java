package dev.layerlens.core.source.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What a manifest request asks for: every OCI and Docker type, so the registry never converts what it stores. */
class ManifestPullerTest {

    @Test
    void acceptNamesEveryOciAndDockerManifestAndIndexType() {
        String accept = new ManifestPuller("library/app", "1.0").headers().get("Accept");

        assertThat(Arrays.stream(accept.split(",")).map(String::strip)).containsExactlyInAnyOrder(
                "application/vnd.oci.image.index.v1+json",
                "application/vnd.oci.image.manifest.v1+json",
                "application/vnd.docker.distribution.manifest.list.v2+json",
                "application/vnd.docker.distribution.manifest.v2+json");
    }

    @Test
    void aTagOrADigestIsThePathsReference() {
        String digest = "sha256:" + "ab".repeat(32);
        assertThat(new ManifestPuller("org/app", "v1").path()).isEqualTo("/v2/org/app/manifests/v1");
        assertThat(new ManifestPuller("org/app", digest).path()).isEqualTo("/v2/org/app/manifests/" + digest);
        assertThat(new ManifestPuller("org/app", digest).action()).startsWith("manifest sha256:abab");
    }
}
