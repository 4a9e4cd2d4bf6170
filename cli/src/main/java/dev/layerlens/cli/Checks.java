package dev.layerlens.cli;

import dev.layerlens.core.analysis.ImageCheck;
import dev.layerlens.core.analysis.secrets.Disclosure;
import dev.layerlens.core.analysis.secrets.SecretScanOptions;
import dev.layerlens.core.analysis.secrets.SecretsCheck;
import java.util.List;

/** The checks {@code analyze} runs; each run gets fresh instances. */
final class Checks {
    private Checks() {
    }

    /** @param disclosure whether findings may show secrets in clear ({@code --show-secrets}) */
    static List<ImageCheck> all(Disclosure disclosure) {
        return List.of(new SecretsCheck(SecretScanOptions.defaults(), disclosure));
    }
}
