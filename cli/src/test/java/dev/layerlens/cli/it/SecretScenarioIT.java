package dev.layerlens.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerlens.cli.Main;
import dev.layerlens.cli.SecretOutputs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The secrets audit on images the engine really built: every scenario of
 * {@code testdata/scenarios/secrets} with each builder it names, fake credentials planted through
 * ENV, {@code --build-arg}, an inline RUN, files copied then deleted, a key added, chmod'ed and
 * removed, dotfiles left in place; and controls that must leave no trace ({@code .dockerignore},
 * a BuildKit {@code --mount=type=secret}). Each planted value must be reported exactly where it
 * was planted, nothing else reported, each control absent from every output, and no output may
 * show a value without {@code --show-secrets}.
 */
@ExtendWith(ItEnvironment.class)
class SecretScenarioIT {
    private static final Pattern LAYER_REF = Pattern.compile("\\{(\\d+)}");

    static Stream<Arguments> scenarios() {
        List<Arguments> cases = new ArrayList<>();
        for (String name : SecretScenario.names()) {
            for (Docker.Builder builder : SecretScenario.load(name).builders()) {
                cases.add(Arguments.of(name, builder));
            }
        }
        return cases.stream();
    }

    record Output(int code, String out, String err) {
    }

    @ParameterizedTest(name = "{0} built with {1}")
    @MethodSource("scenarios")
    void plantedSecretsAreFoundWherePlantedAndControlsLeaveNoTrace(String name, Docker.Builder builder, ItContext it)
            throws IOException {
        SecretScenario scenario = SecretScenario.load(name);
        it.docker.client(builder); // skips or fails first when this builder is unavailable
        String base = it.bases.ensure(scenario.base());
        String stem = "secrets-" + name + "-" + builder.tagSuffix();
        Path context = scenario.materialize(it.workDir.resolve(stem));
        String tag = "layerlens-it/secrets-" + name + ":" + builder.tagSuffix();
        it.docker.build(builder, context, tag, Duration.ofMinutes(5), scenario.buildOptions(it.workDir.resolve(stem + "-build-secrets")));
        Path archive = it.workDir.resolve(stem + ".tar");
        Files.deleteIfExists(archive);
        it.docker.save(tag, archive);
        int baseLayers = it.docker.layerCount(base);
        String what = name + " (" + builder + ")";

        // the engine itself recorded the build arguments in the history: what the audit must find there
        String history = String.join("\n", it.docker.history(tag));
        scenario.expected().get("buildArgs").fields().forEachRemaining(a -> assertThat(history)
                .as("%s: docker history prints build argument %s", what, a.getKey())
                .contains(a.getKey() + "=" + SecretScenario.resolve(a.getValue().asText())));

        // the build really happened as the scenario says: its files ship (a mounted secret was read: its length is there)
        Path exportTar = it.workDir.resolve(stem + "-export.tar");
        it.docker.export(tag, exportTar);
        ExportedFilesystem export = ExportedFilesystem.read(exportTar);
        Files.delete(exportTar);
        scenario.expected().get("shipped").fieldNames().forEachRemaining(path -> {
            ExportedFilesystem.Entry entry = export.entries.get(path.substring(1));
            assertThat(entry).as("%s: %s in docker export", what, path).isNotNull();
            assertThat(entry.size()).as("%s: size of %s", what, path).isPositive();
        });

        SoftAssertions soft = new SoftAssertions();
        Output shown = layerlens("--show-secrets", "secrets", "-f", "json", archive.toString());
        boolean anyExpected = scenario.expected().get("findings").size() > 0;
        soft.assertThat(shown.code()).as("%s: exit code (stderr %s)", what, shown.err()).isEqualTo(anyExpected ? 1 : 0);
        JsonNode report = new ObjectMapper().readTree(shown.out());
        checkFindings(soft, what, scenario, report.get("findings"), baseLayers);

        String clear = shown.out() + "\n" + SecretOutputs.jsonStrings(shown.out());
        for (String absent : scenario.absentValues()) {
            soft.assertThat(clear).as("%s: a control value reached the image or the report", what).doesNotContain(absent.strip());
        }

        // the base, saved (not built) for diff's BEFORE: every finding of the scenario is then one diff introduces
        Path baseArchive = it.workDir.resolve(stem + "-base.tar");
        Files.deleteIfExists(baseArchive);
        it.docker.save(base, baseArchive);
        for (List<String> args : SecretOutputs.commands(baseArchive.toString(), archive.toString())) {
            String redacted = SecretOutputs.printed(args, it.workDir.resolve(stem + "-output"), false);
            for (String value : scenario.plantedValues().values()) {
                soft.assertThat(redacted).as("%s: %s printed a planted value (%s…) without --show-secrets", what, args,
                        value.substring(0, 4)).doesNotContain(value.strip());
            }
            // no redacted form keeps the fakes' marker: this catches a value cut short by a column too
            soft.assertThat(redacted.toLowerCase(Locale.ROOT)).as("%s: %s printed part of a planted value", what, args)
                    .doesNotContain("layerlensfake", "llfake");
            for (String absent : scenario.absentValues()) {
                soft.assertThat(redacted).as("%s: %s printed a control value", what, args).doesNotContain(absent.strip());
            }
        }
        soft.assertAll();
    }

