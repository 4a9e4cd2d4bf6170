package dev.layerlens.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerlens.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs {@code layerlens analyze -f json} in-process, as a user would run it, and parses what it printed. */
final class Reports {
    private Reports() {
    }

    static JsonNode analyze(String image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"analyze", "-f", "json", image}, InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of());
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(code).as("exit code of analyze %s; stderr: %s", image, stderr).isZero();
        try {
            return new ObjectMapper().readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("analyze " + image + " printed no JSON: " + out.toString(StandardCharsets.UTF_8), e);
        }
    }
}
