package dev.layerlens.cli;

import dev.layerlens.core.report.SarifReportWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** What Maven stamped into the jar: the version and the project's home page. */
record ProjectInfo(String version, String home) {
    static ProjectInfo load() {
        Properties props = new Properties();
        try (InputStream in = ProjectInfo.class.getResourceAsStream("/layerlens-version.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ProjectInfo(props.getProperty("version", "unknown"), props.getProperty("home", "https://github.com/layerlens/layerlens"));
    }

    SarifReportWriter.Tool sarifTool() {
        return new SarifReportWriter.Tool(version, home, home + "/blob/main/docs/");
    }
}
