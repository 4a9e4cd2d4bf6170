package dev.layerlens.core.layer;

import dev.layerlens.core.image.Layer;

/**
 * Looks at the bytes of chosen regular files while their layer streams past, in the scan's one
 * pass (secret rules, package databases). The scanner reads each wanted file once, up to the
 * largest limit any inspector asked for, and hands every interested inspector the same bytes.
 * Called from the thread scanning each layer: implementations must be safe across threads.
 */
public interface ContentInspector {

    /** How many leading bytes of this file to read (0: not wanted); decided from the entry alone. */
    int bytesWanted(Layer layer, LayerEntry entry);

    /**
     * The file's leading bytes: {@code content[0..length)}, at most what was asked for; shorter
     * when the file is. The array is reused after the call returns.
     */
    void inspect(Layer layer, LayerEntry entry, byte[] content, int length);

    /**
     * Whether this inspector reads (nearly) every file, as a content scan does. Reading a layer as
     * one stream is then cheaper than seeking from file to file, so the scanner does not seek even
     * when nothing is verified.
     */
    default boolean readsMostFiles() {
        return false;
    }
}
