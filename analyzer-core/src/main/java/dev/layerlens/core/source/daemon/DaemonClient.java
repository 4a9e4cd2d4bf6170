package dev.layerlens.core.source.daemon;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.ImageHistory;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.layerlens.core.image.ImageReference;
import dev.layerlens.core.source.ImageReadException;
import dev.layerlens.core.source.registry.Credentials;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The Engine API calls layerlens makes (docker-java over its dependency-free transport): inspect,
 * history, save, pull. Speaks the newest API version both sides know: the daemon says its range
 * ({@code GET /version}), and newer daemons refuse versions below their minimum.
 */
final class DaemonClient implements Closeable {
    /** The newest Engine API version docker-java 3.7 describes. */
    static final RemoteApiVersion NEWEST_KNOWN = RemoteApiVersion.VERSION_1_44;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** A save answers only once the daemon has exported the layers: a large image takes minutes. */
    private static final Duration RESPONSE_TIMEOUT = Duration.ofMinutes(30);

    private final DaemonEndpoint endpoint;
    private final DockerHttpClient http;
    private final DockerClient client;
    private final String apiVersion;

    private DaemonClient(DaemonEndpoint endpoint, DockerHttpClient http, DockerClient client, String apiVersion) {
        this.endpoint = endpoint;
        this.http = http;
        this.client = client;
        this.apiVersion = apiVersion;
    }

    static DaemonClient connect(DaemonEndpoint endpoint) throws ImageReadException {
        DockerClientConfig probeConfig = config(endpoint, RemoteApiVersion.unknown());
        // one transport for both clients: the API version is only a path prefix of each request
        DockerHttpClient http = http(probeConfig);
        Version version;
        try {
            // an unversioned request is answered in the daemon's own newest version, whatever it is
            version = DockerClientImpl.getInstance(probeConfig, http).versionCmd().exec();
        } catch (RuntimeException e) {
            closeQuietly(http);
            throw unreachable(endpoint, e);
        }
        RemoteApiVersion chosen = negotiate(version.getApiVersion(), version.getMinAPIVersion());
        return new DaemonClient(endpoint, http, DockerClientImpl.getInstance(config(endpoint, chosen), http),
                chosen.getVersion());
    }

    private static void closeQuietly(DockerHttpClient http) {
        try {
            http.close();
        } catch (IOException ignored) {
            // the failure to connect is what matters
        }
    }

    /** The lower of the daemon's newest and ours, raised to the daemon's minimum. */
    static RemoteApiVersion negotiate(String daemonNewest, String daemonMinimum) {
        RemoteApiVersion newest = daemonNewest == null ? NEWEST_KNOWN : RemoteApiVersion.parseConfig(daemonNewest);
        RemoteApiVersion chosen = newest.isGreater(NEWEST_KNOWN) ? NEWEST_KNOWN : newest;
        if (daemonMinimum != null) {
            RemoteApiVersion minimum = RemoteApiVersion.parseConfig(daemonMinimum);
            if (minimum.isGreater(chosen)) {
                chosen = minimum;
            }
        }
        return chosen;
    }

    private static DockerClientConfig config(DaemonEndpoint endpoint, RemoteApiVersion version) {
        // not createDefaultConfigBuilder(): it reads the process environment and property files itself,
        // while layerlens has found the daemon already (and tests give their own environment)
        DefaultDockerClientConfig.Builder builder = new DefaultDockerClientConfig.Builder()
                .withDockerHost(endpoint.host().toString())
                .withApiVersion(version)
                .withDockerTlsVerify(endpoint.tls());
        if (endpoint.tls()) {
            builder.withDockerCertPath(endpoint.tlsDirectory().toString());
        }
        return builder.build();
    }

    private static DockerHttpClient http(DockerClientConfig config) {
        return new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .connectionTimeout(CONNECT_TIMEOUT)
                .responseTimeout(RESPONSE_TIMEOUT)
                .build();
    }

    String apiVersion() {
        return apiVersion;
    }

    /** The image, or empty when the daemon has none of that name. */
    Optional<InspectImageResponse> inspect(String name) throws ImageReadException {
        try {
            return Optional.of(client.inspectImageCmd(name).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw failure("inspect " + name, e);
        }
    }

    /** The history entries, newest first, as the daemon lists them. */
    List<ImageHistory> history(String id) throws ImageReadException {
        try {
            return client.imageHistoryCmd(id).exec();
        } catch (RuntimeException e) {
            throw failure("history of " + id, e);
        }
    }

    /** {@code docker save} of one image, as a stream the daemon writes while it is read. */
    InputStream save(String id) throws ImageReadException {
        try {
            return client.saveImageCmd(id).exec();
        } catch (RuntimeException e) {
            throw failure("save " + id, e);
        }
    }

    /** Lets the daemon pull {@code reference} from its registry, waiting until it is done. */
    void pull(ImageReference reference, Credentials credentials) throws ImageReadException {
        String repository = reference.registry().equals(ImageReference.DOCKER_HUB)
                ? reference.repository() : reference.registry() + "/" + reference.repository();
        try {
            var command = client.pullImageCmd(repository)
                    .withTag(reference.digest() != null ? reference.digest().toString() : reference.tag());
            if (credentials != null) {
                command.withAuthConfig(new AuthConfig().withUsername(credentials.username())
                        .withPassword(credentials.secret()).withRegistryAddress(reference.registry()));
            }
            command.exec(new PullImageResultCallback()).awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageReadException("interrupted while " + endpoint.describe() + " pulled " + reference.familiar());
        } catch (RuntimeException e) {
            throw failure("pull " + reference.familiar(), e);
        }
    }

    private ImageReadException failure(String action, RuntimeException e) {
        if (e instanceof DockerException de) {
            return new ImageReadException(endpoint.describe() + " could not " + action + ": " + daemonMessage(de), e);
        }
        return unreachable(endpoint, e);
    }

    /** The daemon's own message ({@code {"message":"…"}}) without docker-java's status prefix. */
    private static String daemonMessage(DockerException e) {
        String message = String.valueOf(e.getMessage());
        int brace = message.indexOf("{\"message\":\"");
        if (brace >= 0) {
            int end = message.lastIndexOf("\"}");
            if (end > brace) {
                return message.substring(brace + 12, end);
            }
        }
        return message.replaceFirst("^Status \\d+: ", "").trim();
    }

    private static DaemonUnavailableException unreachable(DaemonEndpoint endpoint, Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (why.contains("No such file or directory") || why.contains("[2]")) {
            why = "no such socket";
        } else if (why.contains("Connection refused") || why.contains("[111]")) {
            why = "connection refused";
        } else if (why.contains("Permission denied") || why.contains("[13]")) {
            why = "permission denied";
        }
        return new DaemonUnavailableException("cannot connect to " + endpoint.describe() + " (" + why + "; chosen by "
                + endpoint.origin() + "); is it running?", e);
    }

    @Override
    public void close() throws IOException {
        client.close();
        http.close();
    }
}
