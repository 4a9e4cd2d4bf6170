package dev.layerlens.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Names from images and archives never climb above the root. */
class PathNamesTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "./a//b/, a/b",
        "/etc/passwd, etc/passwd",
        "../../etc/shadow, etc/shadow",
        "a/../../b, b",
        "a/./b/../c, a/c",
        "./, ''",
    })
    void normalises(String name, String normal) {
        assertThat(PathNames.normalize(name)).isEqualTo(normal);
    }

    @ParameterizedTest
    @CsvSource({"a/b/c, a/b", "a, ''"})
    void parentOfAPath(String path, String parent) {
        assertThat(PathNames.parent(path)).isEqualTo(parent);
        assertThat(PathNames.child(parent, path.substring(path.lastIndexOf('/') + 1))).isEqualTo(path);
    }
}
