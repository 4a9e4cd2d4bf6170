package dev.layerlens.core.source.registry;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Optional;

/**
 * An HTTP answer whose body has not been read yet.
 *
 * @param uri where it came from (after redirects)
 */
record Response(int status, HttpHeaders headers, URI uri, BodyStream body) implements AutoCloseable {

    Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    boolean successful() {
        return status >= 200 && status < 300;
    }

    @Override
    public void close() {
        body.close();
    }
}
