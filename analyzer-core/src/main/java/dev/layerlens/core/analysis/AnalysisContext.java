package dev.layerlens.core.analysis;

import dev.layerlens.core.fs.FileTree;
import dev.layerlens.core.image.Image;
import dev.layerlens.core.layer.LayerScan;
import java.util.List;

/** What every check reads: the image's description, each layer's scan, and the stacked file tree. */
public record AnalysisContext(Image image, List<LayerScan> scans, FileTree tree) {
    public AnalysisContext {
        scans = List.copyOf(scans);
    }
}
