package dev.layerlens.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerlens.cli.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What goes wrong between layerlens and a registry, made to happen by a proxy in front of a real
 * token-authenticated registry, each with the outcome it must have: retried, resumed, renewed,
 * redirected without credentials, or refused with exit 3 and one line naming the cause.
 */
class RegistryFaultsIT {
    private static final String USER = "ci-bot";
    private static final String PASSWORD = "faults-pass";
    private static TokenServer tokens;
    private static RegistryServer registry;
    private static FaultProxy proxy;
    private static JsonNode direct;
    private static String config;
    private static String bigLayer;

    @BeforeAll
    static void start() throws IOException {
        Path work = Files.createDirectories(Path.of(System.getProperty(ItContext.WORK_PROPERTY, "target/it-work"))
                .toAbsolutePath().resolve("registry-faults-it"));
        Skopeo.binary();
        RegistryServer.deleteRecursively(work.resolve("single"));
        Path layout = RegistryImages.layout(RegistryImages.singleLayout(work.resolve("single")));
        tokens = new TokenServer(work.resolve("tokens"), Map.of(USER, PASSWORD), false, Duration.ofMinutes(5));
        registry = RegistryServer.start(work, "faults", new RegistryServer.Auth.Token(tokens));
        Skopeo.copy("oci:" + layout + ":v1", registry.host() + "/app:v1", USER + ":" + PASSWORD);
        proxy = new FaultProxy(registry.host());
        Cli run = Cli.run(Map.of(), "analyze", "-f", "json", "--creds", USER + ":" + PASSWORD,
                "docker://" + registry.host() + "/app:v1");
        assertThat(run.code()).as("%s", run).isZero();
        direct = run.json();
        config = direct.at("/image/digest").asText();
        bigLayer = direct.at("/layers/3/digest").asText();
    }

