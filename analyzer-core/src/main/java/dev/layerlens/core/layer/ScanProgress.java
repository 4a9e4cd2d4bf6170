package dev.layerlens.core.layer;

/** Told how far a scan has got; called from scanning threads. */
public interface ScanProgress {
    ScanProgress NONE = new ScanProgress() {
        @Override
        public void bytesRead(long count) {
        }

        @Override
        public void layerDone(int index) {
        }
    };

    /** {@code count} more stored bytes were read. */
    void bytesRead(long count);

    void layerDone(int index);
}
