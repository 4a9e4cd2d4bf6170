package dev.layerlens.core.source.daemon;

import com.github.dockerjava.api.command.InspectImageResponse;
import dev.layerlens.core.image.ImageReference;
import dev.layerlens.core.source.ImageNotFoundException;
import dev.layerlens.core.source.ImageReadException;
import dev.layerlens.core.source.ImageSource;
import dev.layerlens.core.source.SourceOptions;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

/**
 * Opens an image held by a Docker or Podman daemon. Nothing is pulled unless asked ({@code --pull}):
 * a missing image is an {@link ImageNotFoundException} naming the image and the daemon.
 */
public final class DaemonSource {
    private final Map<String, String> env;

    /** @param env {@code DOCKER_HOST}, {@code DOCKER_TLS_VERIFY}, {@code DOCKER_CERT_PATH}, {@code DOCKER_CONTEXT}, {@code DOCKER_CONFIG}, {@code HOME}, {@code CONTAINER_HOST}, {@code XDG_RUNTIME_DIR} */
    public DaemonSource(Map<String, String> env) {
        this.env = env;
    }

    public ImageSource open(DaemonKind kind, String name, SourceOptions options) throws ImageReadException {
        DaemonEndpoint endpoint = new DaemonEndpoints(env).find(kind);
        DaemonClient client = DaemonClient.connect(endpoint);
        try {
            Optional<InspectImageResponse> inspect = client.inspect(name);
            if (inspect.isEmpty() && options.remote().pull()) {
                client.pull(parse(name), options.remote().credentials());
                inspect = client.inspect(name);
            }
            if (inspect.isEmpty()) {
                throw new ImageNotFoundException("no image " + name + " in " + endpoint.describe()
                        + (options.remote().pull() ? " after pulling it" : " (layerlens pulls only with --pull)"));
            }
            String id = inspect.get().getId();
            InspectedImage inspected = InspectedImage.of(inspect.get(), client.history(id));
            SaveOpener opener = new SaveOpener() {
                @Override
                public InputStream open() throws ImageReadException {
                    // by ID: the image inspected, even if the name moves on meanwhile
                    return client.save(id);
                }

                @Override
                public void abort() {
                    try {
                        client.close();
                    } catch (IOException ignored) {
                        // cutting the connection off is all that was wanted
                    }
                }
            };
            return new DaemonImageSource(name, kind, endpoint.describe(), inspected, opener, options, client);
        } catch (ImageReadException | RuntimeException e) {
            try {
                client.close();
            } catch (IOException ignored) {
                // the original failure is what the user needs to see
            }
            throw e;
        }
    }

    private static ImageReference parse(String name) throws ImageReadException {
        try {
            return ImageReference.parse(name);
        } catch (IllegalArgumentException e) {
            throw new ImageReadException("cannot pull " + name + ": " + e.getMessage());
        }
    }
}
