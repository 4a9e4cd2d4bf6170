package dev.layerlens.core.analysis.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a history {@code created_by} records: the Dockerfile instruction and, for RUN, the build
 * arguments BuildKit and the legacy builder print before the command ({@code |2 A=1 B=2 /bin/sh -c …}),
 * where {@code --build-arg} values leak.
 *
 * @param instruction RUN, ENV, ARG, LABEL, COPY, … (RUN when the builder recorded a bare shell command)
 * @param buildArgs   the {@code K=V} arguments of the prefix, with their spans in the text
 */
record HistoryCommand(String instruction, List<BuildArg> buildArgs) {

    /** One {@code K=V} of the prefix; {@code [start, end)} spans the whole assignment. */
    record BuildArg(String key, int start, int end) {
    }

    static HistoryCommand parse(String createdBy) {
        String s = createdBy == null ? "" : createdBy;
        int i = skipSpaces(s, 0);
        if (s.startsWith("RUN ", i)) {
            i = skipSpaces(s, i + 4);
        }
        List<BuildArg> args = new ArrayList<>();
        if (i < s.length() && s.charAt(i) == '|') {
            int end = token(s, i + 1);
            int count = parseCount(s.substring(i + 1, end));
            i = skipSpaces(s, end);
            // values cannot be told apart from the command when they hold spaces; the count bounds the guess
            for (int n = 0; n < count && i < s.length(); n++) {
                int tokenEnd = token(s, i);
                int eq = s.indexOf('=', i);
                if (eq > i && eq < tokenEnd) {
                    args.add(new BuildArg(s.substring(i, eq), i, tokenEnd));
                }
                i = skipSpaces(s, tokenEnd);
            }
            return new HistoryCommand("RUN", args);
        }
        String rest = s.substring(i);
        if (rest.startsWith("/bin/sh -c ")) {
            rest = rest.substring("/bin/sh -c ".length()).strip();
            if (!rest.startsWith("#(nop)")) {
                return new HistoryCommand("RUN", args);
            }
        }
        if (rest.startsWith("#(nop)")) {
            rest = rest.substring("#(nop)".length()).strip();
        }
        String word = rest.isEmpty() ? "" : rest.split("\\s+", 2)[0];
        if (!word.isEmpty() && word.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            return new HistoryCommand(word, args);
        }
        return new HistoryCommand(word.isEmpty() ? "unknown" : "RUN", args);
    }

    /** The build argument whose assignment contains {@code offset}, or null. */
    String buildArgAt(int offset) {
        for (BuildArg arg : buildArgs) {
            if (offset >= arg.start() && offset < arg.end()) {
                return arg.key();
            }
        }
        return null;
    }

    private static int parseCount(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static int token(String s, int i) {
        while (i < s.length() && s.charAt(i) != ' ') {
            i++;
        }
        return i;
    }

    @Override
    public String toString() {
        return instruction.toLowerCase(Locale.ROOT) + buildArgs.stream().map(BuildArg::key).toList();
    }
}
