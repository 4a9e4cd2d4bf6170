package dev.layerlens.core.analysis.cache;

import static dev.layerlens.testdata.Entry.dir;
import static dev.layerlens.testdata.Entry.file;
import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlens.core.analysis.testimage.TestImage;
import dev.layerlens.testdata.Entry;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CacheOrderCheckTest {
    private static final String BK = "buildkit.dockerfile.v0";

    private static TestImage.Builder base() {
        return TestImage.builder()
                .recorded("2023-01-01T00:00:00Z", "Imported from -").layer("", file("usr/lib/libc.so", 7_000_000))
                .recorded("2024-01-01T00:00:00Z", BK);
    }

    /**
     * An installer as a Dockerfile calls it, the manifests it reads (in the order the finding lists
     * them), and the COPY instructions the remedy puts before it.
     */
    record Installer(String name, String command, List<String> manifests, String copyFirst) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Installer> INSTALLERS = List.of(
            new Installer("npm", "npm ci", List.of("package.json", "package-lock.json"),
                    "COPY package.json package-lock.json ./"),
            new Installer("yarn", "yarn install --frozen-lockfile", List.of("package.json", "yarn.lock"),
                    "COPY package.json yarn.lock ./"),
            new Installer("yarn without install", "yarn --frozen-lockfile", List.of("package.json", "yarn.lock"),
                    "COPY package.json yarn.lock ./"),
            new Installer("pnpm", "pnpm install --frozen-lockfile", List.of("package.json", "pnpm-lock.yaml"),
                    "COPY package.json pnpm-lock.yaml ./"),
            new Installer("pip", "pip install --no-cache-dir -r requirements.txt", List.of("requirements.txt"),
                    "COPY requirements.txt ./"),
            new Installer("poetry", "poetry install --no-root", List.of("pyproject.toml", "poetry.lock"),
                    "COPY pyproject.toml poetry.lock ./"),
            new Installer("pipenv", "pipenv install --deploy --system", List.of("Pipfile", "Pipfile.lock"),
                    "COPY Pipfile Pipfile.lock ./"),
            new Installer("bundle", "bundle install", List.of("Gemfile", "Gemfile.lock"), "COPY Gemfile Gemfile.lock ./"),
            new Installer("go mod", "go mod download", List.of("go.mod", "go.sum"), "COPY go.mod go.sum ./"),
            new Installer("mvn", "mvn -B dependency:go-offline", List.of("pom.xml"), "COPY pom.xml ./"),
            new Installer("mvnw", "./mvnw -B dependency:go-offline",
                    List.of("pom.xml", "mvnw", ".mvn/wrapper/maven-wrapper.properties"),
                    "COPY pom.xml mvnw ./ → COPY .mvn/wrapper/maven-wrapper.properties ./.mvn/wrapper/"),
            new Installer("gradle", "gradle dependencies --no-daemon", List.of("build.gradle", "settings.gradle"),
                    "COPY build.gradle settings.gradle ./"),
            new Installer("gradlew", "./gradlew dependencies --no-daemon",
                    List.of("build.gradle.kts", "settings.gradle.kts", "gradlew", "gradle/libs.versions.toml",
                            "gradle/wrapper/gradle-wrapper.jar", "gradle/wrapper/gradle-wrapper.properties"),
                    "COPY build.gradle.kts settings.gradle.kts gradlew ./ → COPY gradle/libs.versions.toml ./gradle/ → "
                            + "COPY gradle/wrapper/gradle-wrapper.jar gradle/wrapper/gradle-wrapper.properties ./gradle/wrapper/"),
            new Installer("composer", "composer install --no-dev", List.of("composer.json", "composer.lock"),
                    "COPY composer.json composer.lock ./"),
            new Installer("cargo", "cargo fetch", List.of("Cargo.toml", "Cargo.lock"), "COPY Cargo.toml Cargo.lock ./"),
            new Installer("apt-get", "apt-get update && apt-get install -y --no-install-recommends curl", List.of(), null),
            new Installer("apk", "apk add --no-cache curl", List.of(), null));

    private static final long INSTALLED = 50_000;

    static Stream<Arguments> broadCopies() {
        List<Arguments> out = new ArrayList<>();
        for (Installer installer : INSTALLERS) {
            out.add(Arguments.of(installer, "COPY . ."));
            out.add(Arguments.of(installer, "ADD . ."));
        }
        return out.stream();
    }

    static Stream<Installer> installers() {
        return INSTALLERS.stream();
    }

    static Stream<Installer> installersWithManifests() {
        return INSTALLERS.stream().filter(i -> !i.manifests().isEmpty());
    }

    /** The build context under /app: the installer's manifests and two source files. */
    private static Entry[] context(Installer installer) {
        List<Entry> entries = new ArrayList<>();
        installer.manifests().forEach(m -> entries.add(file("app/" + m, 100)));
        entries.add(file("app/src/main.x", 1_000));
        entries.add(file("app/README.md", 500));
        return entries.toArray(Entry[]::new);
    }

    /** A small base (the table writes and scans many images) and the own build's WORKDIR. */
    private static TestImage.Builder smallBase() {
        return TestImage.builder()
                .recorded("2023-01-01T00:00:00Z", "Imported from -").layer("", file("usr/lib/libc.so", 1_000))
                .recorded("2024-01-01T00:00:00Z", BK).emptyStep("WORKDIR /app");
    }

    private static TestImage.Builder install(TestImage.Builder image, Installer installer) {
        return image.layer("RUN /bin/sh -c " + installer.command() + " # buildkit",
                file("usr/local/lib/dependencies/all", INSTALLED));
    }

    @Test
    void oneFileIsCountedInTheSingular() {
        Installer npm = INSTALLERS.get(0);
        var result = install(smallBase().layer("COPY . . # buildkit", file("app/package.json", 100),
                file("app/server.js", 1_000)), npm).build().analyze(new CacheOrderCheck());
        assertThat(result.findings()).singleElement().satisfies(f -> assertThat(f.evidence())
                .startsWith("layer 1 (COPY . .) ships /app/package.json and 1 other file; then layer 2"));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("broadCopies")
    void aBroadCopyBeforeEachInstallerIsFoundWithItsManifests(Installer installer, String copy) {
        var result = install(smallBase().layer(copy + " # buildkit", context(installer)), installer)
                .build().analyze(new CacheOrderCheck());
        long copied = installer.manifests().size() * 100L + 1_500;
        String manifests = String.join(", ", installer.manifests().stream().map(m -> "/app/" + m).toList());
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.layerIndex()).as("the COPY layer").isEqualTo(1);
            assertThat(f.bytes()).isEqualTo(INSTALLED);
            if (installer.manifests().isEmpty()) {
                assertThat(f.path()).isNull();
                assertThat(f.evidence()).startsWith("layer 1 (" + copy + ") ships 2 source files; then layer 2 (RUN "
                        + installer.command() + ") installs dependencies after it");
                assertThat(f.remedy()).isEqualTo("move RUN " + installer.command() + " above " + copy
                        + ": it needs nothing the copy brings");
            } else {
                assertThat(f.path()).isEqualTo("/app/" + installer.manifests().get(0));
                assertThat(f.evidence()).startsWith("layer 1 (" + copy + ") ships " + manifests
                        + " and 2 other files; then layer 2 (RUN " + installer.command() + ") installs dependencies after it");
                assertThat(f.remedy()).isEqualTo("copy the manifests first, install, then copy the rest: "
                        + installer.copyFirst() + " → RUN " + installer.command() + " → " + copy);
            }
        });
        CacheExposure exposure = result.readiness().cacheExposure();
        assertThat(exposure.fromLayer()).isEqualTo(1);
        assertThat(exposure.nowBytes()).isEqualTo(copied + INSTALLED);
        assertThat(exposure.afterFixBytes()).isEqualTo(copied);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("installers")
    void anInstallBeforeTheBroadCopyIsTheGoodOrder(Installer installer) {
        var result = install(smallBase(), installer)
                .layer("COPY . . # buildkit", context(installer))
                .build().analyze(new CacheOrderCheck());
        assertThat(result.findings()).isEmpty();
        assertThat(result.readiness().cacheExposure().fromLayer()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("installersWithManifests")
    void aCopyOfOnlyTheManifestsBeforeTheInstallIsTheGoodOrder(Installer installer) {
        Entry[] manifests = installer.manifests().stream().map(m -> file("app/" + m, 100)).toArray(Entry[]::new);
        var result = install(smallBase()
                        .layer("COPY " + String.join(" ", installer.manifests()) + " ./ # buildkit", manifests), installer)
                .layer("COPY . . # buildkit", file("app/src/main.x", 1_000), file("app/README.md", 500))
                .build().analyze(new CacheOrderCheck());
        assertThat(result.findings()).isEmpty();
        CacheExposure exposure = result.readiness().cacheExposure();
        assertThat(exposure.fromLayer()).as("the manifests are no sources").isEqualTo(3);
        assertThat(exposure.nowBytes()).isEqualTo(1_500L);
    }

    @Test
    void broadCopyBeforeNpmInstall() {
        var result = base()
                .emptyStep("WORKDIR /app")
                .layer("COPY . . # buildkit", file("app/package.json", 400), file("app/package-lock.json", 20_000),
                        file("app/server.js", 1_600), dir("app/src"), file("app/src/routes.js", 2_000))
                .layer("RUN /bin/sh -c npm install # buildkit", file("app/node_modules/ms/index.js", 50_000_000))
                .layer("RUN /bin/sh -c npm run build # buildkit", file("app/dist/app.js", 1_000_000))
                .build().analyze(new CacheOrderCheck());
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo(CacheOrderCheck.ID);
            assertThat(f.layerIndex()).isEqualTo(1);
            assertThat(f.path()).isEqualTo("/app/package.json");
            assertThat(f.bytes()).isEqualTo(50_000_000L);
            assertThat(f.evidence()).isEqualTo("layer 1 (COPY . .) ships /app/package.json, /app/package-lock.json and "
                    + "2 other files; then layer 2 (RUN npm install) installs dependencies after it; a source-only change "
                    + "rebuilds and re-pushes 51.0 MB (layers 1–3), 1.02 MB after the fix");
            assertThat(f.remedy()).isEqualTo("copy the manifests first, install, then copy the rest: "
                    + "COPY package.json package-lock.json ./ → RUN npm install → COPY . .");
        });
        CacheExposure exposure = result.readiness().cacheExposure();
        assertThat(exposure.fromLayer()).isEqualTo(1);
        assertThat(exposure.nowBytes()).isEqualTo(24_000L + 50_000_000 + 1_000_000);
        assertThat(exposure.afterFixBytes()).isEqualTo(24_000L + 1_000_000);
    }

    @Test
    void manifestsFirstIsTheGoodOrder() {
        var result = base()
                .emptyStep("WORKDIR /app")
                .layer("COPY package.json package-lock.json ./ # buildkit", file("app/package.json", 400),
                        file("app/package-lock.json", 20_000))
                .layer("RUN /bin/sh -c npm ci # buildkit", file("app/node_modules/ms/index.js", 50_000_000))
                .layer("COPY . . # buildkit", file("app/server.js", 1_600))
                .build().analyze(new CacheOrderCheck());
        assertThat(result.findings()).isEmpty();
        CacheExposure exposure = result.readiness().cacheExposure();
        assertThat(exposure.fromLayer()).isEqualTo(3);
        assertThat(exposure.nowBytes()).isEqualTo(1_600L);
        assertThat(exposure.afterFixBytes()).isEqualTo(1_600L);
    }

    @Test
    void legacyDirCopyAndPythonManifestsInASubdirectory() {
        var result = TestImage.builder()
                .recorded("2023-01-01T00:00:00Z", "Imported from -").layer("", file("usr/lib/libc.so", 1_000))
                .recorded("2024-01-01T00:00:00Z", null)
                .emptyStep("/bin/sh -c #(nop) WORKDIR /srv")
                .layer("/bin/sh -c #(nop) COPY dir:9ef50c34d71756ccdc7dc0f050fa6d7161107867988d2fc44689a83eef36bff0 in . ",
                        file("srv/service/requirements.txt", 100), file("srv/service/app.py", 900))
                .layer("/bin/sh -c pip install -r service/requirements.txt", file("usr/lib/python3/dist-packages/x.py", 5_000))
                .build().analyze(new CacheOrderCheck());
        assertThat(result.findings()).singleElement().satisfies(f -> assertThat(f.remedy()).isEqualTo(
                "copy the manifests first, install, then copy the rest: COPY service/requirements.txt ./service/ → "
                        + "RUN pip install -r service/requirements.txt → COPY dir:9ef50c34d717… ."));
    }

    @Test
    void anOsPackageInstallAfterTheCopyShouldMoveUp() {
        var result = base()
                .layer("COPY . /app # buildkit", file("app/main.go", 5_000))
                .layer("RUN /bin/sh -c apt-get update && apt-get install -y ca-certificates # buildkit",
                        file("etc/ssl/certs/ca.pem", 200_000))
                .build().analyze(new CacheOrderCheck());
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.path()).isNull();
            assertThat(f.remedy()).isEqualTo("move RUN apt-get update && apt-get install -y ca-certificates above "
                    + "COPY . /app: it needs nothing the copy brings");
        });
    }

    @Test
    void copiesFromAnotherStageOrOfDependenciesAreNotSources() {
        var result = base()
                .layer("COPY /app/node_modules ./node_modules # buildkit", file("node_modules/ms/index.js", 3_000))
                .layer("RUN /bin/sh -c npm rebuild && npm install -g pm2 # buildkit", file("usr/lib/node_modules/pm2/a.js", 1_000))
                .build().analyze(new CacheOrderCheck());
        assertThat(result.findings()).isEmpty();
        assertThat(result.readiness().cacheExposure()).isNull();
    }

    @Test
    void baseImageStepsAreNotJudged() {
        var result = TestImage.builder()
                .recorded("2023-01-01T00:00:00Z", null)
                .layer("/bin/sh -c #(nop) COPY dir:ab in /usr/src ", file("usr/src/x/setup.py", 10), file("usr/src/x/a.c", 10))
                .layer("/bin/sh -c pip install /usr/src/x", file("usr/lib/python3/x.so", 10))
                .emptyStep("/bin/sh -c #(nop)  CMD [\"python3\"]")
                .recorded("2024-01-01T00:00:00Z", BK)
                .layer("COPY app.py /app/ # buildkit", file("app/app.py", 10))
                .build().analyze(new CacheOrderCheck());
        assertThat(result.findings()).isEmpty();
        assertThat(result.readiness().cacheExposure().fromLayer()).isEqualTo(2);
    }
}
