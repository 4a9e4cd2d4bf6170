package dev.layerlens.core.analysis.secrets;

/**
 * Decides whether what a pattern captured is a secret rather than a reference to one or a
 * placeholder ({@code ${TOKEN}}, {@code <password>}, {@code changeme}).
 */
@FunctionalInterface
interface ValueFilter {
    ValueFilter ANY = (name, value) -> true;

    /**
     * @param name  the variable or key the value is assigned to, when the pattern names one, else null
     * @param value the candidate secret
     */
    boolean accept(String name, String value);

    default ValueFilter and(ValueFilter other) {
        return (name, value) -> accept(name, value) && other.accept(name, value);
    }
}
