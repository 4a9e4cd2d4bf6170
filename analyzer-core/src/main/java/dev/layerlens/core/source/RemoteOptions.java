package dev.layerlens.core.source;

import dev.layerlens.core.source.registry.Credentials;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How to reach daemons and registries.
 *
 * @param credentials        credentials for the registry named in the image, overriding the Docker config; or null
 * @param insecureRegistries registry hosts ({@code host} or {@code host:port}) that may be reached over plain HTTP
 * @param pull               let the daemon pull an image it does not have
 */
public record RemoteOptions(Credentials credentials, Set<String> insecureRegistries, boolean pull) {
    public static final RemoteOptions DEFAULT = new RemoteOptions(null, Set.of(), false);

    public RemoteOptions {
        insecureRegistries = insecureRegistries == null ? Set.of()
                : insecureRegistries.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
