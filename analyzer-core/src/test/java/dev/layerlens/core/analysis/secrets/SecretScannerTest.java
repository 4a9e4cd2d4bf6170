package dev.layerlens.core.analysis.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlens.testdata.FakeSecrets;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretScannerTest {
    private static List<SecretMatch> scanBytes(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return SecretScanner.standard().scan(bytes, bytes.length);
    }

    @Test
    void adjacentSecretsOnOneLongLineAreAllFound() {
        List<String> tokens = new ArrayList<>();
        StringBuilder line = new StringBuilder("x".repeat(5000));
        for (int i = 0; i < 60; i++) {
            tokens.add(FakeSecrets.npmToken(String.format("%04d", i)));
            line.append(' ').append(tokens.get(i));
        }
        assertThat(scanBytes(line + "\n")).extracting(SecretMatch::value).containsExactlyElementsOf(tokens);
    }

    @Test
    void theMostSpecificRuleWinsWhereMatchesOverlap() {
        String token = FakeSecrets.githubToken("0001");
        assertThat(scanBytes("export GITHUB_TOKEN=" + token + "\n")).extracting(m -> m.rule().id())
                .containsExactly("secret/github-token");
    }

    @Test
    void linesAndOffsetsAreThoseOfTheValue() {
        String token = FakeSecrets.githubToken("0001");
        String text = "a\nb\u00e9\n  token: " + token + "\n";
        SecretMatch m = scanBytes(text).get(0);
        assertThat(m.line()).isEqualTo(3);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(new String(bytes, m.start(), m.end() - m.start(), StandardCharsets.UTF_8)).isEqualTo(token);
    }

    @Test
    void aTextFullOfSecretsYieldsAtMostTheCap() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < SecretScanner.MAX_MATCHES + 50; i++) {
            text.append(FakeSecrets.npmToken(String.format("%04d", i))).append('\n');
        }
        assertThat(scanBytes(text.toString())).hasSize(SecretScanner.MAX_MATCHES);
    }

    @Test
    void keywordsWithUpperCaseMatchOnlyInThatCase() {
        // "eyJ" is the JWT keyword: lower-case text must not even reach the pattern, and a real token must
        String jwt = FakeSecrets.jwt("0001");
        assertThat(scanBytes("session=" + jwt + "\n")).extracting(SecretMatch::value).containsExactly(jwt);
        assertThat(scanBytes("session=" + jwt.toLowerCase() + "\n")).isEmpty();
    }
}
