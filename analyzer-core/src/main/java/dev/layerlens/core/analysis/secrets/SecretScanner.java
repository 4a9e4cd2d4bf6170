package dev.layerlens.core.analysis.secrets;

import com.google.re2j.Matcher;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs the rules over a text: one keyword pass finds where each pattern could match, then each
 * pattern runs only in bounded windows around its keywords. When matches of different rules
 * overlap, the rule earlier in the catalogue wins. Immutable and safe to share between threads.
 */
public final class SecretScanner {
    /** Matches kept per text: a file full of tokens is reported, without holding millions of them. */
    public static final int MAX_MATCHES = 100;
    private static final int MAX_CANDIDATES = 4 * MAX_MATCHES;
    private static final SecretScanner STANDARD = new SecretScanner(SecretRules.all());

    private final List<SecretRule> rules;
    private final List<SecretPattern> patterns = new ArrayList<>();
    /** For each pattern, the index of its rule (its priority). */
    private final int[] ruleOf;
    /** For each keyword, the patterns it triggers. */
    private final int[][] triggers;
    /** For each keyword, its exact form when it must match in that case (it has an upper-case letter), else null. */
    private final String[] exact;
    private final KeywordIndex keywords;

    public SecretScanner(List<SecretRule> rules) {
        this.rules = List.copyOf(rules);
        List<Integer> owner = new ArrayList<>();
        List<String> words = new ArrayList<>();
        List<List<Integer>> wordPatterns = new ArrayList<>();
        for (int r = 0; r < this.rules.size(); r++) {
            for (SecretPattern pattern : this.rules.get(r).patterns()) {
                int p = patterns.size();
                patterns.add(pattern);
                owner.add(r);
                for (String keyword : pattern.keywords()) {
                    int k = words.indexOf(keyword);
                    if (k < 0) {
                        k = words.size();
                        words.add(keyword);
                        wordPatterns.add(new ArrayList<>());
                    }
                    if (!wordPatterns.get(k).contains(p)) {
                        wordPatterns.get(k).add(p);
                    }
                }
            }
        }
        ruleOf = owner.stream().mapToInt(Integer::intValue).toArray();
        triggers = wordPatterns.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        exact = words.stream().map(w -> w.equals(w.toLowerCase(java.util.Locale.ROOT)) ? null : w).toArray(String[]::new);
        keywords = new KeywordIndex(words);
    }

    /** The scanner with every rule of the catalogue. */
    public static SecretScanner standard() {
        return STANDARD;
    }

    public List<SecretRule> rules() {
        return rules;
    }

    /** The secrets in a string (a history command, an environment variable). */
    public List<SecretMatch> scan(String text) {
        return scan(new StringText(text));
    }

    /** The secrets in {@code data[0..length)}, file contents read as bytes; values are decoded as UTF-8. */
    public List<SecretMatch> scan(byte[] data, int length) {
        return scan(new ByteText(data, length));
    }

