package dev.layerlens.core.layer;

import dev.layerlens.core.image.Digest;
import dev.layerlens.core.image.Layer;
import dev.layerlens.core.source.Compression;
import dev.layerlens.core.source.ImageReadException;
import dev.layerlens.core.source.ImageSource;
import dev.layerlens.core.source.LayerBlob;
import dev.layerlens.core.source.LayerDelivery;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * Reads each layer once: sniffs its compression, walks its tar entries, and checks the blob digest
 * and diffID while the bytes pass. Layers are scanned in parallel; results come back in layer order.
 */
public final class LayerScanner {
    private static final int BUFFER = 256 * 1024;

    private final ScanOptions options;
    private final List<ContentInspector> inspectors;
    private final ScanProgress progress;

    public LayerScanner(ScanOptions options, List<ContentInspector> inspectors, ScanProgress progress) {
        this.options = options;
        this.inspectors = List.copyOf(inspectors);
        this.progress = progress;
    }

    /** Scans every layer of {@code source}; fails on the first layer that cannot be read. */
    public List<LayerScan> scanAll(ImageSource source) throws ImageReadException {
        List<Layer> layers = source.image().layers();
        if (layers.isEmpty()) {
            return List.of();
        }
        Optional<LayerDelivery> delivery = source.layerDelivery();
        if (delivery.isPresent()) {
            return scanAsDelivered(layers, delivery.get());
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(options.threads(), layers.size())),
                runnable -> {
                    Thread t = new Thread(runnable, "layer-scanner");
                    t.setDaemon(true);
                    return t;
                });
        try {
            List<Future<LayerScan>> futures = new ArrayList<>(java.util.Collections.nCopies(layers.size(), null));
            // Largest first, so that one big layer does not start last and run alone.
            IntStream.range(0, layers.size()).boxed()
                    .sorted(Comparator.comparingLong((Integer i) -> sizeHint(layers.get(i))).reversed())
                    .forEach(i -> futures.set(i, pool.submit(() -> scan(layers.get(i), source.layer(i)))));
            List<LayerScan> scans = new ArrayList<>();
            for (Future<LayerScan> future : futures) {
                scans.add(await(future));
            }
            return scans;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Scans layers in the order the source hands them over, each in a thread of its own while the
     * source feeds it (so the source never waits for a busy pool); a failed scan stops the delivery
     * at the next layer.
     */
    private List<LayerScan> scanAsDelivered(List<Layer> layers, LayerDelivery delivery) throws ImageReadException {
        ExecutorService pool = Executors.newCachedThreadPool(runnable -> {
            Thread t = new Thread(runnable, "layer-scanner");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<LayerScan>> futures = new ArrayList<>(java.util.Collections.nCopies(layers.size(), null));
            try {
                delivery.deliver((index, blob) -> {
                    for (Future<LayerScan> done : futures) {
                        if (done != null && done.isDone()) {
                            await(done);
                        }
                    }
                    if (index < 0 || index >= layers.size() || futures.get(index) != null) {
                        throw new IllegalStateException("layer " + index + " delivered twice or out of range");
                    }
                    futures.set(index, pool.submit(() -> scan(layers.get(index), blob)));
                });
            } catch (ImageReadException e) {
                // a scan's own failure explains more than the delivery it interrupted
                for (Future<LayerScan> future : futures) {
                    if (future != null) {
                        await(future);
                    }
                }
                throw e;
            }
            List<LayerScan> scans = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                if (futures.get(i) == null) {
                    throw new IllegalStateException("the source never delivered layer " + i);
                }
                scans.add(await(futures.get(i)));
            }
            return scans;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long sizeHint(Layer layer) {
        return layer.blobSize() == null ? 0 : layer.blobSize();
    }

    private static LayerScan await(Future<LayerScan> future) throws ImageReadException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ImageReadException ire) {
                throw ire;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageReadException("interrupted while reading layers");
        }
    }

    /** Scans one layer. */
    public LayerScan scan(Layer layer, LayerBlob blob) throws ImageReadException {
        try {
            if (options.maySeek() && inspectors.stream().noneMatch(ContentInspector::readsMostFiles)) {
                Optional<SeekableByteChannel> channel = blob.openChannel();
                if (channel.isPresent()) {
                    try (SeekableByteChannel ch = channel.get()) {
                        if (sniff(ch) == Compression.NONE) {
                            return seekScan(layer, blob, ch);
                        }
                    }
                }
            }
            return streamScan(layer, blob);
        } catch (IOException e) {
            throw new ImageReadException(describe(layer) + " could not be read: " + e.getMessage(), e);
        } finally {
            progress.layerDone(layer.index());
        }
    }

    private static Compression sniff(SeekableByteChannel ch) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(Compression.MAGIC_LENGTH);
        while (head.hasRemaining() && ch.read(head) > 0) {
            // fill the magic bytes
        }
        ch.position(0);
        return Compression.sniff(head.array(), head.position());
    }

