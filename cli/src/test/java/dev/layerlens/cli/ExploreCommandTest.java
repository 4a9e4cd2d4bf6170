package dev.layerlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code layerlens explore} outside a terminal (as every unit test runs): one line, exit 2, nothing read. */
class ExploreCommandTest {

    @Test
    void withoutATerminalItSaysSoInOneLineAndExitsTwo() {
        Run run = Run.of("explore", "image.tar");
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("layerlens: explore needs a terminal on stdin and stdout"
                + " (for a report, use: layerlens analyze image.tar)" + System.lineSeparator());
    }

    @Test
    void theTerminalIsCheckedBeforeTheImageIsRead() {
        Run run = Run.of("explore", "/no/such/image.tar");
        assertThat(run.code()).as("not 3: the image is never opened").isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void theCommandIsListedAndDocumentsItsExitCodes() {
        assertThat(Run.of("--help").out()).contains("explore");
        Run help = Run.of("explore", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("IMAGE", "--platform", "2   usage error, or not run in a terminal");
    }
}
