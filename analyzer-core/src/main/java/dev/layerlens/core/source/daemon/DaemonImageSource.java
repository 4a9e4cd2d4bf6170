package dev.layerlens.core.source.daemon;

import dev.layerlens.core.image.Digest;
import dev.layerlens.core.image.Image;
import dev.layerlens.core.image.ImageConfig;
import dev.layerlens.core.image.json.ConfigTranslator;
import dev.layerlens.core.image.json.WireJson;
import dev.layerlens.core.source.ImageAssembler;
import dev.layerlens.core.source.ImageReadException;
import dev.layerlens.core.source.ImageSource;
import dev.layerlens.core.source.LayerBlob;
import dev.layerlens.core.source.LayerDelivery;
import dev.layerlens.core.source.LayerDescriptor;
import dev.layerlens.core.source.SourceOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An image in a daemon. Its description comes at once from inspect and history; its layers come
 * from one pass over the daemon's save stream, each handed to the scanner as it passes (see
 * {@link SaveStreamReader}), and the config read from the same stream then replaces the
 * description with the exact one.
 */
public final class DaemonImageSource implements ImageSource, LayerDelivery {
    private final String reference;
    private final DaemonKind kind;
    private final String daemon;
    private final InspectedImage inspected;
    private final SaveOpener opener;
    private final SourceOptions options;
    private final AutoCloseable client;
    private volatile Image image;
    private Path spillDir;
    private boolean delivered;
    private SaveStreamReader.Result result;

    /**
     * @param daemon describes the daemon for messages
     * @param client closed with the source (the daemon connection), or null
     */
    DaemonImageSource(String reference, DaemonKind kind, String daemon, InspectedImage inspected, SaveOpener opener,
                      SourceOptions options, AutoCloseable client) throws ImageReadException {
        this.reference = reference;
        this.kind = kind;
        this.daemon = daemon;
        this.inspected = inspected;
        this.opener = opener;
        this.options = options;
        this.client = client;
        List<LayerDescriptor> unknown = new ArrayList<>();
        for (int i = 0; i < inspected.diffIds().size(); i++) {
            unknown.add(new LayerDescriptor(null, null, null));
        }
        requirePlatform(inspected.config());
        this.image = ImageAssembler.assemble(reference, kind.transport(), null, inspected.id(), inspected.config(), unknown);
    }

    @Override
    public Image image() {
        return image;
    }

    /** Layers come only through {@link #deliver}: a save stream cannot be reopened at a layer. */
    @Override
    public LayerBlob layer(int index) {
        throw new IllegalStateException("the layers of a daemon's image are delivered in one pass of its save stream");
    }

    @Override
    public Optional<LayerDelivery> layerDelivery() {
        return Optional.of(this);
    }

    @Override
    public synchronized void deliver(Sink sink) throws ImageReadException {
        if (delivered) {
            throw new IllegalStateException("the save stream was read already");
        }
        delivered = true;
        String what = "the save stream of " + reference + " from " + daemon;
        try {
            spillDir = Files.createTempDirectory("layerlens-save-");
        } catch (IOException e) {
            throw new ImageReadException("cannot create a temporary directory: " + e.getMessage(), e);
        }
        InputStream save = opener.open();
        try {
            result = new SaveStreamReader(inspected.id(), inspected.diffIds(), spillDir, what).read(save, sink);
        } catch (ImageReadException | RuntimeException e) {
            opener.abort();
            throw e;
        }
        try {
            save.close();
        } catch (IOException e) {
            // every byte was read: a failing close changes nothing
        }
        ImageConfig config;
        try {
            config = ConfigTranslator.toImageConfig(result.config(), "the config " + result.configDigest().shortForm());
        } catch (WireJson.InvalidJsonException e) {
            throw new ImageReadException(what + ": " + e.getMessage());
        }
        if (!config.diffIds().equals(inspected.diffIds())) {
            throw new ImageReadException(what + ": the saved config lists other layers than the daemon described");
        }
        requirePlatform(config);
        Digest configDigest = result.configDigest();
        image = ImageAssembler.assemble(reference, kind.transport(), null, configDigest, config, result.layers());
    }

    /** How the last delivery went: layers streamed as they passed, and layers kept aside first. */
    Optional<SaveStreamReader.Result> deliveryResult() {
        return Optional.ofNullable(result);
    }

    /** How the save stream was read, once it was. */
    public Optional<SaveStatistics> saveStatistics() {
        return deliveryResult().map(r -> new SaveStatistics(r.streamed(), r.kept()));
    }

    private void requirePlatform(ImageConfig config) throws ImageReadException {
        if (options.platformRequested() && !options.platform().accepts(config.platform())) {
            throw new ImageReadException(daemon + " holds " + reference + " as a " + config.platform() + " image, not "
                    + options.platform());
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (client != null) {
                client.close();
            }
        } catch (Exception e) {
            // the connection goes with the process anyway
        } finally {
            deleteSpill();
        }
    }

    private void deleteSpill() throws IOException {
        if (spillDir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(spillDir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
