package dev.layerlens.core.source.registry;

import dev.layerlens.core.image.Digest;
import dev.layerlens.core.source.ImageReadException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /v2/REPO/blobs/DIGEST}, from byte {@code offset} on ({@code Range}) when resuming. The
 * body is handed on unread: layers stream through the scanner, never into memory or a file.
 */
final class BlobPuller implements Endpoint<BlobPuller.Body> {
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-\\d+/(?:\\d+|\\*)");

    /**
     * @param skip bytes of {@code response} to drop before {@code offset} is reached (a registry
     *             that ignored {@code Range} sent the blob from its start)
     */
    record Body(Response response, long skip) {
    }

    private final String repository;
    private final Digest digest;
    private final long offset;

    BlobPuller(String repository, Digest digest, long offset) {
        this.repository = repository;
        this.digest = digest;
        this.offset = offset;
    }

    @Override
    public String path() {
        return "/v2/" + repository + "/blobs/" + digest;
    }

    @Override
    public Map<String, String> headers() {
        return offset > 0 ? Map.of("Range", "bytes=" + offset + "-") : Map.of();
    }

    @Override
    public String action() {
        return "blob " + digest.shortForm();
    }

    @Override
    public Body handle(Response response) throws ImageReadException {
        if (offset == 0 || response.status() == 200) {
            return new Body(response, offset);
        }
        if (response.status() == 206) {
            String range = response.header("Content-Range").orElse("");
            Matcher m = CONTENT_RANGE.matcher(range.trim());
            if (m.matches() && Long.parseLong(m.group(1)) == offset) {
                return new Body(response, 0);
            }
            response.close();
            throw new ImageReadException(action() + ": asked to resume at byte " + offset + ", the registry sent "
                    + (range.isEmpty() ? "no Content-Range" : "range " + range));
        }
        response.close();
        throw new ImageReadException(action() + ": unexpected answer " + response.status() + " to a range request");
    }
}
