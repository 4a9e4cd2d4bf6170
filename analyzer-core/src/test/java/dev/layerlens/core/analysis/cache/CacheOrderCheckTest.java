package dev.layerlens.core.analysis.cache;

import static dev.layerlens.testdata.Entry.dir;
import static dev.layerlens.testdata.Entry.file;
import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlens.core.analysis.testimage.TestImage;
import org.junit.jupiter.api.Test;

class CacheOrderCheckTest {
    private static final String BK = "buildkit.dockerfile.v0";

    private static TestImage.Builder base() {
        return TestImage.builder()
                .recorded("2023-01-01T00:00:00Z", "Imported from -").layer("", file("usr/lib/libc.so", 7_000_000))
                .recorded("2024-01-01T00:00:00Z", BK);
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
