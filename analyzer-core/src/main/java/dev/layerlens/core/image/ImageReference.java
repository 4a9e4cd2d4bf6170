package dev.layerlens.core.image;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A docker-style image name {@code [REGISTRY/]REPO[:TAG][@DIGEST]} with Docker Hub defaults,
 * so that {@code busybox}, {@code library/busybox:latest} and {@code index.docker.io/library/busybox}
 * compare equal.
 */
public record ImageReference(String registry, String repository, String tag, Digest digest) {
    public static final String DOCKER_HUB = "docker.io";
    private static final Pattern REPOSITORY = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");

    /** Parses a reference; a missing tag becomes {@code latest} unless a digest is given. */
    public static ImageReference parse(String text) {
        String rest = text.trim();
        Digest digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = Digest.parse(rest.substring(at + 1));
            rest = rest.substring(0, at);
        }
        String tag = null;
        int lastSlash = rest.lastIndexOf('/');
        int colon = rest.lastIndexOf(':');
        if (colon > lastSlash) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                throw new IllegalArgumentException("invalid tag in image reference: " + text);
            }
        }
        String registry = DOCKER_HUB;
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                registry = first;
                rest = rest.substring(slash + 1);
            }
        }
        if (registry.equals("index.docker.io") || registry.equals("registry-1.docker.io")) {
            registry = DOCKER_HUB;
        }
        if (registry.equals(DOCKER_HUB) && !rest.contains("/")) {
            rest = "library/" + rest;
        }
        if (!REPOSITORY.matcher(rest).matches()) {
            throw new IllegalArgumentException("invalid repository name in image reference: " + text);
        }
        if (tag == null && digest == null) {
            tag = "latest";
        }
        return new ImageReference(registry.toLowerCase(Locale.ROOT), rest, tag, digest);
    }

    /** Parses, or returns null when the text is not a valid reference. */
    public static ImageReference tryParse(String text) {
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The short form docker prints: {@code busybox:latest}, {@code localhost:5000/app:1}. */
    public String familiar() {
        String repo = registry.equals(DOCKER_HUB) && repository.startsWith("library/")
                ? repository.substring("library/".length())
                : registry.equals(DOCKER_HUB) ? repository : registry + "/" + repository;
        StringBuilder out = new StringBuilder(repo);
        if (tag != null) {
            out.append(':').append(tag);
        }
        if (digest != null) {
            out.append('@').append(digest);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(registry).append('/').append(repository);
        if (tag != null) {
            out.append(':').append(tag);
        }
        if (digest != null) {
            out.append('@').append(digest);
        }
        return out.toString();
    }
}
