package dev.layerlens.core.report;

import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.dockerfile.BuildArg;
import dev.layerlens.core.analysis.dockerfile.BuildHistory;
import dev.layerlens.core.analysis.dockerfile.Instruction;
import dev.layerlens.core.analysis.secrets.Disclosure;
import dev.layerlens.core.image.Image;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * {@code layerlens dockerfile}: the Dockerfile reconstructed from the config's history (legacy and
 * BuildKit forms), split into the base image's part and the image's own build, each layer-making
 * instruction annotated with its layer's size and findings. Build-arg values are redacted. Every
 * string from the image is sanitised before it is written.
 */
public final class DockerfileWriter {
    private static final int WRAP = 100;
    private DockerfileWriter() {
    }

    /** Writes with every secret the secret rules find in the history redacted. */
    public static void write(Image image, Report report, PrintWriter out) {
        write(image, report, Disclosure.REDACT::text, out);
    }

    /**
     * @param untrusted applied to every instruction's text before it is written (secret redaction, or
     *                  identity under {@code --show-secrets}); build-arg values are redacted regardless
     */
    public static void write(Image image, Report report, UnaryOperator<String> untrusted, PrintWriter out) {
        BuildHistory history = BuildHistory.of(image);
        Map<Integer, List<Finding>> byLayer = new LinkedHashMap<>();
        List<Finding> imageWide = new ArrayList<>();
        for (Finding f : report.findings()) {
            if (f.layerIndex() == null) {
                imageWide.add(f);
            } else {
                byLayer.computeIfAbsent(f.layerIndex(), k -> new ArrayList<>()).add(f);
            }
        }
        header(image, report, history, out);
        int base = history.baseLayerCount();
        boolean baseOpened = false;
        boolean ownOpened = false;
        for (Instruction i : history.instructions()) {
            if (history.isBase(i) && !baseOpened) {
                out.println();
                out.println(section("base image", 0, base, report));
                out.println("# FROM <base image>: FROM is not recorded in history");
                baseOpened = true;
            } else if (!history.isBase(i) && !ownOpened) {
                out.println();
                out.println(section("this image's build", base, report.layers().size(), report));
                ownOpened = true;
            }
            instruction(i, report, byLayer, untrusted, out);
        }
        for (int layer = 0; layer < report.layers().size(); layer++) {
            if (history.forLayer(layer).isEmpty()) {
                out.println(annotation(layer, report, byLayer) + " · no history entry for this layer");
            }
        }
        if (!imageWide.isEmpty()) {
            out.println();
            out.println("# findings about the image as a whole: " + summary(imageWide));
        }
        out.flush();
    }

    private static void header(Image image, Report report, BuildHistory history, PrintWriter out) {
        out.println("# Dockerfile reconstructed by layerlens from the history of " + TerminalText.sanitize(report.image().reference()));
        out.println("# image " + report.image().digest() + ", " + report.layers().size() + " layers, "
                + Sizes.si(report.image().sizeBytes()) + "; recorded by " + builders(history));
        out.println("# History keeps no FROM, stage names or legacy COPY sources; build-arg values are redacted.");
    }

    private static String builders(BuildHistory history) {
        long buildKit = history.instructions().stream().filter(Instruction::buildKit).count();
        if (buildKit == 0) {
            return "the legacy builder";
        }
        return buildKit == history.instructions().size() ? "BuildKit" : "BuildKit and the legacy builder";
    }

    private static String section(String name, int from, int to, Report report) {
        long bytes = 0;
        for (int i = from; i < to && i < report.layers().size(); i++) {
            bytes += report.layers().get(i).sizeBytes();
        }
        String layers = to - from == 0 ? "no layers" : to - from == 1 ? "layer " + from : "layers " + from + "–" + (to - 1);
        return "# ── " + name + ": " + layers + ", " + Sizes.si(bytes) + " ──";
    }

    private static void instruction(Instruction i, Report report, Map<Integer, List<Finding>> byLayer,
                                    UnaryOperator<String> untrusted, PrintWriter out) {
        if (i.is("RUN") && !i.buildArgs().isEmpty()) {
            out.println("# build args: " + i.buildArgs().stream().map(BuildArg::redacted)
                    .map(TerminalText::sanitize).collect(Collectors.joining(", ")));
        }
        if (i.layerIndex() != null && i.layerIndex() < report.layers().size()) {
            out.println(annotation(i.layerIndex(), report, byLayer));
        }
        if (i.keyword().isEmpty()) {
            out.println("# (no instruction recorded" + (i.layerIndex() == null ? ")" : ": an imported filesystem?)"));
            return;
        }
        out.println(wrap(TerminalText.sanitize(untrusted.apply(i.shortDisplay()))));
    }

    private static String annotation(int layer, Report report, Map<Integer, List<Finding>> byLayer) {
        StringBuilder s = new StringBuilder("# layer ").append(layer).append(" · ")
                .append(Sizes.si(report.layers().get(layer).sizeBytes()));
        List<Finding> findings = byLayer.get(layer);
        if (findings != null) {
            s.append(" · ").append(summary(findings));
        }
        return s.toString();
    }

    /** {@code removable/npm-cache 5.10 MB, fs/setuid-setgid ×3} */
    private static String summary(List<Finding> findings) {
        Map<String, long[]> byId = new LinkedHashMap<>();
        for (Finding f : findings) {
            long[] countAndBytes = byId.computeIfAbsent(f.id(), k -> new long[2]);
            countAndBytes[0]++;
            countAndBytes[1] += f.bytes() == null ? 0 : f.bytes();
        }
        return byId.entrySet().stream().map(e -> e.getKey() + (e.getValue()[0] > 1 ? " ×" + e.getValue()[0] : "")
                + (e.getValue()[1] > 0 ? " " + Sizes.si(e.getValue()[1]) : "")).collect(Collectors.joining(", "));
    }

    /** Long RUN chains one command per line, as people write them. */
    private static String wrap(String line) {
        if (line.length() <= WRAP || !line.startsWith("RUN ") || !line.contains("&&")) {
            return line;
        }
        return String.join(" \\\n    && ", line.split("\\s+&&\\s+"));
    }
}
