package dev.layerlens.testdata;

import java.util.ArrayList;
import java.util.List;

/**
 * A multi-platform image: an image index listing one manifest per platform, and attestation
 * manifests (platform {@code unknown/unknown}) the way BuildKit adds them.
 *
 * @param nested true to put the platform list one index deeper (an index whose only entry is an index)
 */
public record PlatformIndex(List<Member> members, boolean nested) {

    public PlatformIndex {
        members = List.copyOf(members);
    }

    /** One entry of the index, in the order declared. */
    public sealed interface Member {
    }

    /**
     * @param declared the platform written in the index entry (may differ in spelling from the config's,
     *                 e.g. {@code aarch64})
     */
    public record Platform(ImageSpec image, PlatformSpec declared) implements Member {
    }

    /** An attestation manifest for the first image: in-toto JSON as its only "layer", which is not a tar. */
    public record Attestation() implements Member {
    }

    public static Builder builder() {
        return new Builder();
    }

    public static PlatformIndex of(ImageSpec... images) {
        Builder b = builder();
        for (ImageSpec image : images) {
            b.image(image);
        }
        return b.build();
    }

    public List<ImageSpec> images() {
        return members.stream().filter(m -> m instanceof Platform).map(m -> ((Platform) m).image()).toList();
    }

    public static final class Builder {
        private final List<Member> members = new ArrayList<>();
        private boolean nested;

        public Builder image(ImageSpec image) {
            return image(image, image.platform());
        }

        public Builder image(ImageSpec image, PlatformSpec declared) {
            members.add(new Platform(image, declared));
            return this;
        }

        public Builder attestation() {
            members.add(new Attestation());
            return this;
        }

        public Builder nested() {
            nested = true;
            return this;
        }

        public PlatformIndex build() {
            return new PlatformIndex(members, nested);
        }
    }
}
