package dev.layerlens.core.source.registry;

import dev.layerlens.core.image.Digest;
import dev.layerlens.core.image.Image;
import dev.layerlens.core.image.ImageReference;
import dev.layerlens.core.source.ImageAssembler;
import dev.layerlens.core.source.ImageReadException;
import dev.layerlens.core.source.ImageSource;
import dev.layerlens.core.source.LayerBlob;
import dev.layerlens.core.source.LayerDescriptor;
import dev.layerlens.core.source.OciImageResolver;
import dev.layerlens.core.source.ResolvedManifest;
import dev.layerlens.core.source.SourceOptions;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Opens {@code [REGISTRY/]REPO[:TAG|@DIGEST]} in a registry (Registry HTTP API v2), with Docker
 * Hub's defaults: reads the manifest (choosing a platform in an index) and the config; layers are
 * downloaded later, while the scanner reads them.
 */
public final class RegistrySource {
    public static final String KIND = "docker";

    private final Map<String, String> env;
    private final RegistrySettings settings;
    private final Clock clock;
    /** Made on first use: building one initialises TLS, which a local archive never needs. */
    private HttpClient client;

    /** @param env the environment: {@code DOCKER_CONFIG}, {@code HOME}, {@code PATH} (credential helpers) */
    public RegistrySource(Map<String, String> env, RegistrySettings settings, Clock clock) {
        this.env = env;
        this.settings = settings;
        this.clock = clock;
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpExchange.newClient(settings);
        }
        return client;
    }

    public RegistrySource(Map<String, String> env) {
        this(env, RegistrySettings.DEFAULT, Clock.systemUTC());
    }

    /** Parses a reference as written after {@code docker:} ({@code //} optional). */
    public static ImageReference parseReference(String text) throws ImageReadException {
        String ref = text.startsWith("//") ? text.substring(2) : text;
        try {
            return ImageReference.parse(ref);
        } catch (IllegalArgumentException e) {
            throw new ImageReadException(e.getMessage());
        }
    }

    public ImageSource open(ImageReference reference, SourceOptions options) throws ImageReadException {
        RegistryEndpoint registry = RegistryEndpoint.of(reference.registry(), options.remote().insecureRegistries());
        HttpExchange exchange = new HttpExchange(client(), settings, clock);
        CredentialSource credentials = options.remote().credentials() != null
                ? () -> Optional.of(options.remote().credentials())
                : new DockerCredentials(reference.registry(), env);
        Authenticator authenticator = new Authenticator(registry, credentials, new TokenEndpoint(exchange, clock),
                new TokenCache(clock));
        RegistryCaller caller = new RegistryCaller(registry, reference.repository(), exchange, authenticator);
        RegistryBlobSource blobs = new RegistryBlobSource(caller, settings);

        Digest root = reference.digest() != null ? reference.digest() : blobs.fetchManifest(reference.tag()).digest();
        ResolvedManifest resolved = new OciImageResolver(blobs, options).resolve(root);
        List<LayerBlob> layerBlobs = new ArrayList<>();
        for (LayerDescriptor d : resolved.layers()) {
            layerBlobs.add(blobs.layerBlob(d.digest(), d.size()));
        }
        Image image = ImageAssembler.assemble(reference.familiar(), KIND, resolved.manifestDigest(),
                resolved.configDigest(), resolved.config(), resolved.layers());
        return new RegistryImageSource(image, layerBlobs);
    }
}
