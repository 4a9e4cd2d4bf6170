package dev.layerlens.core.source;

/**
 * Layers handed over in the order a source reads them, once each: a stream that cannot be
 * rewound (a daemon's {@code docker save}) is read once, and every layer is given to the reader
 * as its bytes arrive, rather than kept until someone asks for it.
 */
public interface LayerDelivery {

    /** Takes one layer as it arrives. */
    interface Sink {
        /**
         * Called once for each layer index, from the delivering thread. A blob that is a live stream
         * must be read by another thread, starting promptly, because the delivery feeds it after
         * this call returns; throwing stops the delivery.
         */
        void accept(int index, LayerBlob blob) throws ImageReadException;
    }

    /**
     * Reads the source once and hands every layer to {@code sink}; returns when every layer has been
     * handed over and fed. Fails when the source cannot be read or a layer is missing from it.
     */
    void deliver(Sink sink) throws ImageReadException;
}
