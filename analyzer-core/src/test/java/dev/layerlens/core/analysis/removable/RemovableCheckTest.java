package dev.layerlens.core.analysis.removable;

import static dev.layerlens.testdata.Entry.dir;
import static dev.layerlens.testdata.Entry.file;
import static dev.layerlens.testdata.Entry.whiteout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.layerlens.core.analysis.Finding;
import dev.layerlens.core.analysis.Severity;
import dev.layerlens.core.analysis.testimage.TestImage;
import dev.layerlens.testdata.Entry;
import org.junit.jupiter.api.Test;

/** Every removable category, measured in bytes and attributed to the layer that shipped the visible copy. */
class RemovableCheckTest {

    private static TestImage.Result analyze(TestImage.Builder builder) {
        return builder.build().analyze(new RemovableCheck());
    }

    /** Without the multi-stage advice, which these all-build-only images also get. */
    private static java.util.List<Finding> removableOnly(TestImage.Result result) {
        assertThat(result.withId(MultiStageAdvice.ID)).hasSize(1);
        return result.findings().stream().filter(f -> f.id().startsWith("removable/")).toList();
    }

    @Test
    void packageManagerCachesByPath() {
        var result = analyze(TestImage.builder()
                .layer("/bin/sh -c apt-get update && apt-get install -y x",
                        file("var/lib/apt/lists/deb.debian.org_dists_bookworm_InRelease", 150_000),
                        file("var/lib/apt/lists/deb.debian.org_dists_bookworm_main_binary-amd64_Packages.lz4", 8_800_000),
                        file("var/cache/apt/pkgcache.bin", 27_000_000), file("var/cache/apt/archives/x.deb", 1_000))
                .layer("/bin/sh -c apk add curl", file("var/cache/apk/APKINDEX.tar.gz", 600_000))
                .layer("RUN /bin/sh -c npm install # buildkit", file("root/.npm/_cacache/content-v2/sha512/ab/cd", 2_000_000),
                        file("usr/local/share/.cache/yarn/v6/npm-x.tgz", 3_000), file("home/node/.local/share/pnpm/store/v3/x", 4_000))
                .layer("RUN /bin/sh -c pip install flask # buildkit", file("root/.cache/pip/http-v2/a/b", 5_000),
                        file("root/.cache/go-build/ab/x-d", 6_000), file("go/pkg/mod/github.com/x/y@v1/a.go", 7_000),
                        file("root/.m2/repository/org/x/x.jar", 8_000), file("root/.gradle/caches/modules-2/x.jar", 9_000)));
        assertThat(removableOnly(result)).extracting(Finding::id, Finding::layerIndex, Finding::path, Finding::bytes)
                .containsExactlyInAnyOrder(
                        tuple("removable/apt-cache", 0, "/var/cache/apt", 27_001_000L),
                        tuple("removable/apt-lists", 0, "/var/lib/apt/lists", 8_950_000L),
                        tuple("removable/apk-cache", 1, "/var/cache/apk", 600_000L),
                        tuple("removable/npm-cache", 2, "/root/.npm", 2_000_000L),
                        tuple("removable/pnpm-store", 2, "/home/node/.local/share/pnpm/store", 4_000L),
                        tuple("removable/yarn-cache", 2, "/usr/local/share/.cache/yarn", 3_000L),
                        tuple("removable/gradle-cache", 3, "/root/.gradle/caches", 9_000L),
                        tuple("removable/maven-cache", 3, "/root/.m2/repository", 8_000L),
                        tuple("removable/go-cache", 3, "/go/pkg/mod", 7_000L),
                        tuple("removable/go-cache", 3, "/root/.cache/go-build", 6_000L),
                        tuple("removable/pip-cache", 3, "/root/.cache/pip", 5_000L));
        Finding lists = result.withId("removable/apt-lists").get(0);
        assertThat(lists.severity()).isEqualTo(Severity.LOW);
        assertThat(lists.evidence()).isEqualTo("2 files; added by layer 0 (RUN apt-get update && apt-get install -y x)");
        assertThat(result.readiness().removableBytes()).isEqualTo(27_001_000L + 8_950_000 + 600_000 + 2_000_000 + 4_000
                + 3_000 + 9_000 + 8_000 + 7_000 + 6_000 + 5_000);
    }

    @Test
    void theLayerOfTheVisibleCopyIsTheOneThatAddedIt() {
        var result = analyze(TestImage.builder()
                .layer("/bin/sh -c pip install a", file("root/.cache/pip/x", 1_000), file("root/.cache/pip/y", 2_000))
                .layer("/bin/sh -c pip install b", file("root/.cache/pip/y", 2_500)));
        assertThat(result.withId("removable/pip-cache")).extracting(Finding::layerIndex, Finding::bytes)
                .containsExactly(tuple(0, 1_000L), tuple(1, 2_500L));
    }

