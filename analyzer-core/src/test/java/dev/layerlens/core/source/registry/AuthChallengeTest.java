package dev.layerlens.core.source.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** WWW-Authenticate as registries and RFC 7235 write it. */
class AuthChallengeTest {

    @Test
    void dockerHubsBearerChallenge() {
        List<AuthChallenge> all = AuthChallenge.parse("Bearer realm=\"https://auth.docker.io/token\","
                + "service=\"registry.docker.io\",scope=\"repository:library/busybox:pull\"");
        assertThat(all).singleElement().satisfies(c -> {
            assertThat(c.scheme()).isEqualTo("bearer");
            assertThat(c.params()).containsExactly(Map.entry("realm", "https://auth.docker.io/token"),
                    Map.entry("service", "registry.docker.io"), Map.entry("scope", "repository:library/busybox:pull"));
        });
    }

    @Test
    void quotedValuesKeepCommasSpacesAndEscapes() {
        AuthChallenge c = AuthChallenge.parse("Bearer realm=\"https://a.example/token?x=1,2\", "
                + "scope=\"repository:a/b:pull,push repository:c:pull\", error=\"say \\\"no\\\"\"").get(0);
        assertThat(c.param("realm")).isEqualTo("https://a.example/token?x=1,2");
        assertThat(c.param("scope")).isEqualTo("repository:a/b:pull,push repository:c:pull");
        assertThat(c.param("error")).isEqualTo("say \"no\"");
    }

    @Test
    void namesAndSchemesAreCaseInsensitiveAndTokensNeedNoQuotes() {
        AuthChallenge c = AuthChallenge.parse("BEARER Realm=https://r.example/t , Service=reg").get(0);
        assertThat(c.scheme()).isEqualTo("bearer");
        assertThat(c.param("REALM")).isEqualTo("https://r.example/t");
        assertThat(c.param("service")).isEqualTo("reg");
    }

    @Test
    void severalChallengesInOneHeaderAndAcrossHeaders() {
        List<AuthChallenge> all = AuthChallenge.parseAll(List.of(
                "Basic realm=\"Registry Realm\", Bearer realm=\"https://t.example/token\",service=\"x\"",
                "Negotiate abc123=="));
        assertThat(all).extracting(AuthChallenge::scheme).containsExactly("basic", "bearer", "negotiate");
        assertThat(all.get(0).param("realm")).isEqualTo("Registry Realm");
        assertThat(all.get(1).param("service")).isEqualTo("x");
        assertThat(all.get(2).params()).as("a token68 is no parameter").isEmpty();
    }

    @Test
    void aSchemeWithoutParameters() {
        assertThat(AuthChallenge.parse("Basic")).singleElement().satisfies(c -> {
            assertThat(c.scheme()).isEqualTo("basic");
            assertThat(c.params()).isEmpty();
        });
    }

    @Test
    void garbageGivesNothingRatherThanAGuess() {
        assertThat(AuthChallenge.parse("")).isEmpty();
        assertThat(AuthChallenge.parse(null)).isEmpty();
        assertThat(AuthChallenge.parse("=\"x\"")).isEmpty();
    }

    @Test
    void anUnterminatedQuoteTakesTheRest() {
        assertThat(AuthChallenge.parse("Bearer realm=\"https://x").get(0).param("realm")).isEqualTo("https://x");
    }
}
