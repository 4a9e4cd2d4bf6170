package dev.layerlens.core.analysis.secrets;

import dev.layerlens.core.image.HistoryEntry;
import dev.layerlens.core.image.Image;
import dev.layerlens.core.image.ImageConfig;
import dev.layerlens.core.image.Layer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Secrets in what the image says about itself: every history entry ({@code created_by}, which
 * {@code docker history} prints, and {@code comment}) and the config's Env, Labels, Cmd,
 * Entrypoint and Healthcheck (which {@code docker inspect} prints).
 */
final class MetadataAudit {
    private final SecretScanner scanner;

    MetadataAudit(SecretScanner scanner) {
        this.scanner = scanner;
    }

    List<SecretFinding> audit(Image image) {
        List<SecretFinding> out = new ArrayList<>();
        history(image, out);
        config(image.config(), out);
        return out;
    }

    private void history(Image image, List<SecretFinding> out) {
        List<HistoryEntry> history = image.config().history();
        for (int i = 0; i < history.size(); i++) {
            HistoryEntry entry = history.get(i);
            Integer layer = layerOf(image, entry);
            HistoryCommand command = HistoryCommand.parse(entry.createdBy());
            scanHistory(i, layer, command, "created_by", entry.createdBy(), out);
            scanHistory(i, layer, command, "comment", entry.comment(), out);
        }
    }

    private void scanHistory(int entry, Integer layer, HistoryCommand command, String field, String text,
                             List<SecretFinding> out) {
        if (text == null || text.isEmpty()) {
            return;
        }
        for (SecretMatch m : scanner.scan(text)) {
            String buildArg = field.equals("created_by") ? command.buildArgAt(m.start()) : null;
            SecretLocation.History where = new SecretLocation.History(entry, layer, command.instruction(), buildArg, field);
            out.add(new SecretFinding(m.rule().id(), m.rule().severity(), m.rule().name(), where, true,
                    "in the image history (docker history shows it)", m.name(), m.value(),
                    Remedies.forHistory(m.rule().revoke(), where), null));
        }
    }

    /** The layer a history entry made: the model pairs them by object, in order, skipping empty entries. */
    private static Integer layerOf(Image image, HistoryEntry entry) {
        if (entry.emptyLayer()) {
            return null;
        }
        for (Layer layer : image.layers()) {
            if (layer.history() == entry) {
                return layer.index();
            }
        }
        return null;
    }

    private void config(ImageConfig config, List<SecretFinding> out) {
        for (String env : config.env()) {
            int eq = env.indexOf('=');
            scanConfig("Env", eq > 0 ? env.substring(0, eq) : env, env, out);
        }
        Map<String, String> labels = new TreeMap<>(config.labels());
        labels.forEach((key, value) -> scanConfig("Labels", key, key + "=" + value, out));
        scanConfig("Entrypoint", null, String.join(" ", config.entrypoint()), out);
        scanConfig("Cmd", null, String.join(" ", config.cmd()), out);
        if (config.healthcheck() != null) {
            scanConfig("Healthcheck", null, String.join(" ", config.healthcheck().test()), out);
        }
    }

    private void scanConfig(String field, String key, String text, List<SecretFinding> out) {
        if (text.isEmpty()) {
            return;
        }
        for (SecretMatch m : scanner.scan(text)) {
            SecretLocation.Config where = new SecretLocation.Config(field, key);
            out.add(new SecretFinding(m.rule().id(), m.rule().severity(), m.rule().name(), where, true,
                    "in the image config (docker inspect shows it)", m.name(), m.value(),
                    Remedies.forConfig(m.rule().revoke(), where), null));
        }
    }
}
