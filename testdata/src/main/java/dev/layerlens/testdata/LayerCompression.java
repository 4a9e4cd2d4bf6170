package dev.layerlens.testdata;

/** How a layer blob is stored. */
public enum LayerCompression {
    NONE,
    GZIP,
    /** the tar split over several concatenated gzip members (pigz, some registries) */
    GZIP_MULTI_MEMBER,
    /**
     * like eStargz: gzip members, data after the tar end marker (a table of contents), and an empty
     * footer member with an extra field. The diffID covers the whole decompressed stream.
     */
    ESTARGZ,
    ZSTD;

    public boolean isGzip() {
        return this == GZIP || this == GZIP_MULTI_MEMBER || this == ESTARGZ;
    }

    /** The OCI layer media type for a blob stored this way. */
    String ociMediaType() {
        return switch (this) {
            case NONE -> "application/vnd.oci.image.layer.v1.tar";
            case ZSTD -> "application/vnd.oci.image.layer.v1.tar+zstd";
            default -> "application/vnd.oci.image.layer.v1.tar+gzip";
        };
    }
}
