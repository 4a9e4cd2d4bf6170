package dev.layerlens.core.source.archive;

import dev.layerlens.core.image.Digest;
import dev.layerlens.core.image.Image;
import dev.layerlens.core.image.ImageReference;
import dev.layerlens.core.image.json.DescriptorJson;
import dev.layerlens.core.image.json.IndexJson;
import dev.layerlens.core.image.json.WireJson;
import dev.layerlens.core.source.ImageAssembler;
import dev.layerlens.core.source.ImageReadException;
import dev.layerlens.core.source.LayerBlob;
import dev.layerlens.core.source.LayerDescriptor;
import dev.layerlens.core.source.OciImageResolver;
import dev.layerlens.core.source.ResolvedManifest;
import dev.layerlens.core.source.SourceOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads an OCI image layout (a directory, or the same tree in a tar) through its index.json. */
final class OciLayoutReader {
    static final String INDEX = "index.json";
    static final String REF_NAME = "org.opencontainers.image.ref.name";
    private static final String CONTAINERD_NAME = "io.containerd.image.name";
    private static final long MAX_INDEX_BYTES = 16L << 20;
    /** The OCI referrers tag schema ({@code sha256-<hex>[.<suffix>]}): indexes of referrers, not user tags. */
    private static final Pattern REFERRERS_TAG = Pattern.compile("sha256-[0-9a-f]{64}(?:\\..*)?");

    private OciLayoutReader() {
    }

    static ArchiveImageSource read(ArchiveContents contents, String tag, SourceOptions options, String sourceKind)
            throws ImageReadException {
        ArchiveFile indexFile = contents.find(INDEX).orElseThrow(() ->
                new ImageReadException("index.json is missing: not an OCI image layout"));
        IndexJson index;
        try {
            index = WireJson.readIndex(indexFile.readAll(MAX_INDEX_BYTES), INDEX);
        } catch (IOException | WireJson.InvalidJsonException e) {
            throw new ImageReadException("invalid " + e.getMessage());
        }
        DescriptorJson chosen = select(index.manifestsOrEmpty(), tag, contents.displayName());
        Digest root;
        try {
            root = Digest.parse(chosen.digest());
        } catch (IllegalArgumentException e) {
            throw new ImageReadException("index.json has an invalid digest: " + chosen.digest());
        }
        LayoutBlobSource blobs = new LayoutBlobSource(contents);
        ResolvedManifest resolved = new OciImageResolver(blobs, options).resolve(root);
        List<LayerBlob> layerBlobs = new ArrayList<>();
        for (int i = 0; i < resolved.layers().size(); i++) {
            LayerDescriptor d = resolved.layers().get(i);
            try {
                layerBlobs.add(blobs.layerBlob(d.digest(), d.size()));
            } catch (ImageReadException e) {
                // the blob source knows digests, not layer positions: name the layer as the scanner does
                throw new ImageReadException("layer " + i + ": " + e.getMessage(), e);
            }
        }
        String reference = tag == null ? contents.displayName() : contents.displayName() + ":" + tag;
        Image image = ImageAssembler.assemble(reference, sourceKind, resolved.manifestDigest(), resolved.configDigest(),
                resolved.config(), resolved.layers());
        return new ArchiveImageSource(contents, image, layerBlobs);
    }

    /** True when index.json can be read and lists at least one manifest. */
    static boolean listsManifests(ArchiveContents contents) {
        try {
            ArchiveFile indexFile = contents.find(INDEX).orElse(null);
            return indexFile != null
                    && !WireJson.readIndex(indexFile.readAll(MAX_INDEX_BYTES), INDEX).manifestsOrEmpty().isEmpty();
        } catch (IOException | WireJson.InvalidJsonException e) {
            return false;
        }
    }

    private static DescriptorJson select(List<DescriptorJson> manifests, String tag, String layout)
            throws ImageReadException {
        if (manifests.isEmpty()) {
            throw new ImageReadException("index.json lists no valid manifest");
        }
        if (tag == null) {
            if (manifests.size() == 1) {
                return manifests.get(0);
            }
            throw new ImageReadException("the layout holds " + manifests.size() + " manifests (tags: " + tags(manifests)
                    + "); name one as " + layout + ":TAG");
        }
        ImageReference wanted = ImageReference.tryParse(tag);
        for (DescriptorJson d : manifests) {
            String refName = d.annotationsOrEmpty().get(REF_NAME);
            String containerdName = d.annotationsOrEmpty().get(CONTAINERD_NAME);
            if (tag.equals(refName) || tag.equals(containerdName)
                    || (wanted != null && containerdName != null && wanted.equals(ImageReference.tryParse(containerdName)))) {
                return d;
            }
        }
        throw new ImageReadException("invalid OCI image ref: no manifest tagged " + tag + " (tags: " + tags(manifests) + ")");
    }

    private static String tags(List<DescriptorJson> manifests) {
        List<String> tags = manifests.stream().map(d -> d.annotationsOrEmpty().get(REF_NAME))
                .filter(java.util.Objects::nonNull).filter(t -> !REFERRERS_TAG.matcher(t).matches())
                .distinct().sorted().toList();
        return tags.isEmpty() ? "none" : String.join(", ", tags);
    }
}
