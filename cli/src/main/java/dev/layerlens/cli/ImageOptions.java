package dev.layerlens.cli;

import dev.layerlens.core.image.Platform;
import dev.layerlens.core.layer.ScanOptions;
import dev.layerlens.core.source.RemoteOptions;
import dev.layerlens.core.source.SourceOptions;
import dev.layerlens.core.source.SourceResolver;
import dev.layerlens.core.source.registry.Credentials;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import dev.layerlens.core.analysis.secrets.SecretScanOptions;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** How to find the image: shared by every command that reads one. */
final class ImageOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]", converter = PlatformConverter.class,
            description = "Platform to pick from a multi-platform image (default: the host's, ${sys:os.arch} → linux/amd64 style).")
    Platform platform;

    @Option(names = "--source", paramLabel = "KIND", completionCandidates = SourceKinds.class,
            description = "Read the image as this kind instead of sniffing: ${COMPLETION-CANDIDATES}.")
    String source;

    @Option(names = "--no-verify",
            description = "Do not hash layers to check blob digests and diffIDs (faster on uncompressed archives).")
    boolean noVerify;

    @Option(names = "--creds", paramLabel = "USER:PASSWORD", converter = CredentialsConverter.class,
            description = "Registry credentials (else those docker login stored). Visible to other users in the process list:"
                    + " prefer --creds-file.")
    Credentials creds;

    @Option(names = "--creds-file", paramLabel = "FILE", converter = CredentialsConverter.FromFile.class,
            description = "Read registry credentials (USER:PASSWORD on the first line) from FILE.")
    Credentials credsFile;

    @Option(names = "--insecure-registry", paramLabel = "HOST[:PORT]",
            description = "Reach this registry over plain HTTP (loopback registries always are). Repeatable.")
    List<String> insecureRegistries = new ArrayList<>();

    @Option(names = "--pull", description = "Let the daemon pull a docker-daemon:/podman: image it does not have.")
    boolean pull;

    @Option(names = "--no-file-secrets",
            description = "Do not read file contents for secrets (faster on large images); history, config and the"
                    + " names of sensitive files are still audited.")
    boolean noFileSecrets;

    SecretScanOptions secretScanOptions() {
        return secretScanOptions(SecretScanOptions.DEFAULT_MAX_FILE_BYTES);
    }

    /** @param maxFileBytes how much of each file the audit reads (the secrets command's --max-file-bytes) */
    SecretScanOptions secretScanOptions(int maxFileBytes) {
        return new SecretScanOptions(maxFileBytes, SecretScanOptions.DEFAULT_MAX_MATCHES, !noFileSecrets);
    }

    /**
     * Content checksums (for waste/layer-duplication) ride along with digest verification; --no-verify
     * turns both off so that uncompressed local layers can be read by seeking past file contents.
     */
    ScanOptions scanOptions() {
        return new ScanOptions(!noVerify, !noVerify, Runtime.getRuntime().availableProcessors());
    }

    SourceOptions sourceOptions() {
        if (creds != null && credsFile != null) {
            throw new CommandLine.ParameterException(command.commandLine(), "--creds and --creds-file exclude each other");
        }
        if (source != null && !SourceResolver.ALL_KINDS.contains(source)) {
            throw new CommandLine.ParameterException(command.commandLine(), "--source must be one of "
                    + String.join(", ", SourceResolver.ALL_KINDS) + ", not " + source);
        }
        Credentials credentials = creds != null ? creds : credsFile;
        return new SourceOptions(platform, source, new RemoteOptions(credentials, Set.copyOf(insecureRegistries), pull));
    }

    static final class SourceKinds extends ArrayList<String> {
        SourceKinds() {
            super(SourceResolver.ALL_KINDS);
        }
    }
}
