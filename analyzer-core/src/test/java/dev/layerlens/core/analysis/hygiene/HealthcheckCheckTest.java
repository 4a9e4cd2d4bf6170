package dev.layerlens.core.analysis.hygiene;

import static dev.layerlens.testdata.Entry.file;
import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlens.core.analysis.Severity;
import dev.layerlens.core.analysis.testimage.TestImage;
import org.junit.jupiter.api.Test;

class HealthcheckCheckTest {

    @Test
    void noHealthcheck() {
        var result = TestImage.builder().healthcheck().layer("/bin/sh -c make", file("a", "1")).build()
                .analyze(new HealthcheckCheck());
        assertThat(result.ids()).containsExactly(HealthcheckCheck.NONE_ID);
        assertThat(result.findings().get(0).severity()).isEqualTo(Severity.LOW);
    }

    @Test
    void healthcheckNoneCountsAsNone() {
        var result = TestImage.builder().healthcheck("NONE").layer("/bin/sh -c make", file("a", "1"))
                .emptyStep("HEALTHCHECK &{[\"NONE\"] \"0s\" \"0s\" \"0s\" '\\x00'}").build()
                .analyze(new HealthcheckCheck());
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo(HealthcheckCheck.NONE_ID);
            assertThat(f.evidence()).contains("HEALTHCHECK NONE");
        });
    }

    @Test
    void aHealthcheckFromTheBaseIsInfo() {
        var result = TestImage.builder().healthcheck("CMD-SHELL", "curl -f http://localhost/")
                .recorded("2023-01-01T00:00:00Z", null)
                .layer("/bin/sh -c #(nop) ADD file:x in / ", file("etc/os-release", "x"))
                .emptyStep("/bin/sh -c #(nop)  HEALTHCHECK &{[\"CMD-SHELL\" \"curl -f http://localhost/\"] \"0s\" \"0s\" \"0s\" '\\x00'}")
                .recorded("2024-01-01T00:00:00Z", "buildkit.dockerfile.v0")
                .layer("COPY . /app # buildkit", file("app/a.js", "x"))
                .build().analyze(new HealthcheckCheck());
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo(HealthcheckCheck.INHERITED_ID);
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.evidence()).contains("CMD curl -f http://localhost/");
        });
    }

    @Test
    void aHealthcheckOfTheOwnBuildIsFine() {
        var result = TestImage.builder().healthcheck("CMD-SHELL", "curl -f http://localhost/")
                .recorded("2023-01-01T00:00:00Z", null)
                .layer("/bin/sh -c #(nop) ADD file:x in / ", file("etc/os-release", "x"))
                .recorded("2024-01-01T00:00:00Z", "buildkit.dockerfile.v0")
                .layer("COPY . /app # buildkit", file("app/a.js", "x"))
                .emptyStep("HEALTHCHECK &{[\"CMD-SHELL\" \"curl -f http://localhost/\"] \"0s\" \"0s\" \"0s\" '\\x00'}")
                .build().analyze(new HealthcheckCheck());
        assertThat(result.findings()).isEmpty();
    }
}
