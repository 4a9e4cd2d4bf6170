package dev.layerlens.core.analysis.content;

import dev.layerlens.core.image.Layer;
import dev.layerlens.core.layer.ContentInspector;
import dev.layerlens.core.layer.LayerEntry;
import java.util.List;

/** Several inspectors as one, for a check that reads more than one kind of file. */
public final class Inspectors implements ContentInspector {
    private final List<ContentInspector> parts;

    private Inspectors(List<ContentInspector> parts) {
        this.parts = List.copyOf(parts);
    }

    public static ContentInspector of(ContentInspector... parts) {
        return new Inspectors(List.of(parts));
    }

    @Override
    public int bytesWanted(Layer layer, LayerEntry entry) {
        int wanted = 0;
        for (ContentInspector part : parts) {
            wanted = Math.max(wanted, part.bytesWanted(layer, entry));
        }
        return wanted;
    }

    @Override
    public void inspect(Layer layer, LayerEntry entry, byte[] content, int length) {
        for (ContentInspector part : parts) {
            int asked = part.bytesWanted(layer, entry);
            if (asked > 0) {
                part.inspect(layer, entry, content, Math.min(asked, length));
            }
        }
    }
}
