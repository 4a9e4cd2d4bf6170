package dev.layerlens.core.analysis.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordIndexTest {
    private static List<String> hits(KeywordIndex index, List<String> words, String text) {
        List<String> out = new ArrayList<>();
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        index.find(bytes, 0, bytes.length, (k, end) -> out.add(words.get(k) + "@" + (end - words.get(k).length())));
        List<String> fromText = new ArrayList<>();
        index.find(text, (k, end) -> fromText.add(words.get(k) + "@" + (end - words.get(k).length())));
        assertThat(fromText).as("bytes and text agree").isEqualTo(out);
        return out;
    }

    @Test
    void findsOverlappingKeywordsThroughFailureLinks() {
        List<String> words = List.of("he", "she", "his", "hers");
        assertThat(hits(new KeywordIndex(words), words, "ushers")).containsExactly("she@1", "he@2", "hers@2");
    }

    @Test
    void ignoresCaseOfAsciiLetters() {
        List<String> words = List.of("akia", "_authtoken");
        assertThat(hits(new KeywordIndex(words), words, "x AKIA y :_authToken=")).containsExactly("akia@2", "_authtoken@10");
    }

    @Test
    void bytesAboveAsciiNeitherMatchNorBreakTheScan() {
        List<String> words = List.of("token");
        assertThat(hits(new KeywordIndex(words), words, "\u00e9tok\u00e9n token\u00ff")).containsExactly("token@7");
    }

    @Test
    void findsRepeatsAndKeywordsAtTheEdges() {
        List<String> words = List.of("aa");
        assertThat(hits(new KeywordIndex(words), words, "aaa")).containsExactly("aa@0", "aa@1");
    }
}
