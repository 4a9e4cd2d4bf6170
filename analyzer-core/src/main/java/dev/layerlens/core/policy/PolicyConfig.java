package dev.layerlens.core.policy;

import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.Severity;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads the CI rules from {@code .layerlens.yml}, or from a dive {@code .dive-ci} as it is: one
 * reader for both, since layerlens's file is dive's with more keys (docs/ci.md).
 * <ul>
 * <li>{@code rules:} holds the keys; dive 0.13's spellings {@code lowest-efficiency-threshold},
 *     {@code highest-wasted-bytes}, {@code highest-user-wasted-percent} are read at the top level.</li>
 * <li>Every value is read as the text written (no YAML typing), then parsed the way dive parses it,
 *     so {@code 0.95}, {@code 20MB} and {@code disabled} mean what they mean to dive.</li>
 * <li>dive's three rules default to dive's defaults (0.9, disabled, 0.1) when not set, so a
 *     {@code .dive-ci} gives dive's verdict; every other rule is off unless set.</li>
 * <li>Unknown keys and bad values are errors, all of them named in one message.</li>
 * </ul>
 */
public final class PolicyConfig {
    static final String MAX_IMAGE_SIZE = "maxImageSize";
    static final String MAX_RECLAIMABLE_BYTES = "maxReclaimableBytes";
    static final String MAX_REMOVABLE_BYTES = "maxRemovableBytes";
    static final String NO_SECRETS = "noSecrets";
    static final String NO_ROOT_USER = "noRootUser";
    static final String REQUIRE_HEALTHCHECK = "requireHealthcheck";
    static final String FAIL_ON = "failOn";

    /** Every key under {@code rules:}, in the order their outcomes are reported. */
    static final List<String> KEYS = List.of(DiveRules.LOWEST_EFFICIENCY, DiveRules.HIGHEST_WASTED_BYTES,
            DiveRules.HIGHEST_USER_WASTED_PERCENT, MAX_IMAGE_SIZE, MAX_RECLAIMABLE_BYTES, MAX_REMOVABLE_BYTES,
            NO_SECRETS, NO_ROOT_USER, REQUIRE_HEALTHCHECK, MinimumGradeRule.KEY, FAIL_ON);

    /** dive 0.13's defaults, applied when a config leaves one of dive's keys out. */
    static final Map<String, String> DIVE_DEFAULTS = Map.of(DiveRules.LOWEST_EFFICIENCY, "0.9",
            DiveRules.HIGHEST_WASTED_BYTES, "disabled", DiveRules.HIGHEST_USER_WASTED_PERCENT, "0.1");

    /** dive 0.13 reads its {@code --ci-config} file with these top-level names. */
    private static final Map<String, String> DIVE_013_KEYS = Map.of(
            "lowest-efficiency-threshold", DiveRules.LOWEST_EFFICIENCY,
            "highest-wasted-bytes", DiveRules.HIGHEST_WASTED_BYTES,
            "highest-user-wasted-percent", DiveRules.HIGHEST_USER_WASTED_PERCENT);

    private static final String RULES = "rules";
    private static final Set<String> DISABLED_WORDS = Set.of("", "disabled", "off", "false");
    private static final Set<String> TRUE_WORDS = Set.of("true", "yes", "on");
    /** A decimal number as Go's ParseFloat reads one; no hex floats, infinities or NaN. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private PolicyConfig() {
    }

    /** The rules when no config file is found: dive's defaults, as {@code dive --ci} has them. */
    public static Policy defaults(String source) {
        try {
            return build(source, Map.of());
        } catch (PolicyException e) {
            throw new IllegalStateException("the defaults must parse", e);
        }
    }

