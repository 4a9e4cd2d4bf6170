package dev.layerlens.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Sizes as dive's config writes them: SI and IEC units, any case, fractions truncated. */
class ByteSizesTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '=', value = {
            "20MB = 20000000", "20Mb = 20000000", "20mb = 20000000", "20M = 20000000", "20 MB = 20000000",
            "20MiB = 20971520", "20Mi = 20971520", "20mib = 20971520",
            "50kB = 50000", "50KB = 50000", "50k = 50000", "50KiB = 51200",
            "1B = 1", "1b = 1", "0 = 0", "2048 = 2048", "'1,000,000' = 1000000",
            "1.5 GB = 1500000000", "1.5GiB = 1610612736", ".5kB = 500", "5. = 5", "0.0015kB = 1",
            "1TB = 1000000000000", "2TiB = 2199023255552", "1EB = 1000000000000000000"})
    void parses(String text, long bytes) {
        assertThat(ByteSizes.parse(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not_a_size", "", "MB", "-1MB", "1.2.3MB", "1XB", " 20MB", "20 MBs", ".", "1e3", "20EiB"})
    void rejects(String text) {
        assertThatThrownBy(() -> ByteSizes.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + text + "\"");
    }
}
