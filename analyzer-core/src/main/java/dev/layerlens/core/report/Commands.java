package dev.layerlens.core.report;

/** The short form of a history {@code created_by} for narrow columns. */
public final class Commands {
    private Commands() {
    }

    /**
     * Drops the noise builders add: {@code /bin/sh -c } (also after BuildKit's {@code RUN}), {@code #(nop) }, BuildKit's
     * {@code # buildkit} suffix; collapses runs of whitespace.
     */
    public static String shortForm(String createdBy) {
        String s = createdBy == null ? "" : createdBy.strip();
        if (s.startsWith("/bin/sh -c ")) {
            s = s.substring("/bin/sh -c ".length()).strip();
        } else if (s.startsWith("RUN /bin/sh -c ")) {
            s = "RUN " + s.substring("RUN /bin/sh -c ".length()).strip();
        }
        if (s.startsWith("#(nop)")) {
            s = s.substring("#(nop)".length()).strip();
        }
        if (s.endsWith("# buildkit")) {
            s = s.substring(0, s.length() - "# buildkit".length()).strip();
        }
        return s.replaceAll("\\s+", " ");
    }
}