    public static Policy read(Path file) throws PolicyException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new PolicyException(file + ": no such file");
        } catch (IOException e) {
            throw new PolicyException(file + ": cannot be read: " + e.getMessage(), e);
        }
        return parse(file.toString(), text);
    }

    /** Parses config text; {@code source} names it in messages and in the verdict. */
    public static Policy parse(String source, String text) throws PolicyException {
        Object document;
        try (Reader reader = new java.io.StringReader(text)) {
            document = yaml().load(reader);
        } catch (YAMLException | IOException e) {
            throw new PolicyException(source + ": not valid YAML: " + oneLine(e.getMessage()), e);
        }
        List<String> errors = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        if (document != null && !(document instanceof Map)) {
            throw new PolicyException(source + ": expected a mapping with a 'rules:' key, found " + describe(document));
        }
        Map<?, ?> top = document == null ? Map.of() : (Map<?, ?>) document;
        for (Map.Entry<?, ?> e : top.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (key.equals(RULES)) {
                readRules(e.getValue(), values, errors);
            } else if (DIVE_013_KEYS.containsKey(key)) {
                put(values, DIVE_013_KEYS.get(key), key, e.getValue(), errors);
            } else if (KEYS.contains(key)) {
                errors.add("'" + key + "' belongs under 'rules:'");
            } else {
                errors.add("unknown key '" + key + "' (the rules go under 'rules:')");
            }
        }
        if (!errors.isEmpty()) {
            throw new PolicyException(source + ": " + String.join("; ", errors));
        }
        return build(source, values);
    }

    private static void readRules(Object rules, Map<String, String> values, List<String> errors) {
        if (rules == null) {
            return;
        }
        if (!(rules instanceof Map<?, ?> map)) {
            errors.add("'rules' must be a mapping of rule names to values, found " + describe(rules));
            return;
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (!KEYS.contains(key)) {
                errors.add("unknown rule '" + key + "'" + hint(key, Set.copyOf(KEYS)) + " (known: "
                        + String.join(", ", KEYS) + ")");
                continue;
            }
            put(values, key, "rules." + key, e.getValue(), errors);
        }
    }

    private static void put(Map<String, String> values, String key, String writtenAs, Object value, List<String> errors) {
        if (value instanceof Map || value instanceof List) {
            errors.add(writtenAs + ": expected a single value, found " + describe(value));
        } else if (values.containsKey(key)) {
            errors.add(writtenAs + ": " + key + " is set twice");
        } else {
            values.put(key, value == null ? "" : value.toString());
        }
    }

    private static Policy build(String source, Map<String, String> values) throws PolicyException {
        List<PolicyRule> rules = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String key : KEYS) {
            String raw = values.getOrDefault(key, DIVE_DEFAULTS.get(key));
            if (raw == null) {
                continue;
            }
            if (DISABLED_WORDS.contains(raw.trim().toLowerCase(Locale.ROOT))) {
                rules.add(new DisabledRule(key));
                continue;
            }
            try {
                rules.add(rule(key, raw));
            } catch (IllegalArgumentException e) {
                errors.add(key + ": " + e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new PolicyException(source + ": " + String.join("; ", errors));
        }
        return new Policy(source, rules);
    }

    private static PolicyRule rule(String key, String raw) {
        return switch (key) {
            case DiveRules.LOWEST_EFFICIENCY -> new DiveRules.LowestEfficiency(raw, ratio(raw));
            case DiveRules.HIGHEST_WASTED_BYTES -> new DiveRules.HighestWastedBytes(raw, ByteSizes.parse(raw));
            case DiveRules.HIGHEST_USER_WASTED_PERCENT -> new DiveRules.HighestUserWastedPercent(raw, ratio(raw));
            case MAX_IMAGE_SIZE -> new MaxBytesRule(key, raw, ByteSizes.parse(raw), "image size", PolicyInput::sizeBytes);
            case MAX_RECLAIMABLE_BYTES -> new MaxBytesRule(key, raw, ByteSizes.parse(raw), "reclaimable bytes",
                    PolicyInput::reclaimableBytes);
            case MAX_REMOVABLE_BYTES -> new MaxBytesRule(key, raw, ByteSizes.parse(raw), "removable bytes",
                    PolicyInput::removableBytes);
            case NO_SECRETS -> findings(key, raw, "secret", f -> f.id().startsWith("secret/"));
            case NO_ROOT_USER -> findings(key, raw, "root-user finding", f -> f.id().equals("config/runs-as-root"));
            case REQUIRE_HEALTHCHECK -> findings(key, raw, "missing-HEALTHCHECK finding",
                    f -> f.id().equals("config/no-healthcheck"));
            case MinimumGradeRule.KEY -> grade(raw);
            case FAIL_ON -> failOn(raw);
            default -> throw new IllegalStateException("no rule for " + key);
        };
    }

    /** A ratio between 0 and 1, as dive requires for its two ratio rules. */
    private static double ratio(String raw) {
        if (!DECIMAL.matcher(raw).matches()) {
            throw new IllegalArgumentException("\"" + raw + "\" is not a number (write a ratio between 0 and 1, e.g. 0.9)");
        }
        double value = Double.parseDouble(raw);
        if (value < 0 || value > 1) {
            throw new IllegalArgumentException(raw + " is outside the allowed range 0-1 (a ratio: 0.9 means 90 %)");
        }
        return value;
    }

    private static PolicyRule findings(String key, String raw, String what,
                                       java.util.function.Predicate<Finding> counts) {
        if (!TRUE_WORDS.contains(raw.trim().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("\"" + raw + "\" is not true or false");
        }
        return new FindingsRule(key, raw, what, counts);
    }

    private static PolicyRule grade(String raw) {
        String letter = raw.trim().toUpperCase(Locale.ROOT);
        if (letter.length() != 1 || MinimumGradeRule.LETTERS.indexOf(letter.charAt(0)) < 0) {
            throw new IllegalArgumentException("\"" + raw + "\" is not a grade (A, B, C, D, E or F)");
        }
        return new MinimumGradeRule(raw, letter.charAt(0));
    }

    private static PolicyRule failOn(String raw) {
        String id = raw.trim().toLowerCase(Locale.ROOT);
        for (Severity severity : Severity.values()) {
            if (severity.id().equals(id)) {
                return new FindingsRule(FAIL_ON, raw, "finding of severity " + id + (severity == Severity.CRITICAL ? ""
                        : " or above"), f -> f.severity().compareTo(severity) <= 0);
            }
        }
        throw new IllegalArgumentException("\"" + raw + "\" is not a severity (critical, high, medium, low, info)");
    }

    /** SnakeYAML with no implicit types: every scalar stays the text written, as dive's string fields read it. */
    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setCodePointLimit(1 << 20);
        DumperOptions dumper = new DumperOptions();
        Resolver textOnly = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                // none: 0.95, off and 20MB all stay strings
            }
        };
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, textOnly);
    }

    private static String hint(String key, Set<String> known) {
        for (String k : known) {
            if (k.equalsIgnoreCase(key) || k.equalsIgnoreCase(key.replace("-", "").replace("_", ""))) {
                return ", did you mean '" + k + "'?";
            }
        }
        return "";
    }

    private static String describe(Object value) {
        return value instanceof Map ? "a mapping" : value instanceof List ? "a list" : "\"" + value + "\"";
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").trim();
    }
}
