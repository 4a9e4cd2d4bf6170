package dev.layerlens.core.source.registry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.layerlens.core.source.ImageReadException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Docker credential helper ({@code docker-credential-NAME get}): the server's name on stdin, a JSON
 * object {@code {ServerURL, Username, Secret}} on stdout, a user name of {@code <token>} for an
 * identity token. A helper that has no credentials for the server exits non-zero saying so.
 */
final class CredentialHelper {
    private static final long TIMEOUT_SECONDS = 60;
    private static final int MAX_OUTPUT = 1 << 20;
    private static final JsonFactory JSON = new JsonFactory();

    private final String name;
    private final Map<String, String> env;

    /** @param name the part after {@code docker-credential-} */
    CredentialHelper(String name, Map<String, String> env) {
        this.name = name;
        this.env = env;
    }

    String program() {
        return "docker-credential-" + name;
    }

    /** The credentials the helper keeps for {@code serverUrl}, or empty when it has none. */
    Optional<Credentials> get(String serverUrl) throws ImageReadException {
        Path executable = locate().orElseThrow(() ->
                new ImageReadException("the Docker config names credential helper " + program() + ", which is not on PATH"));
        ProcessBuilder builder = new ProcessBuilder(executable.toString(), "get")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(env);
        byte[] out;
        int exit;
        try {
            Process process = builder.start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(serverUrl.getBytes(StandardCharsets.UTF_8));
            }
            try (InputStream stdout = process.getInputStream()) {
                out = stdout.readNBytes(MAX_OUTPUT);
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new ImageReadException(program() + " did not answer within " + TIMEOUT_SECONDS + " s");
            }
            exit = process.exitValue();
        } catch (IOException e) {
            throw new ImageReadException(program() + " could not be run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageReadException(program() + ": interrupted");
        }
        if (exit != 0) {
            // "credentials not found in native keychain": the helper knows nothing for this server
            return Optional.empty();
        }
        return parse(out);
    }

    private Optional<Credentials> parse(byte[] out) throws ImageReadException {
        String username = null;
        String secret = null;
        try (JsonParser p = JSON.createParser(out)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new ImageReadException(program() + " printed no JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (value != JsonToken.VALUE_STRING) {
                    p.skipChildren();
                } else if (field.equals("Username")) {
                    username = p.getText();
                } else if (field.equals("Secret")) {
                    secret = p.getText();
                }
            }
        } catch (IOException e) {
            // never quote the output: it holds the secret
            throw new ImageReadException(program() + " printed invalid JSON");
        }
        if (secret == null || secret.isEmpty()) {
            return Optional.empty();
        }
        if ("<token>".equals(username)) {
            return Optional.of(new Credentials("<token>", secret, true));
        }
        return username == null || username.isEmpty() ? Optional.empty() : Optional.of(Credentials.password(username, secret));
    }

    /** The helper on the environment's PATH. */
    private Optional<Path> locate() {
        String path = env.getOrDefault("PATH", System.getenv().getOrDefault("PATH", ""));
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program());
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
