package dev.layerlens.core.source.archive;

import dev.layerlens.core.image.Image;
import dev.layerlens.core.source.ImageSource;
import dev.layerlens.core.source.LayerBlob;
import java.io.IOException;
import java.util.List;

/** An image read from an archive or layout; closing it releases the archive (and its spool file). */
record ArchiveImageSource(ArchiveContents contents, Image image, List<LayerBlob> blobs) implements ImageSource {

    @Override
    public LayerBlob layer(int index) {
        return blobs.get(index);
    }

    @Override
    public void close() throws IOException {
        contents.close();
    }
}
