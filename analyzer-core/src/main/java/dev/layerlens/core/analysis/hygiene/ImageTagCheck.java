package dev.layerlens.core.analysis.hygiene;

import dev.layerlens.core.analysis.AnalysisContext;
import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.ImageCheck;
import dev.layerlens.core.analysis.Severity;
import java.util.List;
import java.util.Set;

/**
 * {@code config/latest-tag}: the image is named {@code …:latest} or has no tag (which means latest):
 * nobody can tell which build runs, and a rollback has nothing to go back to. A digest pins it.
 */
public final class ImageTagCheck implements ImageCheck {
    public static final String ID = "config/latest-tag";

    @Override
    public Set<String> ids() {
        return Set.of(ID);
    }

    @Override
    public List<Finding> findings(AnalysisContext context) {
        String reference = context.image().reference() == null ? "" : context.image().reference().strip();
        if (reference.contains("@")) {
            return List.of();
        }
        String tag = tagOf(reference);
        if (tag != null && !tag.equals("latest")) {
            return List.of();
        }
        String evidence = tag == null ? reference + " has no tag" : reference + " uses the tag latest";
        return List.of(new Finding(ID, Severity.LOW, "The image is tagged latest or not at all", null, null, evidence,
                "tag every build with its version or commit (app:1.4.2, app:3f9c2ab) and deploy by that tag or digest",
                null));
    }

    /** The text after the last {@code :} that follows the last {@code /}, or null. */
    static String tagOf(String reference) {
        int slash = reference.lastIndexOf('/');
        int colon = reference.lastIndexOf(':');
        return colon > slash && colon < reference.length() - 1 ? reference.substring(colon + 1) : null;
    }
}
