package dev.layerlens.core.image.json;

/** A parsed manifest-like document: an index (list of manifests) or an image manifest. */
public sealed interface ManifestDocument {
    record Index(IndexJson index) implements ManifestDocument {
    }

    record Manifest(ManifestJson manifest) implements ManifestDocument {
    }
}
