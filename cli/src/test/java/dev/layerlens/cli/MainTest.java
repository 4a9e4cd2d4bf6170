package dev.layerlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The command line's own contract: help, version, and usage errors exit 2 with a message on stderr. */
class MainTest {

    @Test
    void helpListsTheCommandsAndExitsZero() {
        Run run = Run.of("--help");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("Usage: layerlens", "analyze", "--version");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void analyzeHelpDocumentsTheExitCodes() {
        Run run = Run.of("analyze", "--help");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("Usage: layerlens analyze", "--platform", "--no-verify", "-o, --output",
                "Exit codes", "3", "the image could not be read");
        assertThat(Run.of("help", "analyze").out()).isEqualTo(run.out());
    }

    @Test
    void versionPrintsTheStampedVersion() {
        Run run = Run.of("--version");
        assertThat(run.code()).isZero();
        assertThat(run.out().strip()).matches("layerlens \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void noCommandIsAUsageError() {
        Run run = Run.of();
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Missing required subcommand");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Run run = Run.of("analyze", "--frobnicate", "x.tar");
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Unknown option: '--frobnicate'");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMissingImageArgumentIsAUsageError() {
        Run run = Run.of("analyze");
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Missing required parameter: 'IMAGE'");
    }

    @Test
    void aMalformedPlatformIsAUsageError() {
        Run run = Run.of("analyze", "--platform", "amd64", "x.tar");
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("os/arch[/variant]");
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        Run run = Run.of("analyze", "--format", "yaml", "x.tar");
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("yaml");
    }

    /** Stands in for a bug: an exception no command expects, thrown while the image is read from stdin. */
    private static final class FailingStdin extends InputStream {
        @Override
        public int read() {
            throw new IllegalStateException("stand-in for a bug");
        }
    }

    @Test
    void anUnexpectedExceptionIsAnInternalErrorInOneLine() {
        Run run = Run.withStdin(new FailingStdin(), "analyze", "-");
        assertThat(run.code()).isEqualTo(ExitCodes.INTERNAL).isEqualTo(4);
        assertThat(run.err().strip()).doesNotContain("\n")
                .startsWith("layerlens: internal error: java.lang.IllegalStateException: stand-in for a bug")
                .endsWith("(run with --debug for details)");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void debugAddsTheStackTraceOfAnInternalError() {
        Run run = Run.withStdin(new FailingStdin(), "analyze", "--debug", "-");
        assertThat(run.code()).isEqualTo(ExitCodes.INTERNAL);
        assertThat(run.err()).contains("internal error: java.lang.IllegalStateException: stand-in for a bug")
                .contains("\tat dev.layerlens.cli.MainTest$FailingStdin.read");
    }
}
