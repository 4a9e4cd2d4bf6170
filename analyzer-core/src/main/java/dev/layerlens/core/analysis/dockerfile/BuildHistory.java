package dev.layerlens.core.analysis.dockerfile;

import dev.layerlens.core.image.HistoryEntry;
import dev.layerlens.core.image.Image;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The image's history as instructions, each paired with the layer it made (non-empty entries and
 * layers paired in order, as {@code ImageAssembler} pairs them), and where the base image ends.
 *
 * <p>History does not record FROM, so the base is told from the history itself (a heuristic,
 * documented in docs/rules.md): the image's own build starts after the last <em>break</em> between
 * two consecutive entries, where a break is
 * <ol>
 * <li>a change of recorder: BuildKit's history comment, {@code docker import}'s "Imported from", or none;</li>
 * <li>time running backwards, or a pause of more than {@link #BUILD_PAUSE} between two steps;</li>
 * <li>a CMD or ENTRYPOINT followed by a step that made a layer (base images end with their CMD).</li>
 * </ol>
 * Without a break the whole history is the image's own build (FROM scratch).
 */
public final class BuildHistory {
    /** Longer than any single build step is expected to take. */
    public static final Duration BUILD_PAUSE = Duration.ofHours(1);

    private final List<Instruction> instructions;
    private final Instruction[] byLayer;
    private final int baseLayerCount;
    private final int firstOwnHistoryIndex;

    private BuildHistory(List<Instruction> instructions, int layerCount, int firstOwnHistoryIndex) {
        this.instructions = List.copyOf(instructions);
        this.byLayer = new Instruction[layerCount];
        for (Instruction i : instructions) {
            if (i.layerIndex() != null) {
                byLayer[i.layerIndex()] = i;
            }
        }
        this.firstOwnHistoryIndex = firstOwnHistoryIndex;
        int base = 0;
        for (Instruction i : instructions) {
            if (i.historyIndex() < firstOwnHistoryIndex && i.layerIndex() != null) {
                base = i.layerIndex() + 1;
            }
        }
        this.baseLayerCount = base;
    }

    public static BuildHistory of(Image image) {
        List<HistoryEntry> history = image.config().history();
        int layerCount = image.layers().size();
        List<Instruction> out = new ArrayList<>();
        int layer = 0;
        for (int h = 0; h < history.size(); h++) {
            HistoryEntry entry = history.get(h);
            Integer layerIndex = null;
            if (!entry.emptyLayer() && layer < layerCount) {
                layerIndex = layer++;
            }
            InstructionParser.Parsed p = InstructionParser.parse(entry.createdBy(), entry.comment());
            out.add(new Instruction(h, layerIndex, p.keyword(), p.arguments(), p.buildArgs(), p.shellForm(),
                    p.buildKit(), entry.created(), entry.createdBy() == null ? "" : entry.createdBy()));
        }
        return new BuildHistory(out, layerCount, firstOwnEntry(history));
    }

    public List<Instruction> instructions() {
        return instructions;
    }

    /** The instruction that made layer {@code index}, when history pairs one with it. */
    public Optional<Instruction> forLayer(int index) {
        return index >= 0 && index < byLayer.length ? Optional.ofNullable(byLayer[index]) : Optional.empty();
    }

    /** Layers {@code [0, baseLayerCount)} came with the base image. */
    public int baseLayerCount() {
        return baseLayerCount;
    }

    public int layerCount() {
        return byLayer.length;
    }

    /** True when the instruction was recorded by the base image's build, not this image's. */
    public boolean isBase(Instruction instruction) {
        return instruction.historyIndex() < firstOwnHistoryIndex;
    }

    /** The instructions of the image's own build, in order. */
    public List<Instruction> own() {
        return instructions.subList(Math.min(firstOwnHistoryIndex, instructions.size()), instructions.size());
    }

    public int firstOwnHistoryIndex() {
        return firstOwnHistoryIndex;
    }

    /** The history index just after the last break (0 when there is none). */
    static int firstOwnEntry(List<HistoryEntry> history) {
        int first = 0;
        int lastLayerStep = -1;
        for (int i = history.size() - 1; i >= 0; i--) {
            if (!history.get(i).emptyLayer()) {
                lastLayerStep = i;
                break;
            }
        }
        for (int i = 0; i + 1 < history.size(); i++) {
            HistoryEntry a = history.get(i);
            HistoryEntry b = history.get(i + 1);
            if (recorder(a) != recorder(b) || paused(a, b) || endsBase(a, i, lastLayerStep)) {
                first = i + 1;
            }
        }
        return first;
    }

    private enum Recorder { BUILDKIT, IMPORT, OTHER }

    private static Recorder recorder(HistoryEntry e) {
        String comment = e.comment() == null ? "" : e.comment();
        if (comment.equals(InstructionParser.BUILDKIT_COMMENT)) {
            return Recorder.BUILDKIT;
        }
        return comment.startsWith("Imported from") ? Recorder.IMPORT : Recorder.OTHER;
    }

    private static boolean paused(HistoryEntry a, HistoryEntry b) {
        Instant ta = instant(a.created());
        Instant tb = instant(b.created());
        if (ta == null || tb == null) {
            return false;
        }
        return tb.isBefore(ta) || Duration.between(ta, tb).compareTo(BUILD_PAUSE) > 0;
    }

    private static boolean endsBase(HistoryEntry e, int index, int lastLayerStep) {
        if (index >= lastLayerStep) {
            return false;
        }
        InstructionParser.Parsed p = InstructionParser.parse(e.createdBy(), e.comment());
        return p.keyword().equals("CMD") || p.keyword().equals("ENTRYPOINT");
    }

    private static Instant instant(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
