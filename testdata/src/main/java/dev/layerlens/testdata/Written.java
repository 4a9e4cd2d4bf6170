package dev.layerlens.testdata;

import java.nio.file.Path;
import java.util.List;

/** An archive or layout the writer produced, and the images in it. */
public record Written(Path path, List<WrittenImage> images) {
    public Written {
        images = List.copyOf(images);
    }

    /** The only image; fails when there are several. */
    public WrittenImage image() {
        if (images.size() != 1) {
            throw new IllegalStateException(path + " holds " + images.size() + " images");
        }
        return images.get(0);
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
