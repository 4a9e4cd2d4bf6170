package dev.layerlens.core.source.archive;

import dev.layerlens.core.image.Digest;
import dev.layerlens.core.image.Image;
import dev.layerlens.core.image.ImageConfig;
import dev.layerlens.core.image.ImageReference;
import dev.layerlens.core.image.json.ConfigTranslator;
import dev.layerlens.core.image.json.DockerSaveEntryJson;
import dev.layerlens.core.image.json.WireJson;
import dev.layerlens.core.source.ImageAssembler;
import dev.layerlens.core.source.ImageReadException;
import dev.layerlens.core.source.LayerBlob;
import dev.layerlens.core.source.LayerDescriptor;
import dev.layerlens.core.source.SourceOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code docker save} archive through its manifest.json: legacy ({@code <id>/layer.tar},
 * possibly symlinked), Docker 25+ ({@code blobs/sha256/<diffID>}), containerd store (compressed
 * blobs), Podman and kaniko ({@code <hex>.tar.gz}).
 */
final class DockerArchiveReader {
    static final String MANIFEST = "manifest.json";
    private static final long MAX_MANIFEST_BYTES = 16L << 20;
    private static final long MAX_CONFIG_BYTES = 64L << 20;
    /** File names that state the digest of their content. */
    private static final Pattern NAMED_DIGEST = Pattern.compile("(?:blobs/sha256/|sha256:)?([0-9a-f]{64})(?:\\.json)?");
    private static final Pattern BLOB_PATH = Pattern.compile("blobs/sha256/([0-9a-f]{64})");

    private DockerArchiveReader() {
    }

    static ArchiveImageSource read(ArchiveContents contents, String requested, SourceOptions options)
            throws ImageReadException {
        DockerSaveEntryJson entry = select(readManifest(contents), requested, contents.displayName());
        ArchiveFile configFile = require(contents, entry.config(), "the config");
        byte[] configBytes;
        try {
            configBytes = configFile.readAll(MAX_CONFIG_BYTES);
        } catch (IOException e) {
            throw new ImageReadException("the config " + entry.config() + ": " + e.getMessage());
        }
        Digest configDigest = Digest.sha256(configBytes);
        Matcher named = NAMED_DIGEST.matcher(configFile.name());
        if (named.matches() && !named.group(1).equals(configDigest.hex())) {
            throw new ImageReadException("the config " + entry.config() + " does not match its digest (its content hashes to "
                    + configDigest.shortForm() + ")");
        }
        ImageConfig config;
        try {
            config = ConfigTranslator.toImageConfig(configBytes, "the config " + entry.config());
        } catch (WireJson.InvalidJsonException e) {
            throw new ImageReadException(e.getMessage());
        }
        if (options.platformRequested() && !options.platform().accepts(config.platform())) {
            throw new ImageReadException("the archive holds a " + config.platform() + " image, not " + options.platform());
        }
        List<LayerDescriptor> descriptors = new ArrayList<>();
        List<LayerBlob> blobs = new ArrayList<>();
        List<String> layerPaths = entry.layersOrEmpty();
        for (int i = 0; i < layerPaths.size(); i++) {
            ArchiveFile file = require(contents, layerPaths.get(i), "layer " + i);
            Matcher blob = BLOB_PATH.matcher(file.name());
            Digest digest = blob.matches() ? new Digest("sha256", blob.group(1)) : null;
            descriptors.add(new LayerDescriptor(digest, null, file.length()));
            blobs.add(new ArchiveLayerBlob(file, digest));
        }
        String reference = displayReference(entry, requested, contents.displayName());
        Image image = ImageAssembler.assemble(reference, "docker-archive", null, configDigest, config, descriptors);
        return new ArchiveImageSource(contents, image, blobs);
    }

    private static List<DockerSaveEntryJson> readManifest(ArchiveContents contents) throws ImageReadException {
        ArchiveFile file = require(contents, MANIFEST, "manifest.json");
        try {
            List<DockerSaveEntryJson> list = WireJson.readDockerSave(file.readAll(MAX_MANIFEST_BYTES), MANIFEST);
            if (list.isEmpty()) {
                throw new ImageReadException("manifest.json lists no image");
            }
            for (DockerSaveEntryJson e : list) {
                if (e.config() == null) {
                    throw new ImageReadException("manifest.json has an entry without Config");
                }
            }
            return list;
        } catch (IOException | WireJson.InvalidJsonException e) {
            throw new ImageReadException(e.getMessage());
        }
    }

    private static DockerSaveEntryJson select(List<DockerSaveEntryJson> entries, String requested, String archive)
            throws ImageReadException {
        if (requested == null) {
            if (entries.size() == 1) {
                return entries.get(0);
            }
            throw new ImageReadException("the archive holds " + entries.size() + " images (" + allTags(entries)
                    + "); name one as " + archive + ":NAME[:TAG]");
        }
        ImageReference wanted = ImageReference.tryParse(requested);
        for (DockerSaveEntryJson e : entries) {
            for (String tag : e.repoTagsOrEmpty()) {
                if (tag.equals(requested) || (wanted != null && wanted.equals(ImageReference.tryParse(tag)))) {
                    return e;
                }
            }
        }
        throw new ImageReadException("the archive holds no image named " + requested + " (it holds: "
                + allTags(entries) + ")");
    }

    private static String allTags(List<DockerSaveEntryJson> entries) {
        List<String> tags = new ArrayList<>();
        for (DockerSaveEntryJson e : entries) {
            tags.add(e.repoTagsOrEmpty().isEmpty() ? "<untagged " + e.config() + ">" : String.join(", ", e.repoTagsOrEmpty()));
        }
        return String.join("; ", tags);
    }

    private static String displayReference(DockerSaveEntryJson entry, String requested, String archive) {
        if (requested != null) {
            return requested;
        }
        return entry.repoTagsOrEmpty().isEmpty() ? archive : entry.repoTagsOrEmpty().get(0);
    }

    private static ArchiveFile require(ArchiveContents contents, String name, String what) throws ImageReadException {
        if (name == null) {
            throw new ImageReadException("manifest.json names no file for " + what);
        }
        return contents.find(name).orElseThrow(() ->
                new ImageReadException(what + " (" + name + ") is missing from the archive"));
    }
}
