package dev.layerlens.core.analysis.dockerfile;

import java.util.List;

/**
 * One build step as the config's history recorded it, parsed back into a Dockerfile instruction.
 *
 * @param historyIndex position in the config's history
 * @param layerIndex   the layer the step made, or null for steps that made none ({@code empty_layer})
 * @param keyword      RUN, COPY, ADD, ENV, CMD, … upper case; empty when history says nothing (docker import)
 * @param arguments    the instruction's text after the keyword, builder noise removed; for RUN the
 *                     command without the {@code /bin/sh -c} of the shell form and without build args
 * @param buildArgs    build args recorded with a RUN ({@code |N K=V …}) or an ARG's default
 * @param shellForm    RUN only: the command ran through {@code /bin/sh -c}
 * @param buildKit     the step was recorded by BuildKit ({@code # buildkit} suffix or its history comment)
 * @param createdBy    the raw history text, for evidence; may hold build-arg values: never print it as is
 */
public record Instruction(int historyIndex, Integer layerIndex, String keyword, String arguments,
                          List<BuildArg> buildArgs, boolean shellForm, boolean buildKit, String created,
                          String createdBy) {

    public Instruction {
        buildArgs = List.copyOf(buildArgs);
    }

    public boolean is(String word) {
        return keyword.equals(word);
    }

    public boolean madeLayer() {
        return layerIndex != null;
    }

    private static final com.google.re2j.Pattern CONTENT_HASH =
            com.google.re2j.Pattern.compile("\\b(dir|file|multi):([0-9a-f]{12})[0-9a-f]{52}\\b");

    /**
     * {@link #display()} on one line for evidence: whitespace collapsed, legacy content hashes
     * ({@code dir:<64 hex>}) cut to 12 digits.
     */
    public String shortDisplay() {
        return CONTENT_HASH.matcher(display().strip().replaceAll("\\s+", " ")).replaceAll("$1:$2…");
    }

    /** The instruction as a Dockerfile line would read, build-arg values redacted. */
    public String display() {
        return keyword.isEmpty() ? arguments : arguments.isEmpty() ? keyword : keyword + " " + arguments;
    }
}
