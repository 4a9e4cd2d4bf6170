package dev.layerlens.core.analysis.secrets;

/**
 * What to do about a secret: revoke it (it shipped: anyone who pulled the image has it), then keep
 * it out of the next build in the way that fits where it was found.
 */
final class Remedies {
    private static final String SECRET_MOUNT = "pass it as a BuildKit secret (docker build --secret id=…, "
            + "RUN --mount=type=secret,id=…), which lands in no layer and no history";

    private Remedies() {
    }

    static String forHistory(String revoke, SecretLocation.History where) {
        String how;
        if (where.buildArg() != null) {
            how = "Don't pass secrets with --build-arg: every RUN after the ARG records the value in the image history; "
                    + SECRET_MOUNT + ".";
        } else if (where.instruction().equals("ENV")) {
            how = "Remove it from ENV: supply it when the container starts (docker run -e/--env-file, your orchestrator's "
                    + "secrets); if the build needs it, " + SECRET_MOUNT + ".";
        } else if (where.instruction().equals("ARG")) {
            how = "Don't give ARG a secret default; " + SECRET_MOUNT + ".";
        } else if (where.instruction().equals("RUN")) {
            how = "Don't write secrets into RUN commands, whose command line is the history: " + SECRET_MOUNT + ".";
        } else {
            how = "Remove it from the " + where.instruction() + " instruction: the image history keeps it.";
        }
        return revoke + " " + how;
    }

    static String forConfig(String revoke, SecretLocation.Config where) {
        String how = switch (where.field()) {
            case "Env" -> "Remove it from the image's ENV: supply it when the container starts (docker run -e/--env-file, "
                    + "your orchestrator's secrets).";
            case "Labels" -> "Remove it from the LABEL: labels are public metadata.";
            default -> "Don't put it in " + where.field() + ": read it at run time from the environment or a mounted secret file.";
        };
        return revoke + " " + how;
    }

    static String forFile(String revoke, SecretLocation.File where, boolean visible) {
        String how = visible
                ? "Keep the file out of the image: add it to .dockerignore, or if the build needs it, " + SECRET_MOUNT + "."
                : "Deleting or replacing it in a later layer does not remove it: layer " + where.layer()
                + " still ships it to everyone who pulls the image. Keep it out of the build context (.dockerignore), "
                + SECRET_MOUNT + ", or build in a stage whose files you do not copy.";
        return revoke + " " + how;
    }

    /** For a whole file of a sensitive kind, whose values may be in no recognisable format. */
    static String forKind(SensitiveFile kind, SecretLocation.File where, boolean visible) {
        // a key is not changed but replaced, and what trusts it must forget it: the private-key rule's advice
        String revoke = kind == SensitiveFile.SSH_PRIVATE_KEY ? SecretRules.byId("secret/private-key").revoke()
                : "Change or revoke the credentials in this file.";
        return forFile(revoke, where, visible);
    }
}
