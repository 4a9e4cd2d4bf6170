package dev.layerlens.core.analysis.secrets;

import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.Severity;

/**
 * One secret and where it is. Holds the value in clear, so that {@code --show-secrets} can show
 * it; everything that leaves this record for an output goes through a {@link Disclosure}.
 *
 * @param what         the rule's or file kind's name ("GitHub token", "dotenv file")
 * @param inFinalImage whether the final image still shows it: its file is visible in the final
 *                     filesystem, or it is in the config or history (which ship with the image)
 * @param status       how it ships: "in the final filesystem", "deleted in layer 4, still shipped in layer 3", …
 * @param name         what the value is assigned to (variable, key, URL user), or null
 * @param value        the secret, or null for a finding about a whole file
 * @param remedy       what to do: revoke it, and how to keep it out of the image
 * @param fileBytes    for a finding about a whole file, its size; else null
 */
public record SecretFinding(String id, Severity severity, String what, SecretLocation where, boolean inFinalImage,
                            String status, String name, String value, String remedy, Long fileBytes) {

    public String title() {
        return what + " in " + where.describe();
    }

    /** What was seen, as the user may see it: the value redacted unless disclosed, with its name. */
    public String evidence(Disclosure disclosure) {
        if (value == null) {
            return fileBytes == null ? "the whole file" : "the whole file (" + fileBytes + " bytes)";
        }
        String shown = disclosure.value(value);
        return name == null ? shown : disclosure.text(name) + ": " + shown;
    }

    /** The generic finding {@code analyze} reports. */
    public Finding toFinding(Disclosure disclosure) {
        String title = title() + (where instanceof SecretLocation.File && !inFinalImage ? "; " + status : "");
        String path = where instanceof SecretLocation.File file ? file.path() : null;
        return new Finding(id, severity, disclosure.text(title), where.layer(), path == null ? null : disclosure.text(path),
                evidence(disclosure), remedy, fileBytes);
    }

    /** Redacted: a finding must not leak its value through a log line or an assertion message. */
    @Override
    public String toString() {
        return id + " " + title() + " [" + status + "] " + evidence(Disclosure.REDACT);
    }
}