    @AfterAll
    static void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (registry != null) {
            registry.close();
        }
        if (tokens != null) {
            tokens.close();
        }
    }

    @BeforeEach
    void reset() {
        proxy.clear();
        tokens.reset();
    }

    private static String image() {
        return "docker://" + proxy.host() + "/app:v1";
    }

    private static Cli analyze() {
        return Cli.run(Map.of(), "analyze", "-f", "json", "--creds", USER + ":" + PASSWORD, image());
    }

    /** The run succeeded and reported what the direct read reported. */
    private static void sameAsDirect(Cli run) {
        assertThat(run.code()).as("%s", run).isZero();
        assertThat(RegistryImages.differences(RegistryImages.without(run.json(), RegistryImages.SOURCE_FIELDS),
                RegistryImages.without(direct, RegistryImages.SOURCE_FIELDS))).isEmpty();
    }

    private static List<FaultProxy.Seen> requestsFor(String pathSuffix) {
        return proxy.seen().stream().filter(s -> s.path().endsWith(pathSuffix)).toList();
    }

    private static String challenge() {
        return "Bearer realm=\"" + tokens.realm() + "\",service=\"" + TokenServer.SERVICE
                + "\",scope=\"repository:app:pull\"";
    }

    @Test
    void aChallengeIsAnsweredWithATokenAndTheRequestSentAgain() {
        sameAsDirect(analyze());
        List<FaultProxy.Seen> manifest = requestsFor("/manifests/v1");
        assertThat(manifest).extracting(FaultProxy.Seen::status).containsExactly(401, 200);
        assertThat(manifest.get(0).authorization()).isFalse();
        assertThat(manifest.get(1).authorization()).isTrue();
        assertThat(tokens.issued()).containsExactly(new TokenServer.Issued(USER, "repository:app:pull"));
    }

    @Test
    void aTokenRefusedBeforeItsTimeIsRenewedOnce() {
        proxy.on("GET", ".*/blobs/" + bigLayer, 0, 1, new FaultProxy.Fault.Answer(401,
                Map.of("WWW-Authenticate", challenge()), "{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}"));
        sameAsDirect(analyze());
        assertThat(tokens.issued()).as("the first token, and one to replace the refused one").hasSize(2);
        assertThat(requestsFor(bigLayer)).extracting(FaultProxy.Seen::status).containsExactly(401, 200);
    }

    @Test
    void forbiddenIsExitThreeNamingUserAndRepository() {
        proxy.on("GET", ".*/manifests/v1", 0, 10, new FaultProxy.Fault.Answer(403, Map.of(),
                "{\"errors\":[{\"code\":\"DENIED\",\"message\":\"requested access to the resource is denied\"}]}"));
        Cli run = analyze();
        assertThat(run.code()).isEqualTo(ExitCodes.IMAGE_UNREADABLE);
        assertThat(run.err()).isEqualTo("layerlens: cannot read " + image() + ": manifest v1: " + proxy.host()
                + " denied access to app for user " + USER + " (DENIED: requested access to the resource is denied)\n");
    }

    @Test
    void aMissingLayerIsExitThreeNamingTheLayer() {
        proxy.on("GET", ".*/blobs/" + bigLayer, 0, 10, new FaultProxy.Fault.Answer(404, Map.of(),
                "{\"errors\":[{\"code\":\"BLOB_UNKNOWN\",\"message\":\"blob unknown to registry\"}]}"));
        Cli run = analyze();
        assertThat(run.code()).isEqualTo(ExitCodes.IMAGE_UNREADABLE);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("layerlens: cannot read " + image() + ": layer 3 (" + bigLayer.substring(0, 19) + "…) could not be read:")
                .contains("not found in app on " + proxy.host() + " (BLOB_UNKNOWN: blob unknown to registry)");
    }

    @Test
    void tooManyRequestsWaitsAsRetryAfterSays() {
        proxy.on("GET", ".*/manifests/v1", 1, 1, new FaultProxy.Fault.Answer(429, Map.of("Retry-After", "2"), ""));
        sameAsDirect(analyze());
        List<FaultProxy.Seen> manifest = requestsFor("/manifests/v1");
        assertThat(manifest).extracting(FaultProxy.Seen::status).containsExactly(401, 429, 200);
        assertThat(Duration.ofNanos(manifest.get(2).at() - manifest.get(1).at())).as("waited as asked")
                .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void aServerErrorIsRetried() {
        proxy.on("GET", ".*/blobs/" + bigLayer, 0, 1, new FaultProxy.Fault.Answer(500, Map.of(), "oops"));
        sameAsDirect(analyze());
        assertThat(requestsFor(bigLayer)).extracting(FaultProxy.Seen::status).containsExactly(500, 200);
    }

    @Test
    void aServerThatKeepsFailingIsExitThreeAfterTheRetries() {
        proxy.on("GET", ".*/manifests/v1", 0, 100, new FaultProxy.Fault.Answer(503, Map.of(), ""));
        Cli run = analyze();
        assertThat(run.code()).isEqualTo(ExitCodes.IMAGE_UNREADABLE);
        assertThat(run.err()).isEqualTo("layerlens: cannot read " + image() + ": manifest v1: " + proxy.host() + " answered 503\n");
        assertThat(requestsFor("/manifests/v1")).as("five tries").hasSize(5);
    }

    @Test
    void aDownloadCutOffMidBlobResumesWhereItBroke() {
        proxy.on("GET", ".*/blobs/" + bigLayer, 0, 1, new FaultProxy.Fault.CutAfter(100_000));
        sameAsDirect(analyze());
        assertThat(requestsFor(bigLayer)).extracting(FaultProxy.Seen::range).containsExactly(null, "bytes=100000-");
    }

    @Test
    void aConfigWhoseBytesAreNotItsDigestIsExitThree() {
        proxy.on("GET", ".*/blobs/" + config, 0, 10, new FaultProxy.Fault.FlipByte(20));
        Cli run = analyze();
        assertThat(run.code()).isEqualTo(ExitCodes.IMAGE_UNREADABLE);
        assertThat(run.err()).startsWith("layerlens: cannot read " + image() + ": blob " + config.substring(0, 19)
                + "… does not match its digest (its content hashes to sha256:");
    }

    @Test
    void aManifestThatIsNotTheDigestTheRegistryAnnouncedIsExitThree() {
        proxy.on("GET", ".*/manifests/v1", 1, 10, new FaultProxy.Fault.FlipByte(3));
        Cli run = analyze();
        assertThat(run.code()).isEqualTo(ExitCodes.IMAGE_UNREADABLE);
        assertThat(run.err()).startsWith("layerlens: cannot read " + image() + ": manifest v1: the body does not match the"
                + " Docker-Content-Digest the registry announced (sha256:");
    }

    @Test
    void aManifestThatIsNotTheDigestAskedForIsExitThree() {
        String manifest = Cli.run(Map.of(), "layers", "-f", "json", "--creds", USER + ":" + PASSWORD, image()).json()
                .get("manifestDigest").asText();
        proxy.clear();
        proxy.on("GET", ".*/manifests/" + manifest, 0, 10, new FaultProxy.Fault.FlipByte(3));
        Cli run = Cli.run(Map.of(), "analyze", "--creds", USER + ":" + PASSWORD, "docker://" + proxy.host() + "/app@" + manifest);
        assertThat(run.code()).isEqualTo(ExitCodes.IMAGE_UNREADABLE);
        assertThat(run.err()).contains(": manifest " + manifest.substring(0, 19) + "… does not match its digest (its content"
                + " hashes to sha256:");
    }

    @Test
    void aLayerWhoseBytesAreNotItsDigestIsExitThree() {
        // byte 4 of a gzip stream is its MTIME, which no decoder checks: only the digest can tell
        proxy.on("GET", ".*/blobs/" + bigLayer, 0, 10, new FaultProxy.Fault.FlipByte(4));
        Cli run = analyze();
        assertThat(run.code()).isEqualTo(ExitCodes.IMAGE_UNREADABLE);
        assertThat(run.err()).startsWith("layerlens: cannot read " + image() + ": layer 3 (" + bigLayer.substring(0, 19)
                + "…) does not match its digest (its content hashes to sha256:");
    }

    @Test
    void aRedirectToAnotherHostGetsNoAuthorization() {
        proxy.on("GET", ".*/blobs/.*", 0, 100, new FaultProxy.Fault.RedirectElsewhere());
        sameAsDirect(analyze());
        assertThat(proxy.seen().stream().filter(s -> s.status() == 307)).as("every blob redirected, asked with a token")
                .hasSize(5).allSatisfy(s -> assertThat(s.authorization()).isTrue());
        assertThat(proxy.seenElsewhere()).as("the other host served them without seeing the token").hasSize(5)
                .allSatisfy(s -> {
                    assertThat(s.status()).isEqualTo(200);
                    assertThat(s.authorization()).isFalse();
                });
    }
}
