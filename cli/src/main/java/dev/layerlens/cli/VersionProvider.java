package dev.layerlens.cli;

import picocli.CommandLine;

/** The version Maven stamped into the jar. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"layerlens " + ProjectInfo.load().version()};
    }
}
