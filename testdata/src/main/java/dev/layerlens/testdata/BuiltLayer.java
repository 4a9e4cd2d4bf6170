package dev.layerlens.testdata;

/**
 * A layer turned into bytes.
 *
 * @param diffId       digest of the whole uncompressed stream (the true diffID)
 * @param configDiffId what the config lists for it (differs under {@link LayerFault.WrongDiffId})
 * @param blob         the intact blob
 * @param stored       the bytes actually stored (differ under truncation or corruption)
 * @param blobDigest   digest of the intact blob
 * @param storedName   digest the blob is stored and referenced under (differs under {@link LayerFault.WrongBlobDigest})
 * @param missing      true when the blob is referenced but not stored
 */
record BuiltLayer(LayerSpec spec, LayerCompression compression, String diffId, String configDiffId, byte[] blob,
                  byte[] stored, String blobDigest, String storedName, boolean missing) {

    String mediaType() {
        return compression.ociMediaType();
    }

    WrittenLayer written() {
        return new WrittenLayer(diffId, blobDigest, blob.length, compression);
    }

    static BuiltLayer build(LayerSpec spec, LayerCompression defaultCompression) {
        LayerCompression how = spec.compression() != null ? spec.compression() : defaultCompression;
        byte[] tar = Tars.layer(spec.entries());
        byte[] stream = tar;
        byte[] blob;
        if (how == LayerCompression.ESTARGZ) {
            byte[] trailer = tableOfContents(spec);
            stream = concat(tar, trailer);
            blob = Compressor.estargz(tar, trailer);
        } else {
            blob = Compressor.compress(tar, how);
        }
        String diffId = Digests.sha256(stream);
        String blobDigest = Digests.sha256(blob);
        LayerFault fault = spec.fault();
        byte[] stored = blob;
        if (fault instanceof LayerFault.Truncated t) {
            if (t.length() < 0 || t.length() >= blob.length) {
                throw new IllegalArgumentException("cannot truncate a " + blob.length + "-byte blob at byte " + t.length());
            }
            stored = java.util.Arrays.copyOf(blob, (int) t.length());
        } else if (fault instanceof LayerFault.CorruptGzip) {
            stored = Compressor.corruptGzip(blob);
        }
        String configDiffId = fault instanceof LayerFault.WrongDiffId ? Digests.sha256(concat(stream, new byte[] {1})) : diffId;
        String storedName = fault instanceof LayerFault.WrongBlobDigest ? Digests.sha256(concat(blob, new byte[] {1})) : blobDigest;
        return new BuiltLayer(spec, how, diffId, configDiffId, blob, stored, blobDigest, storedName,
                fault instanceof LayerFault.MissingBlob);
    }

    /** What eStargz puts after the tar: a JSON table of contents (here just the entry names). */
    private static byte[] tableOfContents(LayerSpec spec) {
        var entries = Json.array();
        for (Entry e : spec.entries()) {
            entries.add(Json.object().put("name", e.tarName()).put("size", e.contentBytes()));
        }
        return Json.bytes(Json.object().put("version", 1).set("entries", entries));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
