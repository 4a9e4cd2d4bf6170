package dev.layerlens.core.report;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a {@link SecretsReport} as JSON, the way every report is written (severities as ids, nulls included). */
public final class SecretsJsonWriter {
    private SecretsJsonWriter() {
    }

    public static void write(SecretsReport report, OutputStream out) throws IOException {
        JsonReportWriter.write(report, out);
    }
}
