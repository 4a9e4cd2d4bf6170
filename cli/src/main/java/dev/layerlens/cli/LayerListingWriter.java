package dev.layerlens.cli;

import dev.layerlens.core.report.Commands;
import dev.layerlens.core.report.Sizes;
import dev.layerlens.core.report.TerminalText;
import java.io.PrintWriter;

/** The text form of {@link LayerListing}; every string from the image is sanitised, commands cut to the width. */
final class LayerListingWriter {
    private final int width;

    LayerListingWriter(int width) {
        this.width = Math.max(40, width);
    }

    void write(LayerListing listing, PrintWriter out) {
        out.println("Image " + TerminalText.sanitize(listing.reference()));
        out.printf("  source        %s, %s%n", listing.source(), listing.platform());
        if (listing.manifestDigest() != null) {
            out.printf("  manifest      %s%n", listing.manifestDigest());
        }
        out.printf("  image id      %s%n", listing.digest());
        String compressed = listing.compressedSizeBytes() == null ? ""
                : ", " + Sizes.si(listing.compressedSizeBytes()) + " compressed";
        out.printf("  layers        %d%s%n", listing.layerCount(), compressed);
        out.println();
        String header = String.format("  %3s  %10s  %-11s  %-19s  %s", "#", "BLOB SIZE", "COMPRESSION", "DIGEST", "COMMAND");
        out.println(header);
        int commandWidth = width - (header.length() - "COMMAND".length());
        for (LayerListing.Entry e : listing.layers()) {
            String size = e.blobSize() == null ? "-" : Sizes.si(e.blobSize());
            String digest = e.digest() != null ? e.digest() : e.diffId();
            String shortDigest = digest.substring(0, Math.min(digest.length(), "sha256:".length() + 12));
            String command = e.command().isEmpty() ? "<no history>" : Commands.shortForm(e.command());
            out.printf("  %3d  %10s  %-11s  %-19s  %s%n", e.index(), size, e.compression() == null ? "-" : e.compression(),
                    shortDigest, TerminalText.fit(command, commandWidth));
        }
        for (String note : listing.notes()) {
            out.println();
            out.println("note: " + TerminalText.sanitize(note));
        }
        out.flush();
    }
}
