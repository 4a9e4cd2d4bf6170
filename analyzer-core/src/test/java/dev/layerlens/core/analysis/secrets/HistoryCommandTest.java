package dev.layerlens.core.analysis.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HistoryCommandTest {
    @Test
    void buildKitRunWithBuildArguments() {
        String text = "RUN |2 NPM_TOKEN=abc REF=main /bin/sh -c npm ci # buildkit";
        HistoryCommand c = HistoryCommand.parse(text);
        assertThat(c.instruction()).isEqualTo("RUN");
        assertThat(c.buildArgs()).extracting(HistoryCommand.BuildArg::key).containsExactly("NPM_TOKEN", "REF");
        assertThat(c.buildArgAt(text.indexOf("abc"))).isEqualTo("NPM_TOKEN");
        assertThat(c.buildArgAt(text.indexOf("main"))).isEqualTo("REF");
        assertThat(c.buildArgAt(text.indexOf("npm ci"))).isNull();
    }

    @Test
    void legacyRunWithBuildArguments() {
        String text = "|1 TOKEN=xyz /bin/sh -c make";
        HistoryCommand c = HistoryCommand.parse(text);
        assertThat(c.instruction()).isEqualTo("RUN");
        assertThat(c.buildArgAt(text.indexOf("xyz"))).isEqualTo("TOKEN");
    }

    @Test
    void instructionsOfBothBuilders() {
        assertThat(HistoryCommand.parse("/bin/sh -c #(nop)  ENV A=1").instruction()).isEqualTo("ENV");
        assertThat(HistoryCommand.parse("/bin/sh -c #(nop)  ARG NPM_TOKEN").instruction()).isEqualTo("ARG");
        assertThat(HistoryCommand.parse("ENV A=1").instruction()).isEqualTo("ENV");
        assertThat(HistoryCommand.parse("LABEL a=b").instruction()).isEqualTo("LABEL");
        assertThat(HistoryCommand.parse("/bin/sh -c apt-get update").instruction()).isEqualTo("RUN");
        assertThat(HistoryCommand.parse("RUN /bin/sh -c make # buildkit").instruction()).isEqualTo("RUN");
        assertThat(HistoryCommand.parse("COPY . /app # buildkit").instruction()).isEqualTo("COPY");
        assertThat(HistoryCommand.parse("bash").instruction()).isEqualTo("RUN");
        assertThat(HistoryCommand.parse("").instruction()).isEqualTo("unknown");
        assertThat(HistoryCommand.parse(null).instruction()).isEqualTo("unknown");
    }

    @Test
    void aMalformedPrefixYieldsNoArguments() {
        assertThat(HistoryCommand.parse("|x A=1 /bin/sh -c true").buildArgs()).isEmpty();
        assertThat(HistoryCommand.parse("|5 A=1").buildArgs()).extracting(HistoryCommand.BuildArg::key).containsExactly("A");
        assertThat(HistoryCommand.parse("|1 noequals /bin/sh").buildArgs()).isEmpty();
    }
}
