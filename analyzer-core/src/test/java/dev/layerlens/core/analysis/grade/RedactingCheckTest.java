package dev.layerlens.core.analysis.grade;

import static dev.layerlens.testdata.Entry.file;
import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.ImageCheck;
import dev.layerlens.core.analysis.testimage.TestImage;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Findings that quote history never carry a secret found in it, unless the caller reveals secrets. */
class RedactingCheckTest {
    private static final String TOKEN = "npm_" + "aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5";
    private static final TestImage IMAGE = TestImage.builder()
            .layer("RUN /bin/sh -c npm install --//registry.npmjs.org/:_authToken=" + TOKEN + " # buildkit",
                    file("root/.npm/_cacache/index-v5/x", 3_000))
            .build();

    @Test
    void evidenceQuotingARunCommandIsRedacted() {
        var result = IMAGE.analyze(ReadinessChecks.create().toArray(ImageCheck[]::new));
        Finding cache = result.withId("removable/npm-cache").get(0);
        assertThat(cache.evidence()).startsWith("1 file; added by layer 0 (RUN npm install").doesNotContain(TOKEN);
        assertThat(result.report().findings()).allSatisfy(f -> assertThat(String.valueOf(f.evidence()) + f.title()
                + f.remedy()).doesNotContain(TOKEN));
    }

    @Test
    void revealedOnRequest() {
        var result = IMAGE.analyze(ReadinessChecks.create(UnaryOperator.identity()).toArray(ImageCheck[]::new));
        assertThat(result.withId("removable/npm-cache").get(0).evidence()).contains(TOKEN);
    }
}
