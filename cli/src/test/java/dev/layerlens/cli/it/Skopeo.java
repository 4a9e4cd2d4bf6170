package dev.layerlens.cli.it;

import static dev.layerlens.cli.it.Prerequisites.need;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code skopeo copy} into the test's registries (plain HTTP on 127.0.0.1). */
final class Skopeo {
    private Skopeo() {
    }

    static Path binary() {
        Path skopeo = Command.which("skopeo");
        need(skopeo != null, "skopeo is missing (apt-get install skopeo)");
        return skopeo;
    }

    /**
     * Copies {@code source} (e.g. {@code oci:DIR:TAG}) to {@code docker://DEST}.
     *
     * @param credentials {@code USER:PASSWORD} for the registry, or null
     * @param options     more skopeo options ({@code --all}, {@code --dest-compress-format zstd})
     */
    static void copy(String source, String dest, String credentials, String... options) {
        List<String> argv = new ArrayList<>(List.of(binary().toString(), "copy", "-q", "--dest-tls-verify=false"));
        if (credentials != null) {
            argv.add("--dest-creds");
            argv.add(credentials);
        }
        argv.addAll(List.of(options));
        argv.add(source);
        argv.add("docker://" + dest);
        Command.run(argv, Map.of(), Duration.ofMinutes(5)).orThrow();
    }
}
