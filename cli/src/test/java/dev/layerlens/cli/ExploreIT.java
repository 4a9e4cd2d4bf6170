package dev.layerlens.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.layerlens.testdata.DockerArchive;
import dev.layerlens.testdata.Entry;
import dev.layerlens.testdata.ImageSpec;
import dev.layerlens.testdata.SecretImages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code layerlens explore} from the packaged jar in a real terminal (a tmux pane): keys typed as a
 * user types them, the screen read back, and the terminal's modes checked after it exits.
 * Needs tmux; without it the test is skipped, unless LAYERLENS_REQUIRE_DOCKER=1 (CI), where it fails.
 */
class ExploreIT {
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration KEY = Duration.ofSeconds(15);
    private static final String EVIL = "evil\u001b[2J\u001b]0;pwned\u0007name";

    static final ImageSpec IMAGE = ImageSpec.builder()
            .layer("/bin/sh -c #(nop) ADD file:rootfs in / ",
                    Entry.dir("bin"), Entry.file("bin/sh", 500), Entry.dir("etc"), Entry.file("etc/passwd", 100),
                    Entry.file("etc/" + EVIL, 7), Entry.dir("usr"), Entry.dir("usr/lib"), Entry.file("usr/lib/libc.so", 2000))
            .layer("/bin/sh -c echo \u001b]0;pwned\u0007 > /etc/motd && apt-get install -y big",
                    Entry.dir("etc"), Entry.file("etc/motd", 40), Entry.file("etc/passwd", 120),
                    Entry.dir("usr/lib"), Entry.file("usr/lib/big.so", 5000),
                    Entry.dir("var"), Entry.dir("var/cache"), Entry.file("var/cache/x.deb", 3000))
            .layer("/bin/sh -c rm -rf /var/cache", Entry.dir("var"), Entry.whiteout("var/cache"))
            .build();

    @TempDir
    static Path dir;
    static Path archive;
    static Path jar;

    @BeforeAll
    static void prepare() {
        if (!Tmux.available()) {
            if ("1".equals(System.getenv("LAYERLENS_REQUIRE_DOCKER"))) {
                fail("tmux is needed for the explore smoke test (LAYERLENS_REQUIRE_DOCKER=1)");
            }
            Assumptions.abort("tmux is not installed");
        }
        jar = Path.of("target", "layerlens.jar").toAbsolutePath();
        assertThat(jar).as("the packaged jar (mvn verify builds it)").exists();
        archive = new DockerArchive(DockerArchive.Layout.DOCKER_25).image(IMAGE, "app:1").write(dir.resolve("app.tar")).path();
    }

    /** Runs explore, then prints its exit code and the terminal's line-discipline modes, and stays. */
    private static String command(String... options) {
        return command(archive, options);
    }

