package dev.layerlens.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Text from an image never reaches a terminal as an escape sequence. */
class TerminalTextTest {

    @Test
    void controlCharactersBecomeVisibleEscapes() {
        assertThat(TerminalText.sanitize("\u001b[2J\u001b]0;pwned\u0007name")).isEqualTo("\\x1b[2J\\x1b]0;pwned\\x07name");
        assertThat(TerminalText.sanitize("a\nb\rc\td")).isEqualTo("a\\x0ab\\x0dc\\x09d");
        assertThat(TerminalText.sanitize("del\u007f csi\u009b1m")).isEqualTo("del\\x7f csi\\x9b1m");
    }

    @Test
    void bidirectionalOverridesAreEscaped() {
        assertThat(TerminalText.sanitize("evil\u202egpj.exe")).isEqualTo("evil\\u202egpj.exe");
        assertThat(TerminalText.sanitize("\u2066x\u2069\u200f")).isEqualTo("\\u2066x\\u2069\\u200f");
    }

    @Test
    void ordinaryTextIsUntouched() {
        String text = "/usr/share/doc/café ☕ — naïve 日本語 RUN |2 A=1 /bin/sh -c make";
        assertThat(TerminalText.sanitize(text)).isSameAs(text);
        assertThat(TerminalText.sanitize(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u001b[31m", "\u001bP+q\u001b\\", "\u009b31m", "\u0090x\u009c", "x\u0000y", "\u0085"})
    void noEscapeOrControlCharacterSurvives(String hostile) {
        String safe = TerminalText.sanitize("pre" + hostile + "post");
        assertThat(safe.chars()).noneMatch(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f));
        assertThat(safe).startsWith("pre").endsWith("post");
    }

    @Test
    void fitCutsAfterSanitisingWithAnEllipsis() {
        assertThat(TerminalText.fit("abcdef", 4)).isEqualTo("abc…");
        assertThat(TerminalText.fit("abc", 4)).isEqualTo("abc");
        assertThat(TerminalText.fit("\u001bxyz", 4)).isEqualTo("\\x1…").doesNotContain("\u001b");
        assertThat(TerminalText.fit("abc", 1)).isEqualTo("…");
        assertThat(TerminalText.fit("abc", 0)).isEqualTo("abc");
    }
}
