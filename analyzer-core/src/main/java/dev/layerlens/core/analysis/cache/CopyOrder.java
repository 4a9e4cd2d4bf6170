package dev.layerlens.core.analysis.cache;

import dev.layerlens.core.analysis.AnalysisContext;
import dev.layerlens.core.analysis.dockerfile.BuildHistory;
import dev.layerlens.core.analysis.dockerfile.Instruction;
import dev.layerlens.core.layer.LayerScan;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The order of source copies and dependency installs in this image's own build, and what it costs
 * when only application source changes ({@link CacheExposure}).
 *
 * <p>Every layer from the first COPY/ADD that ships sources to the top is rebuilt and re-pushed
 * after a source-only change. A dependency install that runs after a broad copy of the build
 * context is among them although its inputs (the manifests) did not change: copying the manifests
 * first and the rest after the install leaves that install layer in the cache. That is the fix;
 * the exposure after it is the exposure now less the sizes of those install layers.
 */
public final class CopyOrder {

    /** A broad copy and the installs that follow it before the next broad copy. */
    record Misplaced(CopyStep copy, List<Install> installs, String workdir) {
        Misplaced {
            installs = List.copyOf(installs);
        }
    }

    /** A RUN that installs dependencies. */
    record Install(Instruction instruction, int layer, Set<Ecosystem> ecosystems) implements BuildStep {
    }

    private final List<Misplaced> misplaced;
    private final CacheExposure exposure;

    private CopyOrder(List<Misplaced> misplaced, CacheExposure exposure) {
        this.misplaced = List.copyOf(misplaced);
        this.exposure = exposure;
    }

    List<Misplaced> misplaced() {
        return misplaced;
    }

    public CacheExposure exposure() {
        return exposure;
    }

    public static CopyOrder analyse(AnalysisContext context) {
        BuildHistory history = BuildHistory.of(context.image());
        List<LayerScan> scans = context.scans();
        List<BuildStep> steps = new ArrayList<>();
        List<String> workdirs = new ArrayList<>();
        String workdir = "/";
        for (Instruction i : history.instructions()) {
            if (i.is("WORKDIR")) {
                workdir = resolve(workdir, i.arguments());
            }
            if (history.isBase(i) || !i.madeLayer() || i.layerIndex() >= scans.size()) {
                continue;
            }
            if (i.is("COPY") || i.is("ADD")) {
                steps.add(CopyStep.of(i, scans.get(i.layerIndex())));
                workdirs.add(workdir);
            } else if (i.is("RUN")) {
                Set<Ecosystem> ecosystems = Ecosystem.installedBy(i.arguments());
                if (!ecosystems.isEmpty()) {
                    steps.add(new Install(i, i.layerIndex(), ecosystems));
                    workdirs.add(workdir);
                }
            }
        }
        List<Misplaced> misplaced = new ArrayList<>();
        Integer firstSource = null;
        CopyStep openCopy = null;
        String openWorkdir = null;
        List<Install> following = new ArrayList<>();
        for (int s = 0; s < steps.size(); s++) {
            BuildStep step = steps.get(s);
            if (step instanceof CopyStep copy) {
                if (copy.copiesSources() && firstSource == null) {
                    firstSource = copy.layer();
                }
                if (copy.broad()) {
                    close(openCopy, openWorkdir, following, misplaced);
                    openCopy = copy;
                    openWorkdir = workdirs.get(s);
                    following = new ArrayList<>();
                }
            } else if (step instanceof Install install && openCopy != null) {
                following.add(install);
            }
        }
        close(openCopy, openWorkdir, following, misplaced);
        return new CopyOrder(misplaced, CacheExposure.of(scans, firstSource, misplaced));
    }

    private static void close(CopyStep copy, String workdir, List<Install> installs, List<Misplaced> out) {
        if (copy != null && !installs.isEmpty()) {
            out.add(new Misplaced(copy, installs, workdir));
        }
    }

    /** WORKDIR semantics: an absolute path replaces, a relative one appends. */
    static String resolve(String current, String next) {
        String n = next.strip();
        if (n.isEmpty()) {
            return current;
        }
        if (n.startsWith("/")) {
            return n;
        }
        return current.endsWith("/") ? current + n : current + "/" + n;
    }

    /** The ecosystems of all installs of a misplaced copy. */
    static Set<Ecosystem> ecosystems(Misplaced m) {
        Set<Ecosystem> out = EnumSet.noneOf(Ecosystem.class);
        m.installs().forEach(i -> out.addAll(i.ecosystems()));
        return out;
    }
}
