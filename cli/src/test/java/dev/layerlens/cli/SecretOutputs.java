package dev.layerlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything layerlens can print about an image, for the tests that check no output shows a
 * secret without {@code --show-secrets}: the unit test on a fixture archive and the integration
 * test on images the engine built share this list, so a command or format added here is checked
 * by both.
 */
public final class SecretOutputs {
    private SecretOutputs() {
    }

    /**
     * Each command and format that prints the image's history, config, findings or name: analyze
     * (every format), secrets and layers (text, JSON), dockerfile, and diff from {@code before} to
     * the image (text, JSON, Markdown).
     */
    public static List<List<String>> commands(String before, String image) {
        List<List<String>> outputs = new ArrayList<>();
        for (String format : List.of("text", "json", "sarif", "markdown", "html")) {
            outputs.add(List.of("analyze", "--format", format, image));
        }
        for (String format : List.of("text", "json")) {
            outputs.add(List.of("secrets", "--format", format, image));
            outputs.add(List.of("layers", "--format", format, image));
        }
        outputs.add(List.of("dockerfile", image));
        for (String format : List.of("text", "json", "markdown")) {
            outputs.add(List.of("diff", "--format", format, before, image));
        }
        return outputs;
    }

    /**
     * What a command printed to stdout and stderr, run once to stdout and once with {@code -o file}
     * (where text is laid out to another width), and what it wrote to the file; JSON strings decoded.
     */
    public static String printed(List<String> command, Path file, boolean showSecrets) throws IOException {
        Files.deleteIfExists(file);
        List<String> toStdout = new ArrayList<>(command);
        List<String> toFile = new ArrayList<>(command);
        toFile.addAll(1, List.of("-o", file.toString()));
        if (showSecrets) {
            toStdout.add(0, "--show-secrets");
            toFile.add(0, "--show-secrets");
        }
        StringBuilder all = new StringBuilder();
        for (List<String> args : List.of(toStdout, toFile)) {
            Run run = Run.of(args.toArray(String[]::new));
            assertThat(run.code()).as("%s (stderr: %s)", args, run.err()).isIn(ExitCodes.OK, ExitCodes.POLICY_FAILED);
            all.append(run.out()).append('\n').append(run.err()).append('\n').append(jsonStrings(run.out()));
        }
        assertThat(file).as("%s -o writes the file", command).exists();
        String written = Files.readString(file, StandardCharsets.UTF_8);
        return all.append(written).append('\n').append(jsonStrings(written)).toString();
    }

    /** Every string of a JSON document, decoded (JSON escapes a key's line breaks); nothing for text that is not JSON. */
    public static String jsonStrings(String text) {
        StringBuilder out = new StringBuilder();
        try {
            collect(new ObjectMapper().readTree(text), out);
        } catch (IOException e) {
            return ""; // not JSON: the text itself is checked
        }
        return out.toString();
    }

    private static void collect(JsonNode node, StringBuilder out) {
        if (node.isTextual()) {
            out.append(node.asText()).append('\n');
        }
        node.forEach(child -> collect(child, out));
    }
}
