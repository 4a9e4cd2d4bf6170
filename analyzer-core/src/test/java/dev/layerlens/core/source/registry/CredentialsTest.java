package dev.layerlens.core.source.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CredentialsTest {

    @Test
    void userColonPasswordWithColonsInThePassword() {
        Credentials c = Credentials.parse("ci-bot:s3:cr:et");
        assertThat(c.username()).isEqualTo("ci-bot");
        assertThat(c.secret()).isEqualTo("s3:cr:et");
        assertThat(c.identityToken()).isFalse();
    }

    @Test
    void neverPrintsTheSecret() {
        assertThat(Credentials.parse("ci-bot:hunter2").toString()).contains("ci-bot").doesNotContain("hunter2");
    }

    @Test
    void aMalformedValueIsRefusedWithoutBeingEchoed() {
        for (String bad : new String[] {"hunter2", ":hunter2", "user:", ""}) {
            assertThatThrownBy(() -> Credentials.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("credentials must be USER:PASSWORD");
        }
    }
}