    @Test
    void versionControlTestsAndDocs() {
        var result = analyze(TestImage.builder()
                .layer("COPY . /app # buildkit", file("app/.git/objects/pack/p.pack", 70_000), file("app/.git/HEAD", 23),
                        file("app/src/index.js", 500), file("app/tests/a.test.js", 300), file("app/src/__tests__/b.js", 200),
                        file("usr/share/doc/x/copyright", 1_000), file("usr/share/man/man1/x.1.gz", 2_000)));
        assertThat(result.findings()).extracting(Finding::id, Finding::path, Finding::bytes, Finding::severity)
                .containsExactlyInAnyOrder(
                        tuple("removable/vcs-directory", "/app/.git", 70_023L, Severity.INFO),
                        tuple("removable/docs", "/usr/share/man", 2_000L, Severity.INFO),
                        tuple("removable/docs", "/usr/share/doc", 1_000L, Severity.INFO),
                        tuple("removable/test-directories", "/app/tests", 300L, Severity.INFO),
                        tuple("removable/test-directories", "/app/src/__tests__", 200L, Severity.INFO));
    }

    private static final String STATUS = """
            Package: gcc-12
            Status: install ok installed
            Architecture: amd64

            Package: libc6-dev
            Status: install ok installed
            Architecture: amd64

            Package: zlib1g-dev
            Status: deinstall ok config-files
            Architecture: amd64

            Package: gcc-12-base
            Status: install ok installed
            """;

    @Test
    void toolchainAndDevPackagesFromDpkg() {
        var result = analyze(TestImage.builder()
                .layer("/bin/sh -c apt-get install -y gcc",
                        file("var/lib/dpkg/status", STATUS),
                        file("var/lib/dpkg/info/gcc-12.list", "/.\n/usr\n/usr/bin\n/usr/bin/gcc-12\n/usr/libexec/gcc/x86_64-linux-gnu/12/cc1\n/usr/share/doc/gcc-12/copyright\n"),
                        file("var/lib/dpkg/info/libc6-dev:amd64.list", "/usr/include/stdio.h\n/lib/x86_64-linux-gnu/libc.a\n"),
                        file("var/lib/dpkg/info/zlib1g-dev:amd64.list", "/usr/include/zlib.h\n"),
                        file("var/lib/dpkg/info/gcc-12-base:amd64.list", "/usr/share/doc/gcc-12-base/copyright\n"),
                        file("usr/bin/gcc-12", 1_000_000), file("usr/libexec/gcc/x86_64-linux-gnu/12/cc1", 30_000_000),
                        file("usr/share/doc/gcc-12/copyright", 5_000), file("usr/include/stdio.h", 30_000),
                        file("usr/lib/x86_64-linux-gnu/libc.a", 6_000_000), file("usr/include/zlib.h", 70_000),
                        file("usr/share/doc/gcc-12-base/copyright", 4_000), file("usr/bin/make", 250_000)));
        assertThat(removableOnly(result)).extracting(Finding::id, Finding::path, Finding::bytes)
                .containsExactly(
                        tuple("removable/build-toolchain", null, 31_005_000L + 250_000 + 70_000),
                        tuple("removable/dev-packages", null, 6_030_000L),
                        tuple("removable/docs", "/usr/share/doc", 4_000L));
        // zlib1g-dev is not installed: its header falls to the /usr/include rule; make to the binary-name rule
        assertThat(result.withId("removable/build-toolchain").get(0).evidence())
                .isEqualTo("5 files: gcc-12 31.0 MB, /usr/bin/make 250 kB, /usr/include 70.0 kB; added by layer 0 (RUN apt-get install -y gcc)");
        assertThat(result.withId("removable/dev-packages").get(0).evidence()).contains("libc6-dev 6.03 MB");
    }

    private static final String LOCK = """
            {"name": "app", "lockfileVersion": 3, "packages": {
              "": {"name": "app", "dependencies": {"ms": "^2"}, "devDependencies": {"typescript": "^5"}},
              "node_modules/ms": {"version": "2.1.3"},
              "node_modules/typescript": {"version": "5.4.0", "dev": true, "bin": {"tsc": "bin/tsc"}},
              "node_modules/@types/node": {"version": "20.0.0", "dev": true},
              "node_modules/ms/node_modules/debug": {"version": "1.0.0", "dev": true}
            }}""";

