package dev.layerlens.core.image;

import java.util.List;

/**
 * An image as a source describes it before any layer is read.
 *
 * @param reference      what the user named, normalised for display
 * @param source         the kind of source it came from (docker-archive, oci, …)
 * @param manifestDigest digest of the manifest, when the source has one
 * @param configDigest   digest of the config blob (the image ID)
 * @param notes          facts worth telling the user about how the image was read (e.g. history mismatch)
 */
public record Image(
        String reference,
        String source,
        Digest manifestDigest,
        Digest configDigest,
        ImageConfig config,
        List<Layer> layers,
        List<String> notes) {

    public Image {
        layers = List.copyOf(layers);
        notes = List.copyOf(notes);
    }

    public Platform platform() {
        return config.platform();
    }
}
