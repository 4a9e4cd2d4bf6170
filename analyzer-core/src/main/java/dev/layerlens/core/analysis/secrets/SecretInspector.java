package dev.layerlens.core.analysis.secrets;

import dev.layerlens.core.image.Layer;
import dev.layerlens.core.layer.ContentInspector;
import dev.layerlens.core.layer.LayerEntry;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the leading bytes of every regular file of every layer (overwritten and deleted ones too:
 * the scan sees each layer as shipped) during the scan's one pass, and keeps what the rules find.
 * Binaries are skipped by content (a NUL byte among the first bytes, as git decides); a file is
 * read up to {@code maxFileBytes}. Runs on the scanning threads, one layer each.
 */
final class SecretInspector implements ContentInspector {
    /** How far into a file a NUL byte marks it as binary. */
    static final int SNIFF_BYTES = 8000;

    /** A rule's match in one file of one layer; {@code path} has no leading slash. */
    record FileMatch(int layer, String path, SecretMatch match) {
    }

    /** A file whose kind its content confirmed. */
    record ConfirmedKind(int layer, String path, SensitiveFile kind) {
    }

    private final SecretScanner scanner;
    private final SecretScanOptions options;
    private final ConcurrentLinkedQueue<FileMatch> matches = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<ConfirmedKind> kinds = new ConcurrentLinkedQueue<>();
    private final AtomicInteger kept = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong files = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong binaries = new AtomicLong();
    private final AtomicLong cut = new AtomicLong();

    SecretInspector(SecretScanner scanner, SecretScanOptions options) {
        this.scanner = scanner;
        this.options = options;
    }

    @Override
    public int bytesWanted(Layer layer, LayerEntry entry) {
        return (int) Math.min(entry.size(), options.maxFileBytes());
    }

    @Override
    public void inspect(Layer layer, LayerEntry entry, byte[] content, int length) {
        files.incrementAndGet();
        bytes.addAndGet(length);
        if (entry.size() > options.maxFileBytes()) {
            cut.incrementAndGet();
        }
        SensitiveFile kind = SensitiveFile.of(entry.path());
        if (kind != null && kind.needsContent() && kind.confirmedBy(content, length)) {
            kinds.add(new ConfirmedKind(layer.index(), entry.path(), kind));
        }
        if (isBinary(content, length)) {
            binaries.incrementAndGet();
            return;
        }
        for (SecretMatch match : scanner.scan(content, length)) {
            if (kept.incrementAndGet() <= options.maxMatches()) {
                matches.add(new FileMatch(layer.index(), entry.path(), match));
            } else {
                dropped.incrementAndGet();
            }
        }
    }

    /** Every file is read: the scanner streams layers rather than seeking from file to file. */
    @Override
    public boolean readsMostFiles() {
        return true;
    }

    static boolean isBinary(byte[] content, int length) {
        int end = Math.min(length, SNIFF_BYTES);
        for (int i = 0; i < end; i++) {
            if (content[i] == 0) {
                return true;
            }
        }
        return false;
    }

    List<FileMatch> matches() {
        return List.copyOf(matches);
    }

    List<ConfirmedKind> confirmedKinds() {
        return List.copyOf(kinds);
    }

    SecretScanStats stats() {
        return new SecretScanStats(options.fileContents(), files.get(), bytes.get(), binaries.get(), cut.get(),
                options.maxFileBytes(), dropped.get());
    }
}
