package dev.layerlens.core.source.archive;

import dev.layerlens.core.image.Digest;
import dev.layerlens.core.source.BlobSource;
import dev.layerlens.core.source.ImageReadException;
import dev.layerlens.core.source.LayerBlob;
import java.io.IOException;

/** The {@code blobs/<algorithm>/<hex>} store of an OCI image layout (a directory or a tar). */
final class LayoutBlobSource implements BlobSource {
    private final ArchiveContents contents;

    LayoutBlobSource(ArchiveContents contents) {
        this.contents = contents;
    }

    static String pathOf(Digest digest) {
        return "blobs/" + digest.algorithm() + "/" + digest.hex();
    }

    @Override
    public byte[] readVerified(Digest digest, long maxBytes) throws ImageReadException {
        ArchiveFile file = find(digest, "blob");
        byte[] bytes;
        try {
            bytes = file.readAll(maxBytes);
        } catch (IOException e) {
            throw new ImageReadException("blob " + digest.shortForm() + ": " + e.getMessage());
        }
        Digest actual = new Digest(digest.algorithm(),
                java.util.HexFormat.of().formatHex(digest.newHasher().digest(bytes)));
        if (!actual.equals(digest)) {
            throw new ImageReadException("blob " + digest.shortForm() + " does not match its digest (its content hashes to "
                    + actual.shortForm() + ")");
        }
        return bytes;
    }

    @Override
    public LayerBlob layerBlob(Digest digest, Long size) throws ImageReadException {
        ArchiveFile file = find(digest, "blob");
        if (size != null && size > file.length()) {
            throw new ImageReadException("blob " + digest.shortForm() + " is truncated: " + file.length()
                    + " bytes where the manifest says " + size);
        }
        if (size != null && size != file.length()) {
            throw new ImageReadException("blob " + digest.shortForm() + " is " + file.length()
                    + " bytes but the manifest says " + size);
        }
        return new ArchiveLayerBlob(file, digest);
    }

    private ArchiveFile find(Digest digest, String what) throws ImageReadException {
        return contents.find(pathOf(digest)).orElseThrow(() ->
                new ImageReadException(what + " " + digest.shortForm() + " is missing from " + contents.displayName()));
    }
}