    @Test
    void devDependenciesFromTheInstalledLockfile() {
        var result = analyze(TestImage.builder()
                .layer("COPY . . # buildkit", file("app/package.json",
                        "{\"dependencies\": {\"ms\": \"^2\"}, \"devDependencies\": {\"typescript\": \"^5\", \"jest\": \"^29\"}}"))
                .layer("RUN /bin/sh -c npm install # buildkit", file("app/node_modules/.package-lock.json", LOCK),
                        file("app/node_modules/ms/index.js", 3_000),
                        file("app/node_modules/ms/node_modules/debug/index.js", 1_500),
                        file("app/node_modules/typescript/lib/typescript.js", 9_000_000),
                        file("app/node_modules/@types/node/index.d.ts", 40_000),
                        file("app/node_modules/typescript/tests/x.ts", 1_000)));
        // jest is named in package.json but not installed: the lockfile of what is installed decides
        assertThat(result.withId("removable/dev-dependencies")).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("/app/node_modules");
            assertThat(f.layerIndex()).isEqualTo(1);
            assertThat(f.bytes()).isEqualTo(9_000_000L + 40_000 + 1_500 + 1_000);
            assertThat(f.evidence()).isEqualTo("4 files: typescript 9.00 MB, @types/node 40.0 kB, debug 1.50 kB; "
                    + "added by layer 1 (RUN npm install)");
        });
        assertThat(result.withId("removable/test-directories")).isEmpty();
    }

    @Test
    void devDependenciesFromPackageJsonWithoutLockfile() {
        var result = analyze(TestImage.builder()
                .layer("/bin/sh -c #(nop) COPY dir:x in /srv ",
                        file("srv/package.json", "{\"devDependencies\": {\"eslint\": \"8\", \"@babel/core\": \"7\", \"../evil\": \"1\"}}"),
                        file("srv/node_modules/eslint/lib/a.js", 700), file("srv/node_modules/@babel/core/lib/b.js", 300),
                        file("srv/node_modules/express/index.js", 100), file("srv/node_modules/.yarn-integrity", "{}")));
        assertThat(result.withId("removable/dev-dependencies")).extracting(Finding::bytes).containsExactly(1_000L);
    }

    @Test
    void aPackagedLibraryIsNotAnApplication() {
        // Debian's /usr/share/nodejs/<pkg>: a package.json naming devDependencies and a bundled node_modules,
        // but no lockfile or install marker: nobody ran npm install there
        var result = analyze(TestImage.builder()
                .layer("/bin/sh -c apt-get install -y npm",
                        file("usr/share/nodejs/chokidar/package.json", "{\"devDependencies\": {\"upath\": \"2\"}}"),
                        file("usr/share/nodejs/chokidar/node_modules/upath/index.js", 15_000)));
        assertThat(result.withId("removable/dev-dependencies")).isEmpty();
        var installed = analyze(TestImage.builder()
                .layer("/bin/sh -c yarn install",
                        file("srv/package.json", "{\"devDependencies\": {\"upath\": \"2\"}}"),
                        file("srv/yarn.lock", "upath@2:\n  version 2.0.1\n"),
                        file("srv/node_modules/upath/index.js", 15_000)));
        assertThat(installed.withId("removable/dev-dependencies")).extracting(Finding::bytes).containsExactly(15_000L);
    }

    @Test
    void aV1LockfileMarksNestedDevPackages() {
        String v1 = "{\"lockfileVersion\": 1, \"dependencies\": {\"a\": {\"version\": \"1\", \"dev\": true},"
                + " \"b\": {\"version\": \"1\", \"dependencies\": {\"c\": {\"version\": \"1\", \"dev\": true}}}}}";
        assertThat(NodeDevDependencies.devPackages("package-lock.json", v1.getBytes(), v1.length()))
                .containsExactlyInAnyOrder("node_modules/a", "node_modules/b/node_modules/c");
    }

    @Test
    void cachesDeletedByALaterLayerStillShip() {
        var result = analyze(TestImage.builder()
                .layer("/bin/sh -c apt-get update", file("var/lib/apt/lists/a_Packages", 9_000_000),
                        file("var/lib/apt/lists/a_InRelease", 100_000))
                .layer("/bin/sh -c apt-get install -y tree", file("usr/bin/tree", 90_000),
                        file("var/cache/apt/archives/tree.deb", 48_000))
                .layer("/bin/sh -c apt-get clean && rm -rf /var/lib/apt/lists/*",
                        whiteout("var/lib/apt/lists/a_Packages"), whiteout("var/lib/apt/lists/a_InRelease"),
                        whiteout("var/cache/apt/archives/tree.deb")));
        assertThat(result.findings()).extracting(Finding::id, Finding::layerIndex, Finding::path, Finding::bytes)
                .containsExactly(
                        tuple(RemovableCheck.CLEANED_LATER_ID, 0, "/var/lib/apt/lists", 9_100_000L),
                        tuple(RemovableCheck.CLEANED_LATER_ID, 1, "/var/cache/apt", 48_000L));
        assertThat(result.findings().get(0).title()).isEqualTo("apt package lists deleted in layer 2, still shipped by layer 0");
        assertThat(result.readiness().removableBytes()).isZero();
    }

    @Test
    void aCacheRemovedByAnOpaqueDirectoryCountsToo() {
        var result = analyze(TestImage.builder()
                .layer("/bin/sh -c pip install x", file("root/.cache/pip/a", 5_000))
                .layer("/bin/sh -c rm -rf /root/.cache && mkdir /root/.cache", Entry.opaque("root/.cache"),
                        dir("root/.cache")));
        assertThat(result.withId(RemovableCheck.CLEANED_LATER_ID)).extracting(Finding::bytes).containsExactly(5_000L);
    }

    @Test
    void multiStageAdviceWithItsEstimate() {
        // base 40 MB; own layers: toolchain 30 MB + pip cache 6 MB + app 4 MB + 10 MB of a file the last layer deletes
        var result = analyze(TestImage.builder()
                .recorded("2023-01-01T00:00:00Z", "Imported from -")
                .layer("", file("usr/lib/libbase.so", 40_000_000))
                .recorded("2024-01-01T00:00:00Z", null)
                .layer("/bin/sh -c apt-get install -y gcc", file("usr/libexec/gcc/x86_64-linux-gnu/12/cc1", 30_000_000))
                .layer("/bin/sh -c pip install -r requirements.txt", file("root/.cache/pip/w.whl", 6_000_000),
                        file("app/main.py", 4_000_000), file("tmp/build.tar", 10_000_000))
                .layer("/bin/sh -c rm /tmp/build.tar", whiteout("tmp/build.tar")));
        Finding advice = result.withId(MultiStageAdvice.ID).get(0);
        // own layers add 50 MB, 36 MB of which are build-only (72 %); estimate = 40 + (30 + 6 + 4) − 36 = 44 MB
        assertThat(advice.title()).isEqualTo("A multi-stage build would ship about 44.0 MB instead of 90.0 MB");
        assertThat(advice.bytes()).isEqualTo(46_000_000L);
        assertThat(advice.evidence()).startsWith("build-only bytes 36.0 MB (72 % of the 50.0 MB that layers 1–3 add)");
    }

    @Test
    void noMultiStageAdviceBelowTheShare() {
        var result = analyze(TestImage.builder()
                .layer("/bin/sh -c build", file("root/.cache/pip/w.whl", 11_000_000), file("app/data.bin", 40_000_000)));
        // 11 MB of 51 MB is 21.6 %, under the 25 % share
        assertThat(result.withId(MultiStageAdvice.ID)).isEmpty();
        var over = analyze(TestImage.builder()
                .layer("/bin/sh -c build", file("root/.cache/pip/w.whl", 13_000_000), file("app/data.bin", 38_000_000)));
        assertThat(over.withId(MultiStageAdvice.ID)).hasSize(1);
    }

    @Test
    void noMultiStageAdviceBelowTheFloorWhateverTheShare() {
        // all the own bytes are build-only (100 %): only the 10 MB floor decides
        var under = analyze(TestImage.builder()
                .layer("/bin/sh -c build", file("root/.cache/pip/w.whl", MultiStageAdvice.MIN_BYTES - 1)));
        assertThat(under.withId(MultiStageAdvice.ID)).isEmpty();
        var at = analyze(TestImage.builder()
                .layer("/bin/sh -c build", file("root/.cache/pip/w.whl", MultiStageAdvice.MIN_BYTES)));
        assertThat(at.withId(MultiStageAdvice.ID)).singleElement()
                .satisfies(f -> assertThat(f.bytes()).isEqualTo(MultiStageAdvice.MIN_BYTES));
    }

    @Test
    void severityFollowsTheBytes() {
        var result = analyze(TestImage.builder()
                .layer("/bin/sh -c x", file("root/.npm/a", 999_999), file("root/.cache/pip/a", 1_000_000),
                        file("var/cache/apt/a", 50_000_000)));
        assertThat(result.findings()).extracting(Finding::id, Finding::severity).contains(
                tuple("removable/npm-cache", Severity.INFO), tuple("removable/pip-cache", Severity.LOW),
                tuple("removable/apt-cache", Severity.MEDIUM));
    }
}
