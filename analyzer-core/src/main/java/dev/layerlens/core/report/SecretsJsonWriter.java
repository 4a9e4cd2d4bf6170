package dev.layerlens.core.report;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a {@link SecretsReport} as JSON, with the report mapper (severities as ids). */
public final class SecretsJsonWriter {
    private SecretsJsonWriter() {
    }

    public static void write(SecretsReport report, OutputStream out) throws IOException {
        JsonReportWriter.mapper().writeValue(out, report);
        out.write('\n');
    }
}
