package dev.layerlens.core.source.registry;

import dev.layerlens.core.image.ImageReference;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Where a registry's API lives: {@code docker.io} is served by {@code registry-1.docker.io}, every
 * other registry by its own name. HTTPS always, except (as Docker does) for a loopback registry and
 * for registries the user declared insecure, which speak plain HTTP.
 *
 * @param name the registry as named in image references ({@code docker.io}, {@code 127.0.0.1:5000})
 * @param base the API root, without the {@code /v2/}
 */
record RegistryEndpoint(String name, URI base) {
    private static final String DOCKER_HUB_API = "registry-1.docker.io";

    static RegistryEndpoint of(String registry, Set<String> insecureRegistries) {
        String name = registry.toLowerCase(Locale.ROOT);
        String host = name.equals(ImageReference.DOCKER_HUB) ? DOCKER_HUB_API : name;
        boolean plain = isLoopback(hostOnly(host)) || insecureRegistries.contains(name)
                || insecureRegistries.contains(hostOnly(name));
        return new RegistryEndpoint(name, URI.create((plain ? "http://" : "https://") + host));
    }

    boolean plainHttp() {
        return base.getScheme().equals("http");
    }

    /** The URI of an API path such as {@code /v2/library/busybox/manifests/latest}. */
    URI resolve(String path) {
        return base.resolve(path);
    }

    /** {@code localhost}, {@code 127.x.x.x} and {@code ::1} (by name, never by a DNS lookup). */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
                || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    /** {@code host:port} → {@code host}; IPv6 literals keep their brackets. */
    static String hostOnly(String authority) {
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            return close > 0 ? authority.substring(0, close + 1) : authority;
        }
        int colon = authority.lastIndexOf(':');
        return colon > 0 ? authority.substring(0, colon) : authority;
    }
}
