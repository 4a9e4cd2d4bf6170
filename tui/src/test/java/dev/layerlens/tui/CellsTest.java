package dev.layerlens.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CellsTest {

    @Test
    void controlCharactersAndEscapesBecomeVisibleText() {
        assertThat(Cells.safe("a\u001b[31mb\u0007c\u009bd")).isEqualTo("a\\x1b[31mb\\x07c\\x9bd");
        assertThat(Cells.safe("rtl\u202eevil")).isEqualTo("rtl\\u202eevil");
    }

    @Test
    void whatACellCannotHoldAloneIsReplaced() {
        assertThat(Cells.safe("smile😀!")).isEqualTo("smile\uFFFD!");
        assertThat(Cells.safe("e\u0301")).isEqualTo("e\uFFFD");
        assertThat(Cells.safe("zero\u200bwidth")).isEqualTo("zero\uFFFDwidth");
    }

    @Test
    void widthCountsWideCharactersTwice() {
        assertThat(Cells.width("abc")).isEqualTo(3);
        assertThat(Cells.width("データ")).isEqualTo(6);
    }

    @Test
    void fitCutsByColumnsWithAnEllipsis() {
        assertThat(Cells.fit("abcdef", 6)).isEqualTo("abcdef");
        assertThat(Cells.fit("abcdefg", 6)).isEqualTo("abcde…");
        assertThat(Cells.fit("データファイル", 7)).isEqualTo("データ…");
        assertThat(Cells.width(Cells.fit("データファイル", 6))).isLessThanOrEqualTo(6);
        assertThat(Cells.fit("abc", 0)).isEmpty();
        assertThat(Cells.right("7 B", 6)).isEqualTo("   7 B");
    }

    @Test
    void wrapBreaksAtSpacesAndKeepsEveryCharacter() {
        String text = "RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates";
        List<String> lines = Cells.wrap(text, 20);
        assertThat(lines).allSatisfy(l -> assertThat(Cells.width(l)).isLessThanOrEqualTo(20));
        assertThat(String.join("", lines).replace(" ", "")).isEqualTo(text.replace(" ", ""));
        assertThat(lines.get(0)).isEqualTo("RUN apt-get update");
    }

    @Test
    void wrapCutsWordsLongerThanALine() {
        assertThat(Cells.wrap("sha256:0123456789abcdef", 10)).containsExactly("sha256:012", "3456789abc", "def");
        assertThat(Cells.wrap("", 10)).containsExactly("");
        assertThat(Cells.wrap("データファイル", 5)).containsExactly("デー", "タフ", "ァイ", "ル");
    }
}
