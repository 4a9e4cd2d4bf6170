package dev.layerlens.core.analysis.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** History texts as Docker 20.10's legacy builder and BuildKit recorded them (taken from real saves). */
class InstructionParserTest {

    private static InstructionParser.Parsed parse(String createdBy) {
        return InstructionParser.parse(createdBy, null);
    }

    @Test
    void legacyMetadataStepsLoseTheirNopPrefix() {
        assertThat(parse("/bin/sh -c #(nop)  CMD [\"/bin/sh\" \"-c\" \"echo hi\"]").keyword()).isEqualTo("CMD");
        assertThat(parse("/bin/sh -c #(nop)  CMD [\"/bin/sh\" \"-c\" \"echo hi\"]").arguments())
                .isEqualTo("[\"/bin/sh\", \"-c\", \"echo hi\"]");
        assertThat(parse("/bin/sh -c #(nop)  ENV A=b").arguments()).isEqualTo("A=b");
        assertThat(parse("/bin/sh -c #(nop) WORKDIR /app").arguments()).isEqualTo("/app");
        assertThat(parse("/bin/sh -c #(nop)  EXPOSE 22 8080").arguments()).isEqualTo("22 8080");
        assertThat(parse("/bin/sh -c #(nop)  VOLUME [/data]").arguments()).isEqualTo("/data");
    }

    @Test
    void legacyCopyDropsTheInBetweenSourceAndDestination() {
        InstructionParser.Parsed p = parse("/bin/sh -c #(nop) COPY dir:9ef50c34d71756ccdc7dc0f050fa6d7161107867988d2fc44689a83eef36bff0 in . ");
        assertThat(p.keyword()).isEqualTo("COPY");
        assertThat(p.arguments()).isEqualTo("dir:9ef50c34d71756ccdc7dc0f050fa6d7161107867988d2fc44689a83eef36bff0 .");
        assertThat(parse("/bin/sh -c #(nop) ADD file:ce02 in / ").arguments()).isEqualTo("file:ce02 /");
    }

    @Test
    void legacyRunIsTheShellCommand() {
        InstructionParser.Parsed p = parse("/bin/sh -c apt-get update && apt-get install -y curl");
        assertThat(p.keyword()).isEqualTo("RUN");
        assertThat(p.shellForm()).isTrue();
        assertThat(p.arguments()).isEqualTo("apt-get update && apt-get install -y curl");
        assertThat(p.buildKit()).isFalse();
    }

    @Test
    void legacyRunWithBuildArgsKeepsThemApart() {
        InstructionParser.Parsed p = parse("|2 TOKEN=secret1 V=2 /bin/sh -c echo $TOKEN > /dev/null");
        assertThat(p.keyword()).isEqualTo("RUN");
        assertThat(p.arguments()).isEqualTo("echo $TOKEN > /dev/null");
        assertThat(p.buildArgs()).containsExactly(new BuildArg("TOKEN", "secret1"), new BuildArg("V", "2"));
    }

    @Test
    void execFormRunWithBuildArgsSplitsTokens() {
        InstructionParser.Parsed p = parse("|2 TOKEN=secret1 V=2 /bin/echo exec form");
        assertThat(p.arguments()).isEqualTo("/bin/echo exec form");
        assertThat(p.shellForm()).isFalse();
        assertThat(p.buildArgs()).extracting(BuildArg::name).containsExactly("TOKEN", "V");
    }

    @Test
    void legacyExecFormRunIsTheBareArgv() {
        InstructionParser.Parsed p = parse("/bin/busybox --install -s /bin");
        assertThat(p.keyword()).isEqualTo("RUN");
        assertThat(p.arguments()).isEqualTo("/bin/busybox --install -s /bin");
    }

    @Test
    void buildKitRunWithArgsAndSuffix() {
        InstructionParser.Parsed p = parse("RUN |2 TOKEN=secret1 V=2 /bin/sh -c echo $TOKEN > /dev/null # buildkit");
        assertThat(p.buildKit()).isTrue();
        assertThat(p.keyword()).isEqualTo("RUN");
        assertThat(p.arguments()).isEqualTo("echo $TOKEN > /dev/null");
        assertThat(p.buildArgs()).containsExactly(new BuildArg("TOKEN", "secret1"), new BuildArg("V", "2"));
    }

    @Test
    void buildArgValuesWithSpacesStayWhole() {
        InstructionParser.Parsed p = parse("RUN |2 MSG=hello world V=2 /bin/sh -c make # buildkit");
        assertThat(p.buildArgs()).containsExactly(new BuildArg("MSG", "hello world"), new BuildArg("V", "2"));
        assertThat(p.arguments()).isEqualTo("make");
    }

    @Test
    void buildKitMetadataInGoSyntax() {
        assertThat(parse("EXPOSE map[22/tcp:{} 8080/tcp:{}]").arguments()).isEqualTo("22/tcp 8080/tcp");
        assertThat(parse("VOLUME [/data /logs]").arguments()).isEqualTo("/data /logs");
        assertThat(parse("ENTRYPOINT [\"/bin/sh\"]").arguments()).isEqualTo("[\"/bin/sh\"]");
        assertThat(parse("COPY . . # buildkit").arguments()).isEqualTo(". .");
        assertThat(parse("COPY /out /app/out # buildkit").keyword()).isEqualTo("COPY");
    }

    @Test
    void healthcheckIsWrittenBackAsTheInstruction() {
        assertThat(parse("HEALTHCHECK &{[\"CMD-SHELL\" \"wget -q -O- http://localhost/ || exit 1\"] \"30s\" \"0s\" \"0s\" '\\x00'}")
                .arguments()).isEqualTo("--interval=30s CMD wget -q -O- http://localhost/ || exit 1");
        assertThat(parse("/bin/sh -c #(nop)  HEALTHCHECK &{[\"CMD\" \"/app/probe\" \"-v\"] \"0s\" \"5s\" \"0s\" '\\x03'}")
                .arguments()).isEqualTo("--timeout=5s --retries=3 CMD [\"/app/probe\", \"-v\"]");
        assertThat(parse("HEALTHCHECK &{[\"NONE\"] \"0s\" \"0s\" \"0s\" '\\x00'}").arguments()).isEqualTo("NONE");
    }

    @Test
    void argDefaultsAreRedacted() {
        InstructionParser.Parsed p = parse("ARG TOKEN=secret1");
        assertThat(p.arguments()).isEqualTo("TOKEN=***");
        assertThat(p.buildArgs()).containsExactly(new BuildArg("TOKEN", "secret1"));
        assertThat(parse("/bin/sh -c #(nop)  ARG NAME").arguments()).isEqualTo("NAME");
    }

    @Test
    void anEmptyHistoryTextIsNoInstruction() {
        assertThat(parse("").keyword()).isEmpty();
        assertThat(InstructionParser.parse(null, "Imported from -").keyword()).isEmpty();
    }

    @Test
    void customShellsAreShellForm() {
        InstructionParser.Parsed p = parse("RUN /bin/bash -o pipefail -c curl -fsS x | sh # buildkit");
        assertThat(p.shellForm()).isTrue();
        assertThat(p.arguments()).isEqualTo("curl -fsS x | sh");
    }

    @Test
    void redactionNeverShowsTheValue() {
        assertThat(List.of(new BuildArg("A", "x"), new BuildArg("B", ""), new BuildArg("C", null)))
                .extracting(BuildArg::redacted).containsExactly("A=***", "B=", "C");
    }
}
