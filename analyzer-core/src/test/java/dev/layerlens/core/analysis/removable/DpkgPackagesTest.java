package dev.layerlens.core.analysis.removable;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Which Debian package names count as toolchain or -dev, and how dpkg's status is read. */
class DpkgPackagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"gcc", "gcc-12", "g++-12", "cpp-12", "cpp-12-x86-64-linux-gnu", "gcc-14-x86-64-linux-gnu",
            "gcc-x86-64-linux-gnu", "binutils", "binutils-common", "binutils-x86-64-linux-gnu", "libbinutils", "make",
            "libc-dev-bin", "libasan8", "libtsan2", "libcc1-0", "libisl23", "libmpc3", "clang-16", "cmake", "pkgconf"})
    void toolchain(String name) {
        assertThat(DpkgPackages.categoryOf(name)).isEqualTo(RemovableCategory.BUILD_TOOLCHAIN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"libc6-dev", "linux-libc-dev", "libpython3.11-dev", "libgcc-12-dev", "zlib1g-dev"})
    void devPackages(String name) {
        assertThat(DpkgPackages.categoryOf(name)).isEqualTo(RemovableCategory.DEV_PACKAGES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gcc-12-base", "libgcc-s1", "libstdc++6", "libmpfr6", "libgomp1", "libc6", "makedev",
            "python3", "cpp-doc", "devscripts-el"})
    void runtimeOrUnrelated(String name) {
        assertThat(DpkgPackages.categoryOf(name)).isNull();
    }

    @Test
    void onlyInstalledPackagesCount() {
        String status = "Package: a\nStatus: install ok installed\n\nPackage: b\nStatus: deinstall ok config-files\n\n"
                + "Package: c\nStatus: install ok half-installed\n\nPackage: d\nArchitecture: amd64\nStatus: install ok installed";
        byte[] bytes = status.getBytes(StandardCharsets.UTF_8);
        assertThat(DpkgPackages.installed("var/lib/dpkg/status", bytes, bytes.length)).containsExactlyInAnyOrder("a", "d");
    }
}
