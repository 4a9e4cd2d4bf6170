package dev.layerlens.core.analysis.hygiene;

import dev.layerlens.core.analysis.AnalysisContext;
import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.ImageCheck;
import dev.layerlens.core.analysis.Severity;
import dev.layerlens.core.analysis.content.CapturedFiles;
import dev.layerlens.core.layer.ContentInspector;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code config/runs-as-root}: the container's process runs as uid 0. That is the case when USER is
 * empty, {@code root} or {@code 0} (with any group), and also when it names a user that the image's
 * own {@code /etc/passwd} (the copy the final filesystem shows) maps to uid 0.
 */
public final class RunsAsRootCheck implements ImageCheck {
    public static final String ID = "config/runs-as-root";
    private static final String REMEDY = "create an unprivileged user (useradd -r -u 10001 app) and add USER 10001 "
            + "(a numeric uid also satisfies Kubernetes' runAsNonRoot)";

    private final CapturedFiles<Passwd> passwd =
            new CapturedFiles<>(Passwd.PATH::equals, Passwd.MAX_BYTES, Passwd::parse);

    @Override
    public ContentInspector contentInspector() {
        return passwd;
    }

    @Override
    public Set<String> ids() {
        return Set.of(ID);
    }

    @Override
    public List<Finding> findings(AnalysisContext context) {
        String user = context.image().config().user() == null ? "" : context.image().config().user().strip();
        String name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
        if (name.isEmpty()) {
            return List.of(finding("no USER in the config: the process runs as root (uid 0)", null));
        }
        if (name.equals("root")) {
            return List.of(finding("USER " + user, null));
        }
        if (name.chars().allMatch(Character::isDigit)) {
            return isZero(name) ? List.of(finding("USER " + user + ": uid 0", null)) : List.of();
        }
        Optional<CapturedFiles.Visible<Passwd>> file = passwd.visible(context.tree(), Passwd.PATH);
        if (file.isPresent()) {
            OptionalLong uid = file.get().value().uidOf(name);
            if (uid.isPresent() && uid.getAsLong() == 0) {
                return List.of(finding("USER " + user + ", and the image's /etc/passwd (layer " + file.get().layer()
                        + ") gives " + name + " uid 0", file.get().layer()));
            }
        }
        return List.of();
    }

    private static boolean isZero(String digits) {
        return digits.chars().allMatch(c -> c == '0');
    }

    private static Finding finding(String evidence, Integer passwdLayer) {
        return new Finding(ID, Severity.MEDIUM, "The container runs as root", passwdLayer,
                passwdLayer == null ? null : "/etc/passwd", evidence, REMEDY, null);
    }
}
