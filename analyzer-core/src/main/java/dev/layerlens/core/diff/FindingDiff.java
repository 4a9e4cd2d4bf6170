package dev.layerlens.core.diff;

import dev.layerlens.core.analysis.Finding;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Findings fixed and introduced, matched by id and path: the layer a finding sits in moves when
 * the Dockerfile changes, so it is not part of the match.
 */
final class FindingDiff {
    private FindingDiff() {
    }

    private record Key(String id, String path) {
        static Key of(Finding f) {
            return new Key(f.id(), Objects.requireNonNullElse(f.path(), ""));
        }
    }

    static ImageDiff.FindingChanges compare(List<Finding> before, List<Finding> after) {
        Set<Key> was = new HashSet<>();
        before.forEach(f -> was.add(Key.of(f)));
        Set<Key> is = new HashSet<>();
        after.forEach(f -> is.add(Key.of(f)));
        List<Finding> fixed = before.stream().filter(f -> !is.contains(Key.of(f))).toList();
        List<Finding> introduced = after.stream().filter(f -> !was.contains(Key.of(f))).toList();
        return new ImageDiff.FindingChanges(fixed, introduced, after.size() - introduced.size());
    }
}
