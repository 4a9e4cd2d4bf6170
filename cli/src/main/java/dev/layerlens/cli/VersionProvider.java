package dev.layerlens.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** The version Maven stamped into the jar. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties props = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/layerlens-version.properties")) {
            if (in != null) {
                props.load(in);
            }
        }
        return new String[] {"layerlens " + props.getProperty("version", "unknown")};
    }
}
