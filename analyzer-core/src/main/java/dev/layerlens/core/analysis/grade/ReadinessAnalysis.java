package dev.layerlens.core.analysis.grade;

import dev.layerlens.core.analysis.AnalysisContext;
import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.Severity;
import dev.layerlens.core.analysis.cache.CopyOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Grades an image from its findings and its dead weight.
 *
 * <pre>
 * score = 100 − Σ finding deductions − dead-weight deduction   (never below 0)
 *   finding deductions: once per finding id (at its most severe finding), for every id except
 *     removable/…, waste/… and build/use-multi-stage, whose bytes are scored as dead weight:
 *     critical 40, high 20, medium 10, low 4, info 0
 *   dead weight = (removable bytes except removable/docs + reclaimable bytes) / image size
 *   dead-weight deduction = min(30, round(60 × dead weight))
 * grade: A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 60, E ≥ 50, F below
 * </pre>
 * Counting an id once keeps twelve setuid binaries from outweighing one leaked secret; the dead
 * weight is capped so bytes alone cannot fail an image that is otherwise sound.
 */
public final class ReadinessAnalysis {
    static final int DEAD_WEIGHT_CAP = 30;
    static final int DEAD_WEIGHT_FACTOR = 60;
    private static final String DOCS = "removable/docs";

    private ReadinessAnalysis() {
    }

    public static Readiness compute(AnalysisContext context, List<Finding> findings, long reclaimableBytes) {
        long imageBytes = context.scans().stream().mapToLong(s -> s.sizeBytes()).sum();
        long removable = findings.stream().filter(f -> f.id().startsWith("removable/") && f.bytes() != null)
                .mapToLong(Finding::bytes).sum();
        long removableScored = findings.stream().filter(f -> f.id().startsWith("removable/") && !f.id().equals(DOCS)
                && f.bytes() != null).mapToLong(Finding::bytes).sum();
        Grade grade = grade(findings, removableScored, reclaimableBytes, imageBytes);
        return new Readiness(grade, removable, CopyOrder.analyse(context).exposure(),
                Wins.of(findings, reclaimableBytes));
    }

    static Grade grade(List<Finding> findings, long removableBytes, long reclaimableBytes, long imageBytes) {
        Map<String, Severity> worst = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (scoredByBytes(f.id())) {
                continue;
            }
            worst.merge(f.id(), f.severity(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            counts.merge(f.id(), 1, Integer::sum);
        }
        List<Grade.Deduction> deductions = new ArrayList<>();
        worst.forEach((id, severity) -> {
            int points = weight(severity);
            if (points > 0) {
                int n = counts.get(id);
                deductions.add(new Grade.Deduction(id + (n > 1 ? " ×" + n : "") + " (" + severity.id() + ")", points));
            }
        });
        double share = imageBytes == 0 ? 0 : (double) (removableBytes + reclaimableBytes) / imageBytes;
        int deadWeight = (int) Math.min(DEAD_WEIGHT_CAP, Math.round(DEAD_WEIGHT_FACTOR * share));
        if (deadWeight > 0) {
            deductions.add(new Grade.Deduction(String.format(Locale.ROOT,
                    "dead weight: %.1f %% of the image is removable or hidden", 100 * share), deadWeight));
        }
        deductions.sort(Comparator.comparingInt(Grade.Deduction::points).reversed());
        int score = Math.max(0, 100 - deductions.stream().mapToInt(Grade.Deduction::points).sum());
        return new Grade(letter(score), score, deductions);
    }

    private static boolean scoredByBytes(String id) {
        return id.startsWith("removable/") || id.startsWith("waste/") || id.equals("build/use-multi-stage");
    }

    static int weight(Severity severity) {
        return switch (severity) {
            case CRITICAL -> 40;
            case HIGH -> 20;
            case MEDIUM -> 10;
            case LOW -> 4;
            case INFO -> 0;
        };
    }

    static String letter(int score) {
        if (score >= 90) {
            return "A";
        }
        if (score >= 80) {
            return "B";
        }
        if (score >= 70) {
            return "C";
        }
        if (score >= 60) {
            return "D";
        }
        return score >= 50 ? "E" : "F";
    }

    /** Groups byte-carrying findings by id. */
    static final class Wins {
        private Wins() {
        }

        static List<Win> of(List<Finding> findings, long reclaimableBytes) {
            Map<String, Long> bytes = new LinkedHashMap<>();
            Map<String, TreeSet<Integer>> layers = new LinkedHashMap<>();
            long wasteBytes = 0;
            for (Finding f : findings) {
                if (f.bytes() == null || f.bytes() <= 0 || !isWin(f.id())) {
                    continue;
                }
                bytes.merge(f.id(), f.bytes(), Long::sum);
                TreeSet<Integer> l = layers.computeIfAbsent(f.id(), k -> new TreeSet<>());
                if (f.layerIndex() != null) {
                    l.add(f.layerIndex());
                }
                if (f.id().startsWith("waste/")) {
                    wasteBytes += f.bytes();
                }
            }
            List<Win> out = new ArrayList<>();
            bytes.forEach((id, b) -> out.add(new Win(id, action(id), b, new ArrayList<>(layers.get(id)))));
            long otherHidden = reclaimableBytes - wasteBytes;
            if (otherHidden > 0) {
                out.add(new Win("reclaimable", "drop the other files later layers hide (see Reclaimable)", otherHidden,
                        List.of()));
            }
            out.sort(Comparator.comparingLong(Win::bytes).reversed().thenComparing(Win::id));
            return out;
        }

        /**
         * Byte findings that stand for a fix of their own. build/apt-update-separate-layer is left out:
         * its bytes are the same lists removable/apt-lists or waste/cache-cleaned-in-later-layer count.
         */
        static boolean isWin(String id) {
            return id.startsWith("removable/") || id.startsWith("waste/") || id.startsWith("cache/")
                    || id.equals("build/use-multi-stage");
        }

        static String action(String id) {
            return switch (id) {
                case "removable/apt-lists" -> "remove apt's package lists in the installing RUN";
                case "removable/apt-cache" -> "apt-get clean in the installing RUN";
                case "removable/apk-cache" -> "apk add --no-cache";
                case "removable/npm-cache" -> "clean npm's cache in the installing RUN";
                case "removable/yarn-cache" -> "clean yarn's cache in the installing RUN";
                case "removable/pnpm-store" -> "prune pnpm's store in the installing RUN";
                case "removable/pip-cache" -> "pip install --no-cache-dir";
                case "removable/go-cache" -> "drop Go's build and module caches";
                case "removable/maven-cache" -> "drop Maven's local repository";
                case "removable/gradle-cache" -> "drop Gradle's caches";
                case "removable/vcs-directory" -> "add .git to .dockerignore";
                case "removable/dev-dependencies" -> "install production dependencies only";
                case "removable/build-toolchain" -> "leave the compilers in a build stage";
                case "removable/dev-packages" -> "leave -dev packages in a build stage";
                case "removable/test-directories" -> "leave tests out";
                case "removable/docs" -> "leave docs and man pages out";
                case "waste/layer-duplication" -> "set owner and mode where files are created";
                case "waste/cache-cleaned-in-later-layer" -> "clean caches in the RUN that makes them";
                case "build/use-multi-stage" -> "multi-stage build (instead of the removable wins above)";
                case "cache/copy-before-dependency-install" -> "copy manifests, install, then copy sources (per source change)";
                default -> id;
            };
        }
    }
}
