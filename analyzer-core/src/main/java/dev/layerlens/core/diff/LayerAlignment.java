package dev.layerlens.core.diff;

import dev.layerlens.core.report.Report;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lines up two layer tables: the longest common subsequence of diffIDs anchors the rows as
 * {@code shared}; between two anchors, the layers left on both sides pair up in order as
 * {@code changed}, and the rest are {@code removed} or {@code added}.
 */
final class LayerAlignment {
    private LayerAlignment() {
    }

    static List<ImageDiff.LayerRow> align(List<Report.LayerReport> before, List<Report.LayerReport> after) {
        int n = before.size();
        int m = after.size();
        // lcs[i][j]: the longest common subsequence of before[i..] and after[j..]; images have tens of layers
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = same(before.get(i), after.get(j)) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<ImageDiff.LayerRow> rows = new ArrayList<>();
        List<Report.LayerReport> pendingBefore = new ArrayList<>();
        List<Report.LayerReport> pendingAfter = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && same(before.get(i), after.get(j)) && lcs[i][j] == lcs[i + 1][j + 1] + 1) {
                flush(pendingBefore, pendingAfter, rows);
                rows.add(new ImageDiff.LayerRow("shared", side(before.get(i)), side(after.get(j))));
                i++;
                j++;
            } else if (j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
                pendingBefore.add(before.get(i++));
            } else {
                pendingAfter.add(after.get(j++));
            }
        }
        flush(pendingBefore, pendingAfter, rows);
        return rows;
    }

    /** Layers of AFTER whose diffID BEFORE has too, each BEFORE layer matched at most once. */
    static ImageDiff.SharedLayers shared(List<Report.LayerReport> before, List<Report.LayerReport> after) {
        Map<String, Integer> available = new HashMap<>();
        for (Report.LayerReport layer : before) {
            available.merge(layer.diffId(), 1, Integer::sum);
        }
        int count = 0;
        long bytes = 0;
        for (Report.LayerReport layer : after) {
            Integer left = available.get(layer.diffId());
            if (left != null && left > 0) {
                available.put(layer.diffId(), left - 1);
                count++;
                bytes += layer.sizeBytes();
            }
        }
        int prefix = 0;
        while (prefix < before.size() && prefix < after.size() && same(before.get(prefix), after.get(prefix))) {
            prefix++;
        }
        return new ImageDiff.SharedLayers(count, bytes, prefix, before.size() - count, after.size() - count);
    }

    private static void flush(List<Report.LayerReport> pendingBefore, List<Report.LayerReport> pendingAfter,
                              List<ImageDiff.LayerRow> rows) {
        int paired = Math.min(pendingBefore.size(), pendingAfter.size());
        for (int k = 0; k < Math.max(pendingBefore.size(), pendingAfter.size()); k++) {
            if (k < paired) {
                rows.add(new ImageDiff.LayerRow("changed", side(pendingBefore.get(k)), side(pendingAfter.get(k))));
            } else if (k < pendingBefore.size()) {
                rows.add(new ImageDiff.LayerRow("removed", side(pendingBefore.get(k)), null));
            } else {
                rows.add(new ImageDiff.LayerRow("added", null, side(pendingAfter.get(k))));
            }
        }
        pendingBefore.clear();
        pendingAfter.clear();
    }

    private static boolean same(Report.LayerReport a, Report.LayerReport b) {
        return a.diffId().equals(b.diffId());
    }

    private static ImageDiff.LayerSide side(Report.LayerReport layer) {
        return new ImageDiff.LayerSide(layer.index(), layer.diffId(), layer.sizeBytes(), layer.compressedSizeBytes(),
                layer.command());
    }
}
