package dev.layerlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlens.core.analysis.ImageCheck;
import dev.layerlens.core.analysis.secrets.Disclosure;
import dev.layerlens.core.analysis.secrets.SecretScanOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/rules.md documents every finding id the commands' checks declare ({@link ImageCheck#ids()},
 * which the analysis holds them to): each id has an entry of its own — a heading, or a row of a
 * table with example and fix columns — with an example and a fix; and the page names no id that no
 * check declares.
 */
class RulesDocumentationTest {
    private static final Path RULES = Path.of("..", "docs", "rules.md");
    private static final Pattern TABLE_SEPARATOR = Pattern.compile("^\\|(?:\\s*:?-+:?\\s*\\|)+\\s*$");

    /** One id's entry and whether it gives an example and a fix. */
    record Entry(String id, boolean example, boolean fix) {
    }

    private static Set<String> declaredIds() {
        return Checks.all(Disclosure.REDACT, SecretScanOptions.defaults()).stream()
                .flatMap(check -> check.ids().stream()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** A family/name id where the page names one: not inside a path ({@code /var/cache/apt}). */
    private static Pattern idPattern(Set<String> ids) {
        String families = ids.stream().map(id -> id.substring(0, id.indexOf('/'))).distinct()
                .collect(Collectors.joining("|"));
        return Pattern.compile("(?<![\\w/.-])((?:" + families + ")/[a-z0-9]+(?:-[a-z0-9]+)*)(?![\\w/.-])");
    }

    private static boolean isHeading(String line) {
        return line.startsWith("#");
    }

    private static List<String> cells(String row) {
        String inner = row.strip();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        List<String> out = new ArrayList<>();
        for (String cell : inner.split("\\|", -1)) {
            out.add(cell.strip());
        }
        return out;
    }

    /**
     * The entries of the page: a heading that names an id, with its section up to the next heading
     * (an "Example…" and a "Fix:" paragraph); or a table row whose first cell names one, in a table
     * whose header has example and fix columns. Headings inside code blocks are not headings.
     */
    static List<Entry> entries(List<String> lines, Pattern id) {
        List<Entry> out = new ArrayList<>();
        boolean fenced = false;
        String headingId = null;
        boolean example = false;
        boolean fix = false;
        List<String> header = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                continue;
            }
            if (isHeading(line)) {
                if (headingId != null) {
                    out.add(new Entry(headingId, example, fix));
                }
                List<String> named = ids(line, id);
                assertThat(named).as("one id per heading: %s", line).hasSizeLessThanOrEqualTo(1);
                headingId = named.isEmpty() ? null : named.get(0);
                example = false;
                fix = false;
                continue;
            }
            example |= line.startsWith("Example");
            fix |= line.startsWith("Fix:");
            if (!line.startsWith("|")) {
                header = null;
            } else if (i + 1 < lines.size() && TABLE_SEPARATOR.matcher(lines.get(i + 1)).matches()) {
                header = cells(line).stream().map(String::toLowerCase).toList();
            } else if (header != null && !TABLE_SEPARATOR.matcher(line).matches()) {
                List<String> row = cells(line);
                List<String> named = ids(row.get(0), id);
                if (!named.isEmpty()) {
                    out.add(new Entry(named.get(0), filled(header, row, "example"), filled(header, row, "fix")));
                }
            }
        }
        if (headingId != null) {
            out.add(new Entry(headingId, example, fix));
        }
        return out;
    }

    private static boolean filled(List<String> header, List<String> row, String column) {
        int index = header.indexOf(column);
        return index >= 0 && index < row.size() && !row.get(index).isBlank();
    }

    private static List<String> ids(String text, Pattern id) {
        List<String> out = new ArrayList<>();
        Matcher m = id.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void everyDeclaredIdHasOneEntryWithAnExampleAndAFix() throws IOException {
        Set<String> declared = declaredIds();
        List<Entry> entries = entries(Files.readAllLines(RULES), idPattern(declared));
        TreeMap<String, Long> perId = entries.stream()
                .collect(Collectors.groupingBy(Entry::id, TreeMap::new, Collectors.counting()));

        assertThat(perId.keySet()).as("ids with an entry in docs/rules.md").isEqualTo(declared);
        assertThat(perId).as("entries per id").allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
        assertThat(entries).filteredOn(e -> !e.example()).as("entries without an example").isEmpty();
        assertThat(entries).filteredOn(e -> !e.fix()).as("entries without a fix").isEmpty();
    }

    @Test
    void theRulesNameNoIdThatNoCheckDeclares() throws IOException {
        Set<String> declared = declaredIds();
        Set<String> named = new TreeSet<>(ids(Files.readString(RULES), idPattern(declared)));
        assertThat(named).as("ids named in docs/rules.md").isNotEmpty().isSubsetOf(declared);
    }

    @Test
    void theParserFindsWhatIsMissing() {
        Pattern id = idPattern(Set.of("config/a", "removable/b", "removable/c"));
        List<String> page = List.of(
                "### `config/a` (low)", "text", "```", "# a comment, no heading", "Fix: in a code block", "```",
                "Example: x", "",
                "| id | what | example | fix |", "|---|---|---|---|",
                "| `removable/b` | /var/cache/b | `RUN b` | |",
                "| `removable/c` | /c | `RUN c` | clean it |");
        assertThat(entries(page, id)).containsExactlyInAnyOrder(new Entry("config/a", true, false),
                new Entry("removable/b", true, false), new Entry("removable/c", true, true));
    }
}