    /** Uncompressed layer in a local file, nothing to verify: read headers, seek past contents. */
    private LayerScan seekScan(Layer layer, LayerBlob blob, SeekableByteChannel ch) throws IOException, ImageReadException {
        long length = ch.size();
        Entries entries = new Entries();
        ContentReader reader = new ContentReader(layer);
        try (TarFile tar = openTar(layer, ch)) {
            for (TarArchiveEntry e : tar.getEntries()) {
                if (e.isFile() && e.getDataOffset() + e.getSize() > length) {
                    throw new ImageReadException(describe(layer) + " is truncated at byte " + length);
                }
                if (reader.wanted(entries.add(e)) > 0) {
                    try (InputStream content = tar.getInputStream(e)) {
                        reader.inspect(content);
                    }
                }
            }
        }
        progress.bytesRead(length);
        Digest digest = blob.expectedDigest().orElse(layer.diffId());
        return new LayerScan(layer.index(), entries.list, entries.size, -1, length, Compression.NONE, digest, false);
    }

    private static TarFile openTar(Layer layer, SeekableByteChannel ch) throws ImageReadException {
        try {
            return new TarFile(ch);
        } catch (IOException e) {
            throw readFailure(layer, Compression.NONE, -1, -1, e);
        }
    }

    private LayerScan streamScan(Layer layer, LayerBlob blob) throws IOException, ImageReadException {
        boolean verify = options.verifyDigests();
        Digest expectedBlob = blob.expectedDigest().orElse(null);
        MessageDigest blobHasher = expectedBlob != null ? expectedBlob.newHasher() : Digest.newSha256();
        try (InputStream stored = blob.open()) {
            HashingInputStream raw = new HashingInputStream(new ProgressInputStream(stored, progress), blobHasher);
            BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER);
            buffered.mark(Compression.MAGIC_LENGTH);
            byte[] head = buffered.readNBytes(Compression.MAGIC_LENGTH);
            buffered.reset();
            Compression compression = Compression.sniff(head, head.length);
            boolean tarIsBlob = compression == Compression.NONE && blobHasher.getAlgorithm().equals("SHA-256");
            HashingInputStream tarStream = new HashingInputStream(decompress(compression, buffered, layer),
                    tarIsBlob ? null : Digest.newSha256());
            Entries entries = new Entries();
            try {
                TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(tarStream, BUFFER));
                ContentReader reader = new ContentReader(layer);
                byte[] rest = new byte[BUFFER];
                ContentChecksum checksum = options.hashContents() ? new ContentChecksum() : null;
                InputStream content = checksum == null ? tar : checksum.wrap(tar);
                for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                    LayerEntry entry = entries.add(e);
                    if (checksum != null) {
                        checksum.reset();
                    }
                    if (reader.wanted(entry) > 0) {
                        reader.inspect(content);
                    }
                    // read the rest here, through one buffer: the library's skip allocates per entry
                    while (content.read(rest) >= 0) {
                        // hashed by tarStream below
                    }
                    if (checksum != null && entry != null && entry.type() == EntryType.FILE) {
                        entries.replaceLast(entry.withContentHash(checksum.value()));
                    }
                }
                tarStream.drain();
                raw.drain();
            } catch (IOException e) {
                throw readFailure(layer, compression, raw.count(), tarStream.count(), e);
            }
            Digest blobDigest = digestOf(blobHasher);
            Digest tarDigest = tarIsBlob ? blobDigest : digestOf(tarStream.digest());
            if (verify) {
                check(layer, blob, raw.count(), blobDigest, tarDigest);
            }
            return new LayerScan(layer.index(), entries.list, entries.size, tarStream.count(), raw.count(), compression,
                    blobDigest, verify);
        }
    }

    /** Hands wanted files' leading bytes to the inspectors; one reusable buffer per layer. */
    private final class ContentReader {
        private final Layer layer;
        private byte[] buffer = new byte[0];
        private LayerEntry entry;
        private int wanted;

        ContentReader(Layer layer) {
            this.layer = layer;
        }

        /** How many bytes of {@code candidate} (null: an entry that carries nothing) are wanted. */
        int wanted(LayerEntry candidate) {
            wanted = 0;
            entry = candidate;
            if (inspectors.isEmpty() || entry == null || entry.type() != EntryType.FILE) {
                return 0;
            }
            for (ContentInspector inspector : inspectors) {
                wanted = Math.max(wanted, inspector.bytesWanted(layer, entry));
            }
            wanted = (int) Math.min(wanted, entry.size());
            return wanted;
        }

        void inspect(InputStream content) throws IOException {
            if (buffer.length < wanted) {
                buffer = new byte[wanted];
            }
            int length = content.readNBytes(buffer, 0, wanted);
            for (ContentInspector inspector : inspectors) {
                int asked = inspector.bytesWanted(layer, entry);
                if (asked > 0) {
                    inspector.inspect(layer, entry, buffer, Math.min(asked, length));
                }
            }
        }
    }

    /** The entries of a layer and dive's layer size (every entry's size field, markers included). */
    private static final class Entries {
        final List<LayerEntry> list = new ArrayList<>();
        long size;

        /** Records a tar entry; returns its decoded form, or null when it carries nothing. */
        LayerEntry add(TarArchiveEntry e) {
            String path = TarEntries.pathOf(e);
            if (path.isEmpty()) {
                return null;
            }
            size += e.getSize();
            LayerEntry entry = TarEntries.decode(e, path);
            if (entry != null) {
                list.add(entry);
            }
            return entry;
        }

        void replaceLast(LayerEntry entry) {
            list.set(list.size() - 1, entry);
        }
    }

    private InputStream decompress(Compression compression, InputStream in, Layer layer) throws ImageReadException {
        try {
            InputStream decompressed = compression.decompress(in);
            return compression == Compression.NONE ? decompressed : new DecompressionGuard(decompressed);
        } catch (IOException e) {
            throw new ImageReadException(describe(layer) + " is corrupt: its " + compression.displayName()
                    + " header is invalid (" + e.getMessage() + ")");
        }
    }

    private static void check(Layer layer, LayerBlob blob, long blobBytes, Digest blobDigest, Digest tarDigest)
            throws ImageReadException {
        Optional<Long> expectedSize = blob.expectedSize();
        if (expectedSize.isPresent() && expectedSize.get() != blobBytes) {
            throw new ImageReadException(describe(layer) + " is " + blobBytes + " bytes but should be " + expectedSize.get());
        }
        Optional<Digest> expected = blob.expectedDigest();
        if (expected.isPresent() && !expected.get().equals(blobDigest)) {
            throw new ImageReadException(describe(layer) + " does not match its digest (its content hashes to "
                    + blobDigest.shortForm() + ")");
        }
        if (layer.diffId().algorithm().equals("sha256") && !layer.diffId().equals(tarDigest)) {
            throw new ImageReadException(describe(layer) + " is corrupt or truncated: its tar hashes to "
                    + tarDigest.shortForm() + ", not to its diffID");
        }
    }

    private static ImageReadException readFailure(Layer layer, Compression compression, long blobBytes, long tarBytes,
                                                  IOException e) {
        IOException cause = e instanceof DecompressionException ? (IOException) e.getCause() : e;
        String message = String.valueOf(cause.getMessage());
        if (cause instanceof EOFException || message.toLowerCase(java.util.Locale.ROOT).contains("truncated")
                || message.contains("Unexpected end")) {
            return new ImageReadException(describe(layer) + " is truncated" + at(blobBytes, ""), e);
        }
        if (e instanceof DecompressionException) {
            return new ImageReadException(describe(layer) + " is corrupt: invalid " + compression.displayName()
                    + " data" + at(blobBytes, "") + " (" + message + ")", e);
        }
        return new ImageReadException(describe(layer) + " is corrupt: " + message + at(tarBytes, " of its tar"), e);
    }

    /** " at byte N…", or nothing when the position is unknown (a seeking read). */
    private static String at(long position, String suffix) {
        return position < 0 ? "" : " at byte " + position + suffix;
    }

    static String describe(Layer layer) {
        Digest id = layer.digest() != null ? layer.digest() : layer.diffId();
        return "layer " + layer.index() + " (" + id.shortForm() + ")";
    }

    private static Digest digestOf(MessageDigest hasher) {
        String algorithm = hasher.getAlgorithm().equals("SHA-512") ? "sha512" : "sha256";
        return new Digest(algorithm, HexFormat.of().formatHex(hasher.digest()));
    }

    /** Marks failures of the decompressor, so they are not mistaken for a broken tar. */
    private static final class DecompressionException extends IOException {
        DecompressionException(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private static final class DecompressionGuard extends FilterInputStream {
        DecompressionGuard(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return in.read();
            } catch (IOException e) {
                throw new DecompressionException(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (IOException e) {
                throw new DecompressionException(e);
            }
        }
    }

    /** Reports stored bytes as they are read. */
    private static final class ProgressInputStream extends FilterInputStream {
        private final ScanProgress progress;

        ProgressInputStream(InputStream in, ScanProgress progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                progress.bytesRead(n);
            }
            return n;
        }
    }
}