    private List<SecretMatch> scan(Text text) {
        Windows windows = new Windows(patterns.size());
        text.findKeywords(keywords, (keyword, end) -> {
            int start = end - keywords.length(keyword);
            if (exact[keyword] != null && !text.regionIs(start, exact[keyword])) {
                return;
            }
            for (int p : triggers[keyword]) {
                SecretPattern pattern = patterns.get(p);
                if (pattern.guard() == null || text.holds(pattern.guard(), end)) {
                    windows.add(p, start, end, pattern.window(), text);
                }
            }
        });
        List<Candidate> candidates = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int p = 0; p < patterns.size() && candidates.size() < MAX_CANDIDATES; p++) {
            int[] spans = windows.of(p);
            for (int i = 0; i + 1 < windows.count(p) * 2 && candidates.size() < MAX_CANDIDATES; i += 2) {
                match(p, text, spans[i], spans[i + 1], candidates, seen);
            }
        }
        return select(candidates, text);
    }

    private void match(int p, Text text, int from, int to, List<Candidate> out, Set<Long> seen) {
        SecretPattern pattern = patterns.get(p);
        Matcher m = pattern.regex().matcher(text.chars(from, to));
        boolean named = pattern.hasNameGroup();
        while (m.find() && out.size() < MAX_CANDIDATES) {
            int start = m.start(SecretPattern.SECRET_GROUP);
            int end = m.end(SecretPattern.SECRET_GROUP);
            if (start < 0 || end <= start || !seen.add(((long) p << 32) | (from + start))) {
                continue;
            }
            String value = text.value(from + start, from + end);
            String name = named ? m.group(SecretPattern.NAME_GROUP) : null;
            if (pattern.filter().accept(name, value) && !DocumentationValues.contains(value)) {
                out.add(new Candidate(ruleOf[p], name, value, from + start, from + end));
            }
        }
    }

    /** The earliest rule wins where matches overlap; then in text order. */
    private List<SecretMatch> select(List<Candidate> candidates, Text text) {
        candidates.sort(Comparator.comparingInt(Candidate::rule).thenComparingInt(Candidate::start));
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : candidates) {
            if (kept.size() == MAX_MATCHES) {
                break;
            }
            if (kept.stream().noneMatch(k -> k.start < c.end && c.start < k.end)) {
                kept.add(c);
            }
        }
        kept.sort(Comparator.comparingInt(Candidate::start));
        List<SecretMatch> matches = new ArrayList<>(kept.size());
        for (Candidate c : kept) {
            matches.add(new SecretMatch(rules.get(c.rule), c.name, c.value, c.start, c.end, text.lineOf(c.start)));
        }
        return matches;
    }

    private record Candidate(int rule, String name, String value, int start, int end) {
    }

    /**
     * Per pattern, the spans {@code [from, to)} of text its regex must read, in text order; windows
     * of keywords that overlap are merged, so each byte is read at most once per pattern.
     */
    private static final class Windows {
        private final int[][] spans;
        private final int[] counts;

        Windows(int patterns) {
            spans = new int[patterns][];
            counts = new int[patterns];
        }

        void add(int p, int keywordStart, int keywordEnd, Window window, Text text) {
            int n = counts[p];
            int to = text.windowEnd(keywordEnd, window);
            if (n > 0 && keywordStart < spans[p][2 * n - 1]) {
                // overlaps the previous window: extend it, so that a match running past its end is whole
                spans[p][2 * n - 1] = Math.max(spans[p][2 * n - 1], to);
                return;
            }
            int from = text.windowStart(keywordStart, window);
            if (spans[p] == null) {
                spans[p] = new int[8];
            } else if (spans[p].length < 2 * n + 2) {
                spans[p] = Arrays.copyOf(spans[p], spans[p].length * 2);
            }
            spans[p][2 * n] = from;
            spans[p][2 * n + 1] = to;
            counts[p] = n + 1;
        }

        int[] of(int p) {
            return spans[p] == null ? new int[0] : spans[p];
        }

        int count(int p) {
            return counts[p];
        }
    }

    /** What is scanned: a string, or file bytes read one byte per character (so offsets are byte offsets). */
    private abstract static class Text {
        abstract int length();

        abstract char at(int i);

        abstract void findKeywords(KeywordIndex index, KeywordIndex.Hits hits);

        /** The characters the patterns read. */
        abstract String chars(int from, int to);

        /** A secret value as the user would read it. */
        abstract String value(int from, int to);

        int windowStart(int keywordStart, Window window) {
            int limit = Math.max(0, keywordStart - window.before());
            int i = keywordStart;
            while (i > limit && (window.multiline() || at(i - 1) != '\n')) {
                i--;
            }
            return i;
        }

        int windowEnd(int keywordEnd, Window window) {
            int limit = Math.min(length(), keywordEnd + window.after());
            int i = keywordEnd;
            while (i < limit && (window.multiline() || at(i) != '\n')) {
                i++;
            }
            return i;
        }

        boolean regionIs(int start, String word) {
            for (int i = 0; i < word.length(); i++) {
                if (at(start + i) != word.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        boolean holds(Guard guard, int keywordEnd) {
            int limit = Math.min(length(), keywordEnd + guard.within());
            for (int i = keywordEnd; i < limit; i++) {
                char c = at(i);
                if (guard.anyOf().indexOf(c) >= 0) {
                    return true;
                }
                if (c == '\n' || guard.stopAtSpace() && (c == ' ' || c == '\t' || c == '\r')) {
                    return false;
                }
            }
            return false;
        }

        int lineOf(int offset) {
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (at(i) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }

    private static final class StringText extends Text {
        private final String text;

        StringText(String text) {
            this.text = text;
        }

        @Override
        int length() {
            return text.length();
        }

        @Override
        char at(int i) {
            return text.charAt(i);
        }

        @Override
        void findKeywords(KeywordIndex index, KeywordIndex.Hits hits) {
            index.find(text, hits);
        }

        @Override
        String chars(int from, int to) {
            return text.substring(from, to);
        }

        @Override
        String value(int from, int to) {
            return text.substring(from, to);
        }
    }

    private static final class ByteText extends Text {
        private final byte[] data;
        private final int length;

        ByteText(byte[] data, int length) {
            this.data = data;
            this.length = length;
        }

        @Override
        int length() {
            return length;
        }

        @Override
        char at(int i) {
            return (char) (data[i] & 0xff);
        }

        @Override
        void findKeywords(KeywordIndex index, KeywordIndex.Hits hits) {
            index.find(data, 0, length, hits);
        }

        @Override
        String chars(int from, int to) {
            return new String(data, from, to - from, StandardCharsets.ISO_8859_1);
        }

        @Override
        String value(int from, int to) {
            return new String(data, from, to - from, StandardCharsets.UTF_8);
        }
    }
}
