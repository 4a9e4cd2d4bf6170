package dev.layerlens.core.analysis.dockerfile;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a history {@code created_by} back into an instruction. The builders write it differently:
 * <ul>
 * <li>legacy: {@code /bin/sh -c #(nop)  CMD ["x"]}, {@code /bin/sh -c #(nop) COPY dir:<h> in /app },
 *     {@code /bin/sh -c apt-get update}, {@code |2 A=1 B=2 /bin/sh -c make}, exec-form RUN as the bare argv;</li>
 * <li>BuildKit: {@code RUN |2 A=1 B=2 /bin/sh -c make # buildkit}, {@code COPY . . # buildkit},
 *     {@code EXPOSE map[22/tcp:{}]}, {@code ARG A=1}.</li>
 * </ul>
 * The text comes from the image, so patterns are RE2 (linear time).
 */
public final class InstructionParser {
    static final String BUILDKIT_COMMENT = "buildkit.dockerfile.v0";
    private static final String BUILDKIT_SUFFIX = "# buildkit";
    private static final String NOP = "#(nop)";
    private static final Set<String> KEYWORDS = Set.of("RUN", "CMD", "ENTRYPOINT", "ENV", "ARG", "LABEL", "MAINTAINER",
            "EXPOSE", "VOLUME", "USER", "WORKDIR", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL", "COPY", "ADD", "FROM");
    /** A shell invocation that starts a shell-form RUN: {@code /bin/sh -c }, {@code /bin/bash -o pipefail -c }. */
    private static final Pattern SHELL_PREFIX = Pattern.compile("^(?:/[^ ]*/)?(?:ba|a|da|z)?sh (?:-[a-z]+ (?:pipefail )?)*-c ");
    private static final Pattern SHELL_ANYWHERE = Pattern.compile("(?:^| )(?:/[^ ]*/)?(?:ba|a|da|z)?sh (?:-[a-z]+ (?:pipefail )?)*-c ");
    private static final Pattern ARG_START = Pattern.compile("(?:^| )([A-Za-z_][A-Za-z0-9_]*)=");
    private static final Pattern ARG_COUNT = Pattern.compile("^\\|([0-9]{1,4}) ");

    private InstructionParser() {
    }

    /** What one {@code created_by} says, before it is placed in the history. */
    record Parsed(String keyword, String arguments, List<BuildArg> buildArgs, boolean shellForm, boolean buildKit) {
    }

    static Parsed parse(String createdBy, String comment) {
        String s = createdBy == null ? "" : createdBy.strip();
        boolean buildKit = BUILDKIT_COMMENT.equals(comment);
        if (s.endsWith(BUILDKIT_SUFFIX)) {
            buildKit = true;
            s = s.substring(0, s.length() - BUILDKIT_SUFFIX.length()).strip();
        }
        if (s.isEmpty()) {
            return new Parsed("", "", List.of(), false, buildKit);
        }
        Matcher shell = SHELL_PREFIX.matcher(s);
        if (shell.find()) {
            String rest = s.substring(shell.end()).strip();
            if (rest.startsWith(NOP)) {
                return keywordForm(rest.substring(NOP.length()).strip(), buildKit);
            }
            return new Parsed("RUN", rest, List.of(), true, buildKit);
        }
        if (s.startsWith("|")) {
            return run(s, buildKit);
        }
        int space = s.indexOf(' ');
        String first = space < 0 ? s : s.substring(0, space);
        if (KEYWORDS.contains(first)) {
            return keywordForm(s, buildKit);
        }
        // legacy exec-form RUN: the argv joined by spaces
        return new Parsed("RUN", s, List.of(), false, buildKit);
    }

    /** {@code KEYWORD args}: metadata steps, COPY/ADD, and BuildKit's RUN. */
    private static Parsed keywordForm(String text, boolean buildKit) {
        int space = text.indexOf(' ');
        String keyword = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
        String args = space < 0 ? "" : text.substring(space + 1).strip();
        return switch (keyword) {
            case "RUN" -> run(args, buildKit);
            case "ARG" -> arg(args, buildKit);
            case "COPY", "ADD" -> new Parsed(keyword, copyArguments(args), List.of(), false, buildKit);
            case "EXPOSE" -> new Parsed(keyword, GoSyntax.exposeArguments(args), List.of(), false, buildKit);
            case "VOLUME" -> new Parsed(keyword, GoSyntax.bracketList(args), List.of(), false, buildKit);
            case "CMD", "ENTRYPOINT", "SHELL" -> new Parsed(keyword, GoSyntax.jsonArray(args), List.of(), false, buildKit);
            case "HEALTHCHECK" -> new Parsed(keyword, GoSyntax.healthcheck(args), List.of(), false, buildKit);
            default -> new Parsed(keyword, args, List.of(), false, buildKit);
        };
    }

    /** A RUN body: optional {@code |N K=V…} build args, then the shell-form command or the exec argv. */
    private static Parsed run(String body, boolean buildKit) {
        List<BuildArg> args = List.of();
        String rest = body;
        Matcher count = ARG_COUNT.matcher(body);
        if (count.find()) {
            int n = Integer.parseInt(count.group(1));
            rest = body.substring(count.end());
            String argText;
            Matcher shell = SHELL_ANYWHERE.matcher(rest);
            if (n == 0) {
                argText = "";
            } else if (shell.find()) {
                argText = rest.substring(0, shell.start()).strip();
                rest = rest.substring(shell.start()).strip();
            } else {
                // exec form: no shell to anchor on, so each arg is one space-free token
                String[] tokens = rest.split(" ", n + 1);
                argText = String.join(" ", java.util.Arrays.asList(tokens).subList(0, Math.min(n, tokens.length)));
                rest = tokens.length > n ? tokens[n] : "";
            }
            args = buildArgs(argText, n);
        }
        Matcher shell = SHELL_PREFIX.matcher(rest);
        if (shell.find()) {
            return new Parsed("RUN", rest.substring(shell.end()).strip(), args, true, buildKit);
        }
        return new Parsed("RUN", rest.strip(), args, false, buildKit);
    }

    /** Splits {@code A=1 B=two words C=3} at each {@code NAME=}; surplus splits stay in the last value. */
    static List<BuildArg> buildArgs(String text, int expected) {
        List<Integer> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Integer> valueStarts = new ArrayList<>();
        Matcher m = ARG_START.matcher(text);
        while (m.find() && starts.size() < Math.max(expected, 1)) {
            starts.add(m.start());
            names.add(m.group(1));
            valueStarts.add(m.end());
        }
        List<BuildArg> out = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : text.length();
            out.add(new BuildArg(names.get(i), text.substring(valueStarts.get(i), end).strip()));
        }
        return out;
    }

    /** {@code ARG NAME[=default]}: the default is shown redacted like any build-arg value. */
    private static Parsed arg(String args, boolean buildKit) {
        int eq = args.indexOf('=');
        BuildArg arg = eq < 0 ? new BuildArg(args, null) : new BuildArg(args.substring(0, eq), args.substring(eq + 1));
        return new Parsed("ARG", arg.redacted(), List.of(arg), false, buildKit);
    }

    /** Legacy {@code dir:<h> in /app } → {@code dir:<h> /app}; BuildKit's text is already the instruction's. */
    private static String copyArguments(String args) {
        int in = args.lastIndexOf(" in ");
        if (in > 0 && (args.startsWith("dir:") || args.startsWith("file:") || args.startsWith("multi:"))) {
            return args.substring(0, in).strip() + " " + args.substring(in + 4).strip();
        }
        return args;
    }
}
