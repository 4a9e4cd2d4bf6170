package dev.layerlens.core.analysis.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlens.testdata.FakeSecrets;
import org.junit.jupiter.api.Test;

class RedactionTest {
    @Test
    void longValuesShowFourAndFourAndTheirLength() {
        assertThat(Redaction.redact("AKIA" + "ABCDEFGHIJKL" + "MPLE")).isEqualTo("AKIA…MPLE (20 chars)");
        assertThat(Redaction.redact(FakeSecrets.githubToken("0001"))).isEqualTo("ghp_…0001 (40 chars)");
    }

    @Test
    void shorterValuesShowLessAndShortOnesNothing() {
        assertThat(Redaction.redact("abcdefghijkl")).isEqualTo("ab…kl (12 chars)");
        assertThat(Redaction.redact("abcdefghijk")).isEqualTo("… (11 chars)");
        assertThat(Redaction.redact("pw1")).isEqualTo("… (3 chars)");
    }

    @Test
    void neverMoreThanTwoFifthsOfAValue() {
        StringBuilder value = new StringBuilder();
        for (int n = 1; n <= 64; n++) {
            value.append((char) ('a' + n % 26));
            String shown = Redaction.redact(value.toString());
            int visible = shown.indexOf(" (") - (shown.contains("…") ? 1 : 0);
            assertThat(visible).as("length %d: %s", n, shown).isLessThanOrEqualTo(n * 2 / 5);
        }
    }

    @Test
    void aPrivateKeyShowsOnlyItsBeginLine() {
        String key = FakeSecrets.privateKey("EC ", "0001").strip();
        assertThat(Redaction.redact(key)).isEqualTo("-----BEGIN EC PRIVATE KEY-----… (" + key.length() + " chars)");
    }

    @Test
    void controlCharactersAtTheEndsAreNotPrinted() {
        assertThat(Redaction.redact("\u001b[31mabcdefghijklmnop\n")).isEqualTo("·[31…nop· (22 chars)");
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        assertThat(Redaction.redact("p\uD83D\uDD11ssw0rd-with-an-emoji")).endsWith("(22 chars)");
    }
}
