package dev.layerlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerlens.testdata.DockerArchive;
import dev.layerlens.testdata.OciLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The options for daemons and registries as the command line takes them, and {@code layers} on
 * local archives (its daemon and registry forms run in the integration tests).
 */
class RemoteOptionsTest {
    @TempDir
    static Path dir;
    static Path docker25;
    static Path layout;

    @BeforeAll
    static void write() {
        docker25 = new DockerArchive(DockerArchive.Layout.DOCKER_25).image(AnalyzeCommandTest.IMAGE, "app:1")
                .write(dir.resolve("app.tar")).path();
        layout = new OciLayout().tag("1", AnalyzeCommandTest.IMAGE).writeDirectory(dir.resolve("layout")).path();
    }

    @Test
    void malformedCredentialsAreAUsageErrorThatDoesNotEchoThem() {
        Run run = Run.of("analyze", "--creds", "no-colon-secret", docker25.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("credentials must be USER:PASSWORD").doesNotContain("no-colon-secret");
    }

    @Test
    void aCredentialsFileMustExistAndHoldUserColonPassword() throws Exception {
        Run missing = Run.of("analyze", "--creds-file", dir.resolve("none.txt").toString(), docker25.toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("none.txt does not exist");

        Path bad = Files.writeString(dir.resolve("bad.txt"), "just-a-secret\n", StandardCharsets.UTF_8);
        Run malformed = Run.of("analyze", "--creds-file", bad.toString(), docker25.toString());
        assertThat(malformed.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(malformed.err()).contains("the first line of " + bad + " must be USER:PASSWORD").doesNotContain("just-a-secret");
    }

    @Test
    void anUnknownSourceIsAUsageError() {
        Run run = Run.of("analyze", "--source", "ftp", docker25.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--source must be one of docker-archive, oci-archive, oci, docker-daemon, podman, docker");
    }

    @Test
    void remoteOptionsDoNotDisturbLocalArchives() {
        Run run = Run.of("analyze", "--creds", "u:p", "--insecure-registry", "reg.example:5000", "--pull", docker25.toString());
        assertThat(run.code()).as(run.err()).isZero();
    }

    @Test
    void helpNamesEveryTransport() {
        Run run = Run.of("analyze", "--help");
        assertThat(run.out()).contains("docker-daemon:NAME", "podman:NAME", "docker://[REGISTRY/]REPO[:TAG|@DIGEST]",
                "--creds", "--creds-file", "--insecure-registry", "--pull");
    }

    @Test
    void layersListsWhatManifestAndConfigSay() throws Exception {
        Run run = Run.of("layers", "-f", "json", "oci:" + layout + ":1");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode listing = new ObjectMapper().readTree(run.out());
        assertThat(listing.get("source").asText()).isEqualTo("oci");
        assertThat(listing.get("layerCount").asInt()).isEqualTo(2);
        assertThat(listing.get("manifestDigest").asText()).startsWith("sha256:");
        assertThat(listing.at("/layers/0/compression").asText()).isEqualTo("gzip");
        assertThat(listing.at("/layers/0/blobSize").asLong()).isPositive();
        assertThat(listing.at("/layers/1/command").asText()).isEqualTo("RUN rm /etc/big.conf");
        assertThat(listing.get("compressedSizeBytes").asLong())
                .isEqualTo(listing.at("/layers/0/blobSize").asLong() + listing.at("/layers/1/blobSize").asLong());
    }

    @Test
    void layersAsText() {
        Run run = Run.of("layers", docker25.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("Image app:1", "source        docker-archive, linux/amd64", "layers        2",
                "ADD base /", "RUN rm /etc/big.conf");
    }

    @Test
    void layersOfSomethingUnreadableExitsThree() {
        Run run = Run.of("layers", dir.resolve("missing.tar").toString());
        assertThat(run.code()).isEqualTo(ExitCodes.IMAGE_UNREADABLE);
        assertThat(run.err().lines()).singleElement().asString().endsWith("no such file or directory");
    }
}
