package dev.layerlens.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerlens.cli.ExitCodes;
import dev.layerlens.testdata.Written;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real registry (Debian's docker-registry, no authentication) filled with skopeo from OCI layouts
 * the fixture writer made; layerlens reads the images back over the Registry API and must report
 * exactly what it reports for the layouts they came from.
 */
class RegistryIT {
    private static RegistryServer registry;
    private static Path work;
    private static Path single;
    private static Path multi;

    @BeforeAll
    static void start() throws IOException {
        work = Files.createDirectories(Path.of(System.getProperty(ItContext.WORK_PROPERTY, "target/it-work"))
                .toAbsolutePath().resolve("registry-it"));
        Skopeo.binary();
        registry = RegistryServer.start(work, "plain", new RegistryServer.Auth.None());
        RegistryServer.deleteRecursively(work.resolve("single"));
        RegistryServer.deleteRecursively(work.resolve("multi"));
        single = RegistryImages.layout(RegistryImages.singleLayout(work.resolve("single")));
        multi = RegistryImages.layout(RegistryImages.multiLayout(work.resolve("multi")));
        // zstd first: once the registry holds the gzip blobs, skopeo reuses them instead of compressing again
        Skopeo.copy("oci:" + single + ":v1", registry.host() + "/app-zstd:v1", null, "--dest-compress-format", "zstd");
        Skopeo.copy("oci:" + single + ":v1", registry.host() + "/app:v1", null);
        Skopeo.copy("oci:" + multi + ":v1", registry.host() + "/multi:v1", null, "--all");
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    private static JsonNode analyze(String... args) {
        String[] full = new String[args.length + 3];
        full[0] = "analyze";
        full[1] = "-f";
        full[2] = "json";
        System.arraycopy(args, 0, full, 3, args.length);
        Cli run = Cli.run(Map.of(), full);
        assertThat(run.code()).as("%s", run).isZero();
        return run.json();
    }

    @Test
    void anImageFromTheRegistryIsTheImageOfItsLayout() {
        JsonNode fromRegistry = analyze("docker://" + registry.host() + "/app:v1");
        JsonNode fromLayout = analyze("oci:" + single + ":v1");

        assertThat(fromRegistry.at("/image/source").asText()).isEqualTo("docker");
        assertThat(fromRegistry.at("/image/reference").asText()).isEqualTo(registry.host() + "/app:v1");
        assertThat(fromRegistry.at("/image/verified").asBoolean()).isTrue();
        assertThat(fromRegistry.at("/image/compressedSizeBytes").isNumber()).isTrue();
        assertThat(RegistryImages.differences(RegistryImages.without(fromRegistry, RegistryImages.SOURCE_FIELDS),
                RegistryImages.without(fromLayout, RegistryImages.SOURCE_FIELDS)))
                .as("the same blobs: only where it came from differs").isEmpty();
    }

    @Test
    void aBareNameThatIsNoFileAndNotInTheDaemonIsReadFromTheRegistry() {
        // no daemon answers at this socket: the registry named in the reference is next
        Cli run = Cli.run(Map.of("DOCKER_HOST", "unix://" + work.resolve("no-daemon.sock")), "analyze", "-f", "json",
                registry.host() + "/app:v1");
        assertThat(run.code()).as("%s", run).isZero();
        assertThat(run.json().at("/image/source").asText()).isEqualTo("docker");
    }

    @Test
    void anIndexIsResolvedByPlatform() {
        for (String platform : List.of("linux/amd64", "linux/arm64")) {
            JsonNode fromRegistry = analyze("--platform", platform, "docker://" + registry.host() + "/multi:v1");
            JsonNode fromLayout = analyze("--platform", platform, "oci:" + multi + ":v1");
            assertThat(fromRegistry.at("/image/platform").asText()).isEqualTo(platform);
            assertThat(RegistryImages.differences(RegistryImages.without(fromRegistry, RegistryImages.SOURCE_FIELDS),
                    RegistryImages.without(fromLayout, RegistryImages.SOURCE_FIELDS))).as(platform).isEmpty();
        }
        Cli other = Cli.run(Map.of(), "analyze", "--platform", "linux/s390x", "docker://" + registry.host() + "/multi:v1");
        assertThat(other.code()).isEqualTo(ExitCodes.IMAGE_UNREADABLE);
        assertThat(other.err()).isEqualTo("layerlens: cannot read docker://" + registry.host() + "/multi:v1: no image for"
                + " platform linux/s390x (available: linux/amd64, linux/arm64); choose one with --platform\n");
    }

    @Test
    void zstdLayersGiveTheSameFigures() {
        JsonNode zstd = analyze("docker://" + registry.host() + "/app-zstd:v1");
        JsonNode gzip = analyze("docker://" + registry.host() + "/app:v1");

        assertThat(zstd.get("layers")).allSatisfy(l -> assertThat(l.get("compression").asText()).isEqualTo("zstd"));
        Set<String> storage = Set.of("/image/reference", "/image/compressedSizeBytes", "/timings", "/layers/*/digest",
                "/layers/*/compressedSizeBytes", "/layers/*/compression");
        assertThat(RegistryImages.differences(RegistryImages.without(zstd, storage), RegistryImages.without(gzip, storage)))
                .as("only how the layers are stored differs").isEmpty();
    }

    @Test
    void byDigest() {
        JsonNode byTag = analyze("docker://" + registry.host() + "/app:v1");
        String manifest = Cli.run(Map.of(), "layers", "-f", "json", "docker://" + registry.host() + "/app:v1").json()
                .get("manifestDigest").asText();
        JsonNode byDigest = analyze("docker://" + registry.host() + "/app@" + manifest);
        assertThat(byDigest.at("/image/digest")).isEqualTo(byTag.at("/image/digest"));
        assertThat(byDigest.at("/image/reference").asText()).isEqualTo(registry.host() + "/app@" + manifest);

        Cli absent = Cli.run(Map.of(), "analyze", "docker://" + registry.host() + "/app@sha256:" + "0".repeat(64));
        assertThat(absent.code()).isEqualTo(ExitCodes.IMAGE_UNREADABLE);
        assertThat(absent.err().lines()).singleElement().asString()
                .contains("manifest sha256:000000000000…: not found in app on " + registry.host());
    }

    @Test
    void aMissingTagOrRepositoryIsOneLineAndExitThree() {
        Cli run = Cli.run(Map.of(), "analyze", "docker://" + registry.host() + "/app:nope");
        assertThat(run.code()).isEqualTo(ExitCodes.IMAGE_UNREADABLE);
        assertThat(run.err()).isEqualTo("layerlens: cannot read docker://" + registry.host() + "/app:nope: manifest nope:"
                + " not found in app on " + registry.host() + " (MANIFEST_UNKNOWN: manifest unknown)\n");
        Cli repo = Cli.run(Map.of(), "analyze", "docker://" + registry.host() + "/nothing-here:v1");
        assertThat(repo.code()).isEqualTo(ExitCodes.IMAGE_UNREADABLE);
        assertThat(repo.err()).contains("not found in nothing-here on " + registry.host());
    }

    @Test
    void theLayersCommandReadsManifestAndConfigOnly() {
        try (FaultProxy proxy = new FaultProxy(registry.host())) {
            Cli run = Cli.run(Map.of(), "layers", "-f", "json", "docker://" + proxy.host() + "/app:v1");
            assertThat(run.code()).as("%s", run).isZero();
            JsonNode listing = run.json();
            JsonNode report = analyze("docker://" + registry.host() + "/app:v1");

            assertThat(listing.get("layerCount").asInt()).isEqualTo(4);
            for (int i = 0; i < 4; i++) {
                JsonNode entry = listing.get("layers").get(i);
                JsonNode layer = report.get("layers").get(i);
                assertThat(entry.get("digest")).isEqualTo(layer.get("digest"));
                assertThat(entry.get("blobSize")).as("the manifest's size is the downloaded blob's")
                        .isEqualTo(layer.get("compressedSizeBytes"));
                assertThat(entry.get("command")).isEqualTo(layer.get("command"));
                assertThat(entry.get("compression").asText()).isEqualTo("gzip");
            }
            assertThat(listing.get("compressedSizeBytes")).isEqualTo(report.at("/image/compressedSizeBytes"));
            String config = report.at("/image/digest").asText();
            assertThat(proxy.seen()).extracting(FaultProxy.Seen::path)
                    .as("requests: the manifest and the config, no layer")
                    .containsExactly("/v2/app/manifests/v1", "/v2/app/blobs/" + config);
        }
        Cli text = Cli.run(Map.of(), "layers", "docker://" + registry.host() + "/app:v1");
        assertThat(text.out()).contains("source        docker, linux/amd64", "COPY data /data", "gzip");
    }

    @Test
    void aRegistryOffLoopbackIsSpokenToOverHttpsUnlessDeclaredInsecure() {
        // the same storage, served by a second registry on an address of this machine that is not loopback
        try (RegistryServer offLoopback = RegistryServer.start(work, "off-loopback", new RegistryServer.Auth.None(),
                RegistryAddresses.nonLoopbackIpv4(), "plain")) {
            String image = "docker://" + offLoopback.host() + "/app:v1";
            Cli refused = Cli.run(Map.of(), "analyze", image);
            assertThat(refused.code()).isEqualTo(ExitCodes.IMAGE_UNREADABLE);
            assertThat(refused.err()).startsWith("layerlens: cannot read " + image + ": manifest v1: TLS with https://"
                    + offLoopback.host() + " failed").contains("--insecure-registry");

            Cli insecure = Cli.run(Map.of(), "analyze", "-f", "json", "--insecure-registry", offLoopback.host(), image);
            assertThat(insecure.code()).as("%s", insecure).isZero();
            assertThat(insecure.json().at("/image/digest")).isEqualTo(analyze("docker://" + registry.host() + "/app:v1")
                    .at("/image/digest"));
        }
    }
}
