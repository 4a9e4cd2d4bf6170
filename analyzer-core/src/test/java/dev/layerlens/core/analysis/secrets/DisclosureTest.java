package dev.layerlens.core.analysis.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlens.testdata.FakeSecrets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DisclosureTest {
    @Test
    void redactsEverySecretInFreeTextAndKeepsTheRest() {
        String token = FakeSecrets.githubToken("0001");
        String pw = FakeSecrets.password("0002");
        String text = "RUN |1 GH=" + token + " /bin/sh -c curl https://ci:" + pw + "@x.example.com/ # buildkit";
        String redacted = Disclosure.REDACT.text(text);
        assertThat(redacted).isEqualTo("RUN |1 GH=ghp_…0001 (40 chars) /bin/sh -c curl https://ci:"
                + Redaction.redact(pw) + "@x.example.com/ # buildkit");
        assertThat(Disclosure.REVEAL.text(text)).isEqualTo(text);
    }

    @Test
    void moreSecretsThanOneScanReportsAreAllRedacted() {
        List<String> tokens = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < SecretScanner.MAX_MATCHES * 2 + 7; i++) {
            String token = FakeSecrets.githubToken(String.format("%04d", i));
            tokens.add(token);
            text.append(token).append(' ');
        }
        String redacted = Disclosure.REDACT.text(text.toString());
        for (String token : tokens) {
            assertThat(redacted).doesNotContain(token);
        }
        assertThat(redacted).contains("ghp_…0206 (40 chars)");
    }

    @Test
    void textWithoutSecretsIsUnchanged() {
        assertThat(Disclosure.REDACT.text("COPY . /app # buildkit")).isEqualTo("COPY . /app # buildkit");
        assertThat(Disclosure.REDACT.text(null)).isNull();
        assertThat(Disclosure.REDACT.value("abcdefghijklmnopqrst")).isEqualTo("abcd…qrst (20 chars)");
        assertThat(Disclosure.REVEAL.value("abcdefghijklmnopqrst")).isEqualTo("abcdefghijklmnopqrst");
    }
}