    private static String command(Path image, String... options) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return "'" + java + "' -jar '" + jar + "' explore " + String.join(" ", options) + " '" + image + "'; echo EXIT=$?;"
                + " stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo|isig)$' | tr '\\n' ' '; echo; sleep 300";
    }

    @Test
    void browsesTheImageAndRestoresTheTerminalOnQ() throws Exception {
        try (Tmux tmux = Tmux.start("layerlens-explore-it-q", 120, 40, command())) {
            String first = tmux.awaitText(" Layers 1/3", START);
            assertThat(first).contains(" Files · layer 0", " Image app:1", " Findings (0)", "├─▾ bin/", "└── libc.so",
                    "evil\\x1b[2J\\x1b]0;pwned\\x07name");

            tmux.keys("Down");
            String layer1 = tmux.awaitText(" Layers 2/3", KEY);
            assertThat(layer1).contains(" Files · layers 0–1", "M    120 B │ └── passwd", "A  5.00 kB │   ├── big.so",
                    "\\x1b]0;pwned\\x07 > /etc/motd");

            tmux.keys("Tab", "Tab", "/");
            tmux.awaitText("filter paths (regex, empty: none):", KEY);
            tmux.text("lib");
            tmux.keys("Enter");
            String filtered = tmux.awaitText(" Files · layers 0–1 · /lib/", KEY);
            assertThat(filtered).contains("libc.so", "big.so").doesNotContain("passwd");

            tmux.keys("C-a");
            String hidden = tmux.awaitText("hiding A", KEY);
            assertThat(hidden).contains("libc.so").doesNotContain("big.so");

            tmux.keys("?");
            tmux.awaitText(" Keys", KEY);
            tmux.keys("x");
            tmux.await("the help to close", s -> !s.contains(" Keys"), KEY);

            tmux.resize(80, 24);
            String small = tmux.await("an 80x24 layout", s -> s.lines().count() <= 24 && s.contains(" Layers 2/3")
                    && s.lines().findFirst().orElse("").length() <= 80, KEY);
            assertThat(small.lines().findFirst().orElseThrow()).startsWith(" Layers 2/3").contains("│ Files");

            tmux.keys("q");
            String after = tmux.awaitText("EXIT=", KEY);
            assertThat(after).contains("EXIT=0").doesNotContain(" Layers 2/3");
            assertThat(modes(after)).contains("icanon", "echo", "isig").doesNotContain("-icanon", "-echo", "-isig");
        }
    }

    @Test
    void findingsOfTheChecksShowInFullAndEnterGoesToTheirLayerAndPath() throws Exception {
        Path leaky = new DockerArchive(DockerArchive.Layout.DOCKER_25).image(SecretImages.leaky(), "leaky:1")
                .write(dir.resolve("leaky.tar")).path();
        try (Tmux tmux = Tmux.start("layerlens-explore-it-f", 160, 45, command(leaky))) {
            assertThat(tmux.awaitText(" Layers 1/", START)).containsPattern(" Findings \\([1-9][0-9]*\\)");
            tmux.keys("Tab", "Tab", "Tab");
            String finding = tmux.awaitText(" Finding · CRITICAL", KEY);
            assertThat(finding).as("redacted, as the check wrote it").containsPattern("evidence .*…");
            // the details pane's labels start their lines
            Matcher layer = Pattern.compile("^layer +([0-9]+)", Pattern.MULTILINE).matcher(finding);
            Matcher path = Pattern.compile("^path +(/\\S+)", Pattern.MULTILINE).matcher(finding);
            assertThat(layer.find() && path.find()).as("the finding names a layer and a path:\n" + finding).isTrue();
            String name = path.group(1).substring(path.group(1).lastIndexOf('/') + 1);
            tmux.keys("Enter");
            String shown = tmux.awaitText(" Layers " + (Integer.parseInt(layer.group(1)) + 1) + "/", KEY);
            assertThat(shown).contains("── " + name);
            tmux.keys("q");
            assertThat(tmux.awaitText("EXIT=", KEY)).contains("EXIT=0");
        }
    }

    @Test
    void ctrlCQuitsAndRestoresTheTerminal() throws Exception {
        try (Tmux tmux = Tmux.start("layerlens-explore-it-c", 160, 30, command("--debug"))) {
            tmux.awaitText(" Layers 1/3", START);
            tmux.keys("End", "C-c");
            String after = tmux.awaitText("EXIT=", KEY);
            assertThat(after).contains("EXIT=0");
            assertThat(after).as("--debug tells where the wait went").containsPattern(
                    "layerlens: image read in [0-9.]+ s \\(open [0-9]+ ms, scan [0-9]+ ms, analyses [0-9]+ ms\\); first screen [0-9.]+ s later");
            assertThat(modes(after)).contains("icanon", "echo", "isig").doesNotContain("-icanon", "-echo", "-isig");
        }
    }

    @Test
    void aTerminatingSignalStillRestoresTheTerminal() throws Exception {
        try (Tmux tmux = Tmux.start("layerlens-explore-it-term", 100, 30, command())) {
            tmux.awaitText(" Layers 1/3", START);
            ProcessHandle java = ProcessHandle.of(tmux.panePid()).orElseThrow().children()
                    .filter(p -> p.info().command().orElse("").endsWith("java")).findFirst().orElseThrow();
            assertThat(java.destroy()).as("SIGTERM sent").isTrue();
            String after = tmux.awaitText("EXIT=", KEY);
            assertThat(after).contains("EXIT=143").doesNotContain(" Layers 1/3");
            assertThat(modes(after)).contains("icanon", "echo", "isig").doesNotContain("-icanon", "-echo", "-isig");
        }
    }

    private static String modes(String screen) {
        return screen.lines().dropWhile(l -> !l.startsWith("EXIT=")).skip(1).findFirst().orElse("");
    }

    @Test
    void withoutATerminalTheJarExitsTwoWithOneLine() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "explore", archive.toString())
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(ExitCodes.USAGE);
        assertThat(out).isEmpty();
        assertThat(err.lines()).hasSize(1);
        assertThat(err).startsWith("layerlens: explore needs a terminal");
        assertThat(Files.exists(archive)).isTrue();
    }
}
