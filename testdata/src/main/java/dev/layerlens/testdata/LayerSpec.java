package dev.layerlens.testdata;

import java.util.List;

/**
 * One layer: its entries in tar order, how it is stored, and an optional fault.
 *
 * @param compression null means the default of the format it is written in
 * @param fault       null means intact
 */
public record LayerSpec(List<Entry> entries, LayerCompression compression, LayerFault fault) {

    public LayerSpec {
        entries = List.copyOf(entries);
    }

    public static LayerSpec of(Entry... entries) {
        return new LayerSpec(List.of(entries), null, null);
    }

    public LayerSpec compressed(LayerCompression how) {
        return new LayerSpec(entries, how, fault);
    }

    public LayerSpec withFault(LayerFault damage) {
        return new LayerSpec(entries, compression, damage);
    }

    /** dive's layer size: the sum of the regular files' sizes (directories, links, markers count 0). */
    public long declaredBytes() {
        return entries.stream().mapToLong(Entry::contentBytes).sum();
    }
}
