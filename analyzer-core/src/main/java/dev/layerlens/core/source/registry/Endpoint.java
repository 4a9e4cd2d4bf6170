package dev.layerlens.core.source.registry;

import dev.layerlens.core.source.ImageReadException;
import java.io.IOException;
import java.util.Map;

/**
 * One request to a registry's API, described apart from how it is sent: {@link RegistryCaller}
 * authenticates, retries and follows redirects for every endpoint alike.
 *
 * @param <T> what a successful answer becomes
 */
interface Endpoint<T> {

    /** The API path, {@code /v2/REPO/...}. */
    String path();

    /** Request headers beside {@code Authorization} ({@code Accept}, {@code Range}). */
    Map<String, String> headers();

    /** Names the request in errors: {@code manifest latest}, {@code blob sha256:ab12…}. */
    String action();

    /**
     * Turns a 2xx answer into the result. Owns the response: closes it unless the result carries
     * its body on.
     */
    T handle(Response response) throws ImageReadException, IOException;
}
