package dev.layerlens.core.analysis.secrets;

/** Where a secret was found: a history entry, a config field, or a file of a layer. */
public sealed interface SecretLocation {

    /** The layer it is in, or null (config, or a history entry that made no layer). */
    Integer layer();

    /**
     * A short human description: {@code history entry 7 (RUN, build argument NPM_TOKEN), layer 4},
     * {@code config Env API_TOKEN}, {@code /app/.env:2, layer 3}.
     */
    String describe();

    /**
     * @param entry       index in the config's history
     * @param layer       the layer the entry made, or null for an entry that made none (ENV, ARG, LABEL)
     * @param instruction the Dockerfile instruction it records (RUN, ENV, ARG, LABEL, …)
     * @param buildArg    the build argument whose value it is, when it is in BuildKit's {@code |N K=V} prefix
     * @param field       {@code created_by} or {@code comment}
     */
    record History(int entry, Integer layer, String instruction, String buildArg, String field) implements SecretLocation {
        @Override
        public String describe() {
            StringBuilder s = new StringBuilder("history entry ").append(entry).append(" (").append(instruction);
            if (buildArg != null) {
                s.append(", build argument ").append(buildArg);
            }
            if (field.equals("comment")) {
                s.append(", comment");
            }
            s.append(")");
            return s.append(layer == null ? ", no layer" : ", layer " + layer).toString();
        }
    }

    /**
     * @param field the config field: Env, Labels, Cmd, Entrypoint, Healthcheck
     * @param key   the variable or label name, or null for argument lists
     */
    record Config(String field, String key) implements SecretLocation {
        @Override
        public Integer layer() {
            return null;
        }

        @Override
        public String describe() {
            return "config " + field + (key == null ? "" : " " + key);
        }
    }

    /**
     * @param path  with a leading slash
     * @param layer the layer whose copy of the file holds it
     * @param line  1-based line, or null for a finding about the whole file
     */
    record File(String path, Integer layer, Integer line) implements SecretLocation {
        @Override
        public String describe() {
            return path + (line == null ? "" : ":" + line) + ", layer " + layer;
        }
    }
}
