package dev.layerlens.core.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.Severity;
import dev.layerlens.core.policy.RuleOutcome;
import dev.layerlens.core.policy.Verdict;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 for code-scanning services (GitHub's upload-sarif, GitLab, Azure DevOps): one run,
 * one rule per finding id (and per failed CI rule, {@code policy/<key>}), one result per finding.
 * <p>
 * A container image has no source lines, so every result is located on the image itself: the
 * physical location is the image as the command line named it (a relative URI, line 1, which
 * GitHub requires), the logical location is the path inside the image and the layer that holds it.
 * {@code partialFingerprints} hash the rule, the path and the image name, not the layer index, so
 * an alert survives a rebuild that moves the file to another layer.
 */
public final class SarifReportWriter {
    static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    static final String FINGERPRINT_KEY = "layerlens/v1";
    /** GitHub keeps the 5000 most severe results of a run; the findings come most severe first. */
    static final int MAX_RESULTS = 5000;
    private static final JsonFactory FACTORY = new JsonFactory();

    /**
     * @param version        layerlens's version
     * @param informationUri the project's home page (absolute)
     * @param docsUri        the absolute URI of the docs folder, ending with a slash
     */
    public record Tool(String version, String informationUri, String docsUri) {
    }

    private final Tool tool;
    private final String artifactUri;

    /** @param artifactUri the image as a relative URI ({@link ArtifactUris#of}) */
    public SarifReportWriter(Tool tool, String artifactUri) {
        this.tool = tool;
        this.artifactUri = artifactUri;
    }

    /** @param verdict the CI verdict, whose failed rules become results too; null outside CI mode */
    public void write(Report report, Verdict verdict, OutputStream out) throws IOException {
        List<Finding> findings = report.findings();
        List<RuleOutcome> failed = verdict == null ? List.of() : verdict.failed();
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        for (Finding f : findings) {
            ruleIndex.putIfAbsent(f.id(), ruleIndex.size());
        }
        for (RuleOutcome o : failed) {
            ruleIndex.putIfAbsent(policyRuleId(o), ruleIndex.size());
        }
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("$schema", SCHEMA);
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
            driver(g, findings, failed, ruleIndex);
            g.writeObjectFieldStart("automationDetails");
            g.writeStringField("id", "layerlens/" + artifactUri + "/");
            g.writeEndObject();
            g.writeArrayFieldStart("artifacts");
            g.writeStartObject();
            g.writeObjectFieldStart("location");
            g.writeStringField("uri", artifactUri);
            g.writeEndObject();
            g.writeArrayFieldStart("roles");
            g.writeString("analysisTarget");
            g.writeEndArray();
            message(g, "description", "container image " + report.image().reference() + " (" + report.image().digest() + ")");
            g.writeEndObject();
            g.writeEndArray();
            int written = 0;
            g.writeArrayFieldStart("results");
            for (Finding f : findings) {
                if (written++ < MAX_RESULTS) {
                    result(g, f, ruleIndex.get(f.id()), report);
                }
            }
            for (RuleOutcome o : failed) {
                policyResult(g, o, ruleIndex.get(policyRuleId(o)), verdict.source());
            }
            g.writeEndArray();
            g.writeObjectFieldStart("properties");
            g.writeStringField("imageReference", report.image().reference());
            g.writeStringField("imageDigest", report.image().digest());
            g.writeStringField("platform", report.image().platform());
            g.writeNumberField("sizeBytes", report.image().sizeBytes());
            g.writeNumberField("reclaimableBytes", report.metrics().reclaimableBytes());
            g.writeNumberField("findingsLeftOut", Math.max(0, findings.size() - MAX_RESULTS));
            if (verdict != null) {
                g.writeStringField("ciVerdict", verdict.passed() ? "pass" : "fail");
                g.writeStringField("ciConfig", verdict.source());
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    private void driver(JsonGenerator g, List<Finding> findings, List<RuleOutcome> failed, Map<String, Integer> ruleIndex)
            throws IOException {
        g.writeObjectFieldStart("tool");
        g.writeObjectFieldStart("driver");
        g.writeStringField("name", "layerlens");
        g.writeStringField("version", tool.version());
        g.writeStringField("informationUri", tool.informationUri());
        g.writeArrayFieldStart("rules");
        List<String> done = new ArrayList<>();
        for (Finding f : findings) {
            if (!done.contains(f.id())) {
                done.add(f.id());
                findingRule(g, f, worstSeverity(findings, f.id()));
            }
        }
        for (RuleOutcome o : failed) {
            if (!done.contains(policyRuleId(o))) {
                done.add(policyRuleId(o));
                policyRule(g, o);
            }
        }
        if (done.size() != ruleIndex.size()) {
            throw new IllegalStateException("rule table out of step with the rule index");
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private void findingRule(JsonGenerator g, Finding first, Severity worst) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", first.id());
        g.writeStringField("name", ruleName(first.id()));
        message(g, "shortDescription", first.title());
        message(g, "fullDescription", first.title() + (first.remedy() == null ? "" : ". Fix: " + first.remedy()));
        String helpUri = tool.docsUri() + "rules.md";
        g.writeObjectFieldStart("help");
        g.writeStringField("text", (first.remedy() == null ? first.title() : first.remedy()) + " See " + helpUri);
        g.writeStringField("markdown", "**" + Markdown.text(first.title()) + "**\n\n"
                + (first.remedy() == null ? "" : "Fix: " + Markdown.text(first.remedy()) + "\n\n")
                + "Rule `" + first.id() + "` is described in [rules.md](" + helpUri + ").");
        g.writeEndObject();
        g.writeStringField("helpUri", helpUri);
        g.writeObjectFieldStart("defaultConfiguration");
        g.writeStringField("level", level(worst));
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeArrayFieldStart("tags");
        g.writeString("container-image");
        g.writeString(family(first.id()));
        if (isSecurity(first.id())) {
            g.writeString("security");
        }
        g.writeEndArray();
        if (isSecurity(first.id())) {
            g.writeStringField("security-severity", securitySeverity(worst));
        }
        g.writeStringField("precision", "high");
        g.writeEndObject();
        g.writeEndObject();
    }

    private void policyRule(JsonGenerator g, RuleOutcome o) throws IOException {
        String helpUri = tool.docsUri() + "ci.md";
        g.writeStartObject();
        g.writeStringField("id", policyRuleId(o));
        g.writeStringField("name", ruleName(policyRuleId(o)));
        message(g, "shortDescription", "CI rule " + o.key() + " of .layerlens.yml / .dive-ci");
        message(g, "fullDescription", "The image must satisfy the CI rule " + o.key() + "; see docs/ci.md.");
        g.writeObjectFieldStart("help");
        g.writeStringField("text", "The CI rule " + o.key() + " failed. Its keys and meaning: " + helpUri);
        g.writeStringField("markdown", "The CI rule `" + o.key() + "` failed; see [ci.md](" + helpUri + ").");
        g.writeEndObject();
        g.writeStringField("helpUri", helpUri);
        g.writeObjectFieldStart("defaultConfiguration");
        g.writeStringField("level", "error");
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeArrayFieldStart("tags");
        g.writeString("container-image");
        g.writeString("policy");
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private void result(JsonGenerator g, Finding f, int index, Report report) throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", f.id());
        g.writeNumberField("ruleIndex", index);
        g.writeStringField("level", level(f.severity()));
        StringBuilder text = new StringBuilder(f.title());
        if (f.path() != null) {
            text.append(": ").append(f.path());
        }
        if (f.layerIndex() != null) {
            text.append(" (layer ").append(f.layerIndex()).append(')');
        }
        if (f.evidence() != null) {
            text.append(". Seen: ").append(f.evidence());
        }
        message(g, "message", text.toString());
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        physicalLocation(g);
        g.writeArrayFieldStart("logicalLocations");
        g.writeStartObject();
        // a path inside a layer; a finding without a path is about the layer itself (its history
        // entry) or, without a layer either, about the image's configuration
        String layer = f.layerIndex() == null ? null : "layer " + f.layerIndex();
        g.writeStringField("name", f.path() != null ? f.path() : layer != null ? layer : "image configuration");
        g.writeStringField("fullyQualifiedName", layer == null ? "image:" + (f.path() != null ? f.path() : "config")
                : f.path() == null ? layer : layer + ":" + f.path());
        g.writeStringField("kind", "resource");
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeObjectFieldStart("partialFingerprints");
        g.writeStringField(FINGERPRINT_KEY, fingerprint(f.id(), f.path() == null ? "" : f.path()));
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeStringField("severity", f.severity().id());
        if (f.layerIndex() != null) {
            g.writeNumberField("layerIndex", f.layerIndex());
            if (f.layerIndex() >= 0 && f.layerIndex() < report.layers().size()) {
                g.writeStringField("layerDiffId", report.layers().get(f.layerIndex()).diffId());
            }
        }
        if (f.path() != null) {
            g.writeStringField("path", f.path());
        }
        if (f.bytes() != null) {
            g.writeNumberField("bytes", f.bytes());
        }
        if (f.remedy() != null) {
            g.writeStringField("remedy", f.remedy());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private void policyResult(JsonGenerator g, RuleOutcome o, int index, String source) throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", policyRuleId(o));
        g.writeNumberField("ruleIndex", index);
        g.writeStringField("level", "error");
        message(g, "message", "CI rule " + o.key() + " (" + o.threshold() + ") failed: " + o.message());
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        physicalLocation(g);
        g.writeEndObject();
        g.writeEndArray();
        g.writeObjectFieldStart("partialFingerprints");
        g.writeStringField(FINGERPRINT_KEY, fingerprint(policyRuleId(o), ""));
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeStringField("threshold", o.threshold());
        if (o.measured() != null) {
            g.writeStringField("measured", o.measured());
        }
        g.writeStringField("config", source);
        g.writeEndObject();
        g.writeEndObject();
    }

    private void physicalLocation(JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("physicalLocation");
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", artifactUri);
        g.writeNumberField("index", 0);
        g.writeEndObject();
        g.writeObjectFieldStart("region");
        g.writeNumberField("startLine", 1);
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void message(JsonGenerator g, String field, String text) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("text", text);
        g.writeEndObject();
    }

    static String policyRuleId(RuleOutcome o) {
        return "policy/" + o.key();
    }

    /** {@code secret/aws-access-key-id} → {@code SecretAwsAccessKeyId}. */
    static String ruleName(String id) {
        StringBuilder name = new StringBuilder();
        for (String part : id.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return name.toString();
    }

    static String level(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    /** GitHub ranks security alerts by this score (0.0-10.0): critical > 9, high 7-8.9, medium 4-6.9, low below. */
    static String securitySeverity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            case INFO -> "1.0";
        };
    }

    private static boolean isSecurity(String id) {
        return id.startsWith("secret/");
    }

    private static String family(String id) {
        int slash = id.indexOf('/');
        return slash < 0 ? id : id.substring(0, slash);
    }

    private static Severity worstSeverity(List<Finding> findings, String id) {
        Severity worst = Severity.INFO;
        for (Finding f : findings) {
            if (f.id().equals(id) && f.severity().compareTo(worst) < 0) {
                worst = f.severity();
            }
        }
        return worst;
    }

    private String fingerprint(String ruleId, String path) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {ruleId, path, artifactUri}) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
