package dev.layerlens.core.analysis.removable;

import dev.layerlens.core.fs.FileNode;
import dev.layerlens.core.fs.FileTree;
import dev.layerlens.core.fs.FileVersion;
import dev.layerlens.core.fs.HideReason;
import dev.layerlens.core.layer.EntryType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every regular file of the image put in at most one removable category, so categories add up
 * without counting a byte twice. Per file, the most precise source wins: the dpkg package that owns
 * it, then the outermost claiming directory (a dev dependency's directory, a cache, {@code .git}, a
 * toolchain or docs directory, a test directory), then the toolchain-binary name rule.
 *
 * <p>Visible files are grouped by (category, root, the layer that shipped the visible copy): those
 * are the bytes the final image carries. Copies of cache files that a later layer deleted are
 * grouped by (category, root, shipping layer, deleting layer): the cache was cleaned too late, and
 * its bytes still ship in the earlier layer.
 */
final class RemovableFiles {

    /** Bytes still visible in the final filesystem. */
    record VisibleKey(RemovableCategory category, String root, int layer) {
    }

    /** Bytes of cache files that a later layer deleted. */
    record HiddenKey(RemovableCategory category, String root, int shippedBy, int hiddenBy) {
    }

    /** Bytes and files, with bytes per detail (package name, directory) for the evidence. */
    static final class Tally {
        long bytes;
        long files;
        final Map<String, Long> details = new TreeMap<>();

        void add(long size, String detail) {
            bytes += size;
            files++;
            if (detail != null) {
                details.merge(detail, size, Long::sum);
            }
        }
    }

    private final Map<VisibleKey, Tally> visible = new LinkedHashMap<>();
    private final Map<HiddenKey, Tally> hidden = new LinkedHashMap<>();
    private final long[] visibleBytesByLayer;

    private RemovableFiles(int layerCount) {
        visibleBytesByLayer = new long[layerCount];
    }

    Map<VisibleKey, Tally> visible() {
        return visible;
    }

    Map<HiddenKey, Tally> hidden() {
        return hidden;
    }

    /** Content bytes of all visible regular files, by the layer that shipped them (removable or not). */
    long[] visibleBytesByLayer() {
        return visibleBytesByLayer.clone();
    }

    private record Frame(FileNode node, String path, Claim claim) {
    }

    /**
     * @param owners       file path → claim of the dpkg package that owns it
     * @param claimedDirs  directory path → claim (development dependencies)
     */
    static RemovableFiles classify(FileTree tree, int layerCount, Map<String, Claim> owners, Map<String, Claim> claimedDirs) {
        RemovableFiles out = new RemovableFiles(layerCount);
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame(tree.root(), "", null));
        while (!stack.isEmpty()) {
            Frame frame = stack.pop();
            for (FileNode child : frame.node().children()) {
                String path = frame.path() + "/" + child.name();
                Claim claim = frame.claim();
                boolean directory = !child.children().isEmpty();
                if (claim == null && directory) {
                    claim = claimedDirs.get(path);
                    if (claim == null) {
                        claim = PathRules.directory(path, child.name());
                    }
                }
                out.account(child, path, frame.path(), claim, owners);
                if (directory) {
                    stack.push(new Frame(child, path, claim));
                }
            }
        }
        return out;
    }

    private void account(FileNode node, String path, String parentPath, Claim inherited, Map<String, Claim> owners) {
        for (FileVersion v : node.versions()) {
            if (v.type() != EntryType.FILE || v.contentBytes() == 0) {
                continue;
            }
            if (v.isVisible()) {
                visibleBytesByLayer[v.layer()] += v.contentBytes();
                Claim claim = owners.get(path);
                if (claim == null) {
                    claim = inherited != null ? inherited : PathRules.file(parentPath, node.name());
                }
                if (claim != null) {
                    visible.computeIfAbsent(new VisibleKey(claim.category(), claim.root(), v.layer()), k -> new Tally())
                            .add(v.contentBytes(), claim.detail());
                }
            } else if (inherited != null && inherited.category().cache()
                    && (v.hideReason() == HideReason.DELETED || v.hideReason() == HideReason.DIR_REMOVED)) {
                hidden.computeIfAbsent(new HiddenKey(inherited.category(), inherited.root(), v.layer(), v.hiddenBy()),
                        k -> new Tally()).add(v.contentBytes(), null);
            }
        }
    }
}
