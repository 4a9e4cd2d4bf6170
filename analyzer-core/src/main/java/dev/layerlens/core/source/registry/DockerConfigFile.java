package dev.layerlens.core.source.registry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parts of Docker's client config ({@code $DOCKER_CONFIG/config.json}, else
 * {@code ~/.docker/config.json}) that say where credentials are: {@code auths} (stored in the
 * file), {@code credHelpers} (a helper per registry) and {@code credsStore} (a helper for all).
 *
 * @param auths       entries by registry key as written ({@code https://index.docker.io/v1/}, {@code host:port})
 * @param credHelpers helper name ({@code docker-credential-NAME}) by registry key
 * @param credsStore  the default helper's name, or null
 */
record DockerConfigFile(Map<String, AuthEntry> auths, Map<String, String> credHelpers, String credsStore) {
    private static final long MAX_BYTES = 4L << 20;
    private static final JsonFactory JSON = new JsonFactory();
    static final DockerConfigFile EMPTY = new DockerConfigFile(Map.of(), Map.of(), null);

    /** One {@code auths} entry: {@code auth} (base64 of user:password), or the fields apart. */
    record AuthEntry(String auth, String username, String password, String identityToken) {
        @Override
        public String toString() {
            return "AuthEntry[redacted]";
        }
    }

    /** The config file the environment points at. */
    static Path locate(Map<String, String> env) {
        String dir = env.get("DOCKER_CONFIG");
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir, "config.json");
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".docker", "config.json");
    }

    /** Reads the file; an absent file is an empty config, an unreadable one an IOException naming it. */
    static DockerConfigFile read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return EMPTY;
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException(file + " is larger than " + MAX_BYTES + " bytes");
        }
        Map<String, AuthEntry> auths = new LinkedHashMap<>();
        Map<String, String> helpers = new LinkedHashMap<>();
        String store = null;
        try (JsonParser p = JSON.createParser(Files.readAllBytes(file))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException(file + " is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "auths" -> readAuths(p, value, auths);
                    case "credHelpers" -> readStrings(p, value, helpers);
                    case "credsStore" -> store = value == JsonToken.VALUE_STRING && !p.getText().isBlank() ? p.getText() : null;
                    default -> p.skipChildren();
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // the parser's message may quote the file's text, which holds secrets: say where only
            throw new IOException(file + " is not valid JSON (line " + e.getLocation().getLineNr() + ")");
        }
        return new DockerConfigFile(auths, helpers, store);
    }

    private static void readAuths(JsonParser p, JsonToken start, Map<String, AuthEntry> out) throws IOException {
        if (start != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String registry = p.currentName();
            if (p.nextToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            readStrings(p, JsonToken.START_OBJECT, fields);
            out.put(registry, new AuthEntry(fields.get("auth"), fields.get("username"), fields.get("password"),
                    fields.get("identitytoken")));
        }
    }

    /** A flat object of strings (other values skipped); the parser is on its START_OBJECT. */
    private static void readStrings(JsonParser p, JsonToken start, Map<String, String> out) throws IOException {
        if (start != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.VALUE_STRING) {
                out.put(key, p.getText());
            } else {
                p.skipChildren();
            }
        }
    }
}
