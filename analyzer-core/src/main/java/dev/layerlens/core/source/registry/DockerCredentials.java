package dev.layerlens.core.source.registry;

import dev.layerlens.core.image.ImageReference;
import dev.layerlens.core.source.ImageReadException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the credentials {@code docker login} left for a registry, the way the docker client does:
 * the registry's own helper ({@code credHelpers}), else the default store ({@code credsStore}),
 * else the {@code auths} entry of the config file. Docker Hub is keyed
 * {@code https://index.docker.io/v1/}; other keys match with or without scheme and path.
 */
final class DockerCredentials implements CredentialSource {
    static final String DOCKER_HUB_KEY = "https://index.docker.io/v1/";

    private final String registry;
    private final Map<String, String> env;

    /** @param registry the registry as named in references ({@code docker.io}, {@code host:port}) */
    DockerCredentials(String registry, Map<String, String> env) {
        this.registry = registry.toLowerCase(Locale.ROOT);
        this.env = env;
    }

    @Override
    public Optional<Credentials> lookup() throws ImageReadException {
        Path file = DockerConfigFile.locate(env);
        DockerConfigFile config;
        try {
            config = DockerConfigFile.read(file);
        } catch (IOException e) {
            throw new ImageReadException("cannot read the Docker config: " + e.getMessage(), e);
        }
        String helper = null;
        for (Map.Entry<String, String> e : config.credHelpers().entrySet()) {
            if (matches(e.getKey())) {
                helper = e.getValue();
            }
        }
        if (helper != null) {
            return new CredentialHelper(helper, env).get(serverUrl());
        }
        if (config.credsStore() != null) {
            Optional<Credentials> stored = new CredentialHelper(config.credsStore(), env).get(serverUrl());
            if (stored.isPresent()) {
                return stored;
            }
        }
        for (Map.Entry<String, DockerConfigFile.AuthEntry> e : config.auths().entrySet()) {
            if (matches(e.getKey())) {
                Optional<Credentials> found = decode(e.getValue(), file);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** What docker hands to a helper: Docker Hub's historical URL, else the registry's name. */
    private String serverUrl() {
        return registry.equals(ImageReference.DOCKER_HUB) ? DOCKER_HUB_KEY : registry;
    }

    private boolean matches(String key) {
        return normalize(key).equals(registry);
    }

    /** {@code https://host:port/v1/} → {@code host:port}; Docker Hub's names → {@code docker.io}. */
    static String normalize(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT);
        int scheme = k.indexOf("://");
        if (scheme >= 0) {
            k = k.substring(scheme + 3);
        }
        int slash = k.indexOf('/');
        if (slash >= 0) {
            k = k.substring(0, slash);
        }
        if (k.equals("index.docker.io") || k.equals("registry-1.docker.io") || k.equals("registry.hub.docker.com")) {
            return ImageReference.DOCKER_HUB;
        }
        return k;
    }

    private static Optional<Credentials> decode(DockerConfigFile.AuthEntry entry, Path file) throws ImageReadException {
        if (entry.identityToken() != null && !entry.identityToken().isEmpty()) {
            String user = entry.username() != null ? entry.username() : "<token>";
            return Optional.of(new Credentials(user, entry.identityToken(), true));
        }
        if (entry.auth() != null && !entry.auth().isEmpty()) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(entry.auth().trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new ImageReadException("an auth entry of " + file + " is not valid base64");
            }
            try {
                return Optional.of(Credentials.parse(decoded));
            } catch (IllegalArgumentException e) {
                throw new ImageReadException("an auth entry of " + file + " is not base64 of USER:PASSWORD");
            }
        }
        if (entry.username() != null && entry.password() != null && !entry.password().isEmpty()) {
            return Optional.of(Credentials.password(entry.username(), entry.password()));
        }
        return Optional.empty();
    }
}
