package dev.layerlens.core.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlens.core.report.Report;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Aligning layer tables by diffID when layers are inserted, dropped, replaced or repeated. */
class LayerAlignmentTest {
    private static List<Report.LayerReport> layers(String... diffIds) {
        List<Report.LayerReport> list = new ArrayList<>();
        for (int i = 0; i < diffIds.length; i++) {
            list.add(new Report.LayerReport(i, diffIds[i], diffIds[i], "step " + i, 100L * (i + 1), null, "none", 0, 0, 0,
                    0, 0, 0, 0, 0));
        }
        return list;
    }

    private static String rows(List<ImageDiff.LayerRow> rows) {
        StringBuilder s = new StringBuilder();
        for (ImageDiff.LayerRow r : rows) {
            s.append(r.status().charAt(0)).append(r.before() == null ? "-" : r.before().diffId())
                    .append(r.after() == null ? "-" : r.after().diffId()).append(' ');
        }
        return s.toString().trim();
    }

    @Test
    void insertedAndDroppedLayers() {
        assertThat(rows(LayerAlignment.align(layers("a", "b", "c"), layers("a", "x", "b", "c"))))
                .isEqualTo("saa a-x sbb scc");
        assertThat(rows(LayerAlignment.align(layers("a", "b", "c"), layers("a", "c")))).isEqualTo("saa rb- scc");
    }

    @Test
    void replacedLayersPairUpAndTheRestIsAddedOrRemoved() {
        assertThat(rows(LayerAlignment.align(layers("a", "b", "c", "d"), layers("a", "x", "y", "z", "w"))))
                .isEqualTo("saa cbx ccy cdz a-w");
        assertThat(rows(LayerAlignment.align(layers("a", "b", "c"), layers("x")))).isEqualTo("cax rb- rc-");
    }

    @Test
    void sharedCountsEachBeforeLayerOnce() {
        // "a" twice after, once before: one shared; the prefix stops at the first difference
        ImageDiff.SharedLayers shared = LayerAlignment.shared(layers("a", "b"), layers("a", "a", "b"));
        assertThat(shared).isEqualTo(new ImageDiff.SharedLayers(2, 100 + 300, 1, 0, 1));
    }
}
