package dev.layerlens.core.analysis.cache;

import dev.layerlens.core.analysis.dockerfile.Instruction;
import dev.layerlens.core.layer.EntryType;
import dev.layerlens.core.layer.LayerEntry;
import dev.layerlens.core.layer.LayerScan;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A COPY or ADD of this image's own build, judged by the files its layer ships.
 *
 * @param manifests   dependency manifests in the layer (leading slash), outside dependency directories
 * @param sourceFiles regular files that are neither manifests nor inside dependency directories
 *                    ({@code node_modules}, {@code site-packages}, {@code vendor}, …)
 * @param broad       a copy of the build context: source {@code .}, a legacy {@code dir:} copy, or a
 *                    layer that carries manifests together with sources
 */
record CopyStep(Instruction instruction, int layer, List<String> manifests, int sourceFiles, boolean broad)
        implements BuildStep {
    private static final Set<String> DEPENDENCY_DIRS = Set.of("node_modules", "site-packages", "dist-packages",
            "vendor", ".venv", "bower_components");

    CopyStep {
        manifests = List.copyOf(manifests);
    }

    /** Ships application sources: a source-only change rebuilds this layer and everything above. */
    boolean copiesSources() {
        return sourceFiles > 0;
    }

    static CopyStep of(Instruction instruction, LayerScan scan) {
        List<String> manifests = new ArrayList<>();
        int sources = 0;
        for (LayerEntry e : scan.entries()) {
            if (e.type() != EntryType.FILE || inDependencyDir(e.path())) {
                continue;
            }
            if (Ecosystem.anyManifest(e.path())) {
                manifests.add("/" + e.path());
            } else {
                sources++;
            }
        }
        manifests.sort(java.util.Comparator.comparing((String p) -> p.substring(0, p.lastIndexOf('/')))
                .thenComparingInt(p -> Ecosystem.rank(p)).thenComparing(p -> p));
        String source = source(instruction.arguments());
        boolean broad = sources > 0 && (source.equals(".") || source.equals("./") || source.startsWith("dir:")
                || !manifests.isEmpty());
        return new CopyStep(instruction, instruction.layerIndex(), manifests, sources, broad);
    }

    /** The first source operand, options ({@code --chown=…}) skipped. */
    static String source(String arguments) {
        for (String token : arguments.split("\\s+")) {
            if (!token.startsWith("--") && !token.isEmpty()) {
                return token;
            }
        }
        return "";
    }

    /** The destination operand as written (the last token), or empty. */
    static String destination(String arguments) {
        String[] tokens = arguments.strip().split("\\s+");
        return tokens.length < 2 ? "" : tokens[tokens.length - 1];
    }

    /** Whether a directory on the path is a dependency directory; the file's own name does not count. */
    private static boolean inDependencyDir(String path) {
        int start = 0;
        for (int slash = path.indexOf('/'); slash >= 0; start = slash + 1, slash = path.indexOf('/', start)) {
            if (DEPENDENCY_DIRS.contains(path.substring(start, slash))) {
                return true;
            }
        }
        return false;
    }
}
