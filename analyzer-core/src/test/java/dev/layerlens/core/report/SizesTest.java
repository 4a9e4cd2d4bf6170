package dev.layerlens.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SI sizes as docker prints them: 1 kB = 1000 B, three significant digits. */
class SizesTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "0 | 0 B",
        "1 | 1 B",
        "999 | 999 B",
        "1000 | 1.00 kB",
        "1234 | 1.23 kB",
        "1235 | 1.24 kB",
        "9994 | 9.99 kB",
        "12345 | 12.3 kB",
        "99949 | 99.9 kB",
        "99950 | 100 kB",
        "123456 | 123 kB",
        "999499 | 999 kB",
        "999999 | 1.00 MB",
        "1500000 | 1.50 MB",
        "12345678 | 12.3 MB",
        "1000000000 | 1.00 GB",
        "2500000000000 | 2.50 TB",
        "9223372036854775807 | 9.22 EB",
        "-2000 | -2.00 kB",
    })
    void formatsLikeDocker(long bytes, String expected) {
        assertThat(Sizes.si(bytes)).isEqualTo(expected);
    }
}
