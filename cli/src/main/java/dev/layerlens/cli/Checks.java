package dev.layerlens.cli;

import dev.layerlens.core.analysis.ImageCheck;
import dev.layerlens.core.analysis.grade.ReadinessChecks;
import dev.layerlens.core.analysis.secrets.Disclosure;
import dev.layerlens.core.analysis.secrets.SecretScanOptions;
import dev.layerlens.core.analysis.secrets.SecretsCheck;
import java.util.ArrayList;
import java.util.List;

/** The checks {@code analyze} runs; each run gets fresh instances. */
final class Checks {
    private Checks() {
    }

    /**
     * @param disclosure whether findings may show secrets in clear ({@code --show-secrets})
     * @param secrets    how far the secrets audit reads ({@code --no-file-secrets})
     */
    static List<ImageCheck> all(Disclosure disclosure, SecretScanOptions secrets) {
        List<ImageCheck> checks = new ArrayList<>();
        checks.add(new SecretsCheck(secrets, disclosure));
        checks.addAll(ReadinessChecks.create(disclosure::text));
        return checks;
    }
}
