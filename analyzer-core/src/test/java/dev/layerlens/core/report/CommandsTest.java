package dev.layerlens.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** History commands without the noise builders add. */
class CommandsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "/bin/sh -c #(nop)  CMD [\"sh\"] | CMD [\"sh\"]",
        "/bin/sh -c #(nop) COPY dir:4f1d2a in /app  | COPY dir:4f1d2a in /app",
        "/bin/sh -c #(nop) ADD file:9b0c5d in / | ADD file:9b0c5d in /",
        "/bin/sh -c apt-get update &&     apt-get install -y curl | apt-get update && apt-get install -y curl",
        "COPY . . # buildkit | COPY . .",
        "RUN /bin/sh -c npm ci # buildkit | RUN npm ci",
        "ENTRYPOINT [\"/app\"] | ENTRYPOINT [\"/app\"]",
        "bazel build ... | bazel build ...",
    })
    void shortFormDropsBuilderNoise(String createdBy, String expected) {
        assertThat(Commands.shortForm(createdBy)).isEqualTo(expected);
    }

    @Test
    void buildKitKeepsItsBuildArgumentPrefix() {
        // the |N K=V prefix is where build arguments show: it must stay visible
        assertThat(Commands.shortForm("RUN |2 A=1 B=2 /bin/sh -c make # buildkit")).isEqualTo("RUN |2 A=1 B=2 /bin/sh -c make");
    }

    @Test
    void newlinesAndTabsCollapseToSpaces() {
        assertThat(Commands.shortForm("/bin/sh -c set -e;\\\n\tapk add \\\n\t  git")).isEqualTo("set -e;\\ apk add \\ git");
    }

    @Test
    void missingHistoryIsEmpty() {
        assertThat(Commands.shortForm(null)).isEmpty();
        assertThat(Commands.shortForm("   ")).isEmpty();
    }
}
