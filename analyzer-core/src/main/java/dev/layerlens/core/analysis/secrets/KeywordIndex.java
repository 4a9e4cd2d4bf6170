package dev.layerlens.core.analysis.secrets;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Finds every occurrence of a set of ASCII keywords, ignoring case, in one pass over the bytes
 * (Aho–Corasick with a full transition table). This is the prefilter that keeps the regular
 * expressions off the vast majority of each file: a rule's pattern only runs near its keywords.
 */
final class KeywordIndex {
    private static final int ALPHABET = 256;

    /** Transitions; a target state where some keyword ends is stored negated, so one load tells both. */
    private final int[] next;
    /** Keyword ids that end in each state, failure-link outputs included; null when none. */
    private final int[][] outputs;
    private final int[] lengths;

    /** Receives each occurrence: which keyword, and the offset just past its last character. */
    interface Hits {
        void hit(int keyword, int end);
    }

    KeywordIndex(List<String> keywords) {
        lengths = new int[keywords.size()];
        List<int[]> gotos = new ArrayList<>();
        List<List<Integer>> out = new ArrayList<>();
        gotos.add(filled());
        out.add(new ArrayList<>());
        for (int k = 0; k < keywords.size(); k++) {
            String word = keywords.get(k).toLowerCase(Locale.ROOT);
            if (word.isEmpty() || !word.chars().allMatch(c -> c > 0 && c < 128)) {
                throw new IllegalArgumentException("keywords are non-empty ASCII: " + keywords.get(k));
            }
            lengths[k] = word.length();
            int state = 0;
            for (int i = 0; i < word.length(); i++) {
                int c = word.charAt(i);
                if (gotos.get(state)[c] < 0) {
                    gotos.get(state)[c] = gotos.size();
                    gotos.add(filled());
                    out.add(new ArrayList<>());
                }
                state = gotos.get(state)[c];
            }
            out.get(state).add(k);
        }
        int states = gotos.size();
        next = new int[states * ALPHABET];
        int[] fail = new int[states];
        Deque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < ALPHABET; c++) {
            int s = gotos.get(0)[c];
            next[c] = Math.max(s, 0);
            if (s > 0) {
                queue.add(s);
            }
        }
        // breadth first, so a state's failure target is complete before the state is
        while (!queue.isEmpty()) {
            int state = queue.poll();
            out.get(state).addAll(out.get(fail[state]));
            for (int c = 0; c < ALPHABET; c++) {
                int s = gotos.get(state)[c];
                if (s > 0) {
                    fail[s] = next[fail[state] * ALPHABET + c];
                    next[state * ALPHABET + c] = s;
                    queue.add(s);
                } else {
                    next[state * ALPHABET + c] = next[fail[state] * ALPHABET + c];
                }
            }
        }
        // fold case: an upper-case letter moves like its lower-case twin
        for (int state = 0; state < states; state++) {
            for (int c = 'A'; c <= 'Z'; c++) {
                next[state * ALPHABET + c] = next[state * ALPHABET + c + ('a' - 'A')];
            }
        }
        outputs = new int[states][];
        for (int state = 0; state < states; state++) {
            List<Integer> o = out.get(state);
            outputs[state] = o.isEmpty() ? null : o.stream().distinct().mapToInt(Integer::intValue).toArray();
        }
        for (int i = 0; i < next.length; i++) {
            if (outputs[next[i]] != null) {
                next[i] = ~next[i];
            }
        }
    }

    private static int[] filled() {
        int[] a = new int[ALPHABET];
        Arrays.fill(a, -1);
        return a;
    }

    int length(int keyword) {
        return lengths[keyword];
    }

    void find(byte[] data, int from, int to, Hits hits) {
        int state = 0;
        for (int i = from; i < to; i++) {
            state = next[(state << 8) | (data[i] & 0xff)];
            if (state < 0) {
                state = ~state;
                for (int k : outputs[state]) {
                    hits.hit(k, i + 1);
                }
            }
        }
    }

    /** The same over text; characters beyond Latin-1 occur in no keyword and reset the search. */
    void find(CharSequence text, Hits hits) {
        int state = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            state = c < ALPHABET ? next[(state << 8) | c] : 0;
            if (state < 0) {
                state = ~state;
                for (int k : outputs[state]) {
                    hits.hit(k, i + 1);
                }
            }
        }
    }
}