    /** Each expected finding matches one reported finding, and nothing else is reported. */
    private static void checkFindings(SoftAssertions soft, String what, SecretScenario scenario, JsonNode findings, int base) {
        List<JsonNode> unmatched = new ArrayList<>();
        findings.forEach(unmatched::add);
        for (JsonNode want : scenario.expected().get("findings")) {
            JsonNode match = unmatched.stream().filter(got -> matches(want, got, base)).findFirst().orElse(null);
            soft.assertThat(match).as("%s: expected %s; reported:%n%s", what, want, describe(findings)).isNotNull();
            unmatched.remove(match);
        }
        soft.assertThat(unmatched).as("%s: reported beyond the planted secrets", what).isEmpty();
    }

    private static boolean matches(JsonNode want, JsonNode got, int base) {
        JsonNode where = got.get("where");
        if (!want.get("id").asText().equals(got.get("id").asText()) || !want.get("kind").asText().equals(where.get("kind").asText())) {
            return false;
        }
        for (String field : List.of("instruction", "buildArg", "configField", "configKey", "path", "line")) {
            String wanted = want.has(field) ? want.get(field).asText() : null;
            String reported = where.hasNonNull(field) ? where.get(field).asText() : null;
            if (field.equals("line") && wanted == null) {
                continue;
            }
            if (wanted == null ? reported != null : !wanted.equals(reported)) {
                return false;
            }
        }
        Integer wantLayer = want.has("layer") ? base + want.get("layer").asInt() : null;
        Integer gotLayer = where.hasNonNull("layer") ? where.get("layer").asInt() : null;
        if (wantLayer == null ? gotLayer != null : !wantLayer.equals(gotLayer)) {
            return false;
        }
        if (want.has("status") && !shift(want.get("status").asText(), base).equals(got.get("status").asText())) {
            return false;
        }
        if (want.has("value")) {
            String value = SecretScenario.resolve(want.get("value").asText()).strip();
            String evidence = got.get("evidence").asText();
            return evidence.equals(value) || evidence.endsWith(": " + value);
        }
        return true;
    }

    /** {@code {2}} in an expected status is scenario layer 2: base layers come first in the image. */
    private static String shift(String status, int base) {
        Matcher m = LAYER_REF.matcher(status);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, String.valueOf(base + Integer.parseInt(m.group(1))));
        }
        return m.appendTail(out).toString();
    }

    private static String describe(JsonNode findings) {
        StringBuilder s = new StringBuilder();
        findings.forEach(f -> s.append("  ").append(f.get("id").asText()).append(" @ ").append(f.at("/where/description").asText())
                .append(" [").append(f.get("status").asText()).append("]\n"));
        return s.toString();
    }

    private static Output layerlens(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("NO_COLOR", "1"));
        return new Output(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
