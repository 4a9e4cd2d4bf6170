package dev.layerlens.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The squarified layout: areas proportional to sizes, cells inside the rectangle, none overlapping. */
class TreemapTest {
    @Test
    void areasAreProportionalAndCellsTileTheRectangle() {
        List<Long> sizes = List.of(6L, 6L, 4L, 3L, 2L, 2L, 1L);
        List<Treemap.Cell> cells = Treemap.layout(sizes, 10, 20, 600, 400);
        assertThat(cells).hasSize(sizes.size());
        double total = 24;
        double area = 0;
        for (Treemap.Cell c : cells) {
            assertThat(c.width() * c.height()).isCloseTo(600 * 400 * sizes.get(c.index()) / total, within(1e-6));
            assertThat(c.x()).isGreaterThanOrEqualTo(10 - 1e-9);
            assertThat(c.y()).isGreaterThanOrEqualTo(20 - 1e-9);
            assertThat(c.x() + c.width()).isLessThanOrEqualTo(610 + 1e-6);
            assertThat(c.y() + c.height()).isLessThanOrEqualTo(420 + 1e-6);
            area += c.width() * c.height();
        }
        assertThat(area).isCloseTo(600 * 400, within(1e-6));
        for (Treemap.Cell a : cells) {
            for (Treemap.Cell b : cells) {
                if (a != b) {
                    double overlapX = Math.min(a.x() + a.width(), b.x() + b.width()) - Math.max(a.x(), b.x());
                    double overlapY = Math.min(a.y() + a.height(), b.y() + b.height()) - Math.max(a.y(), b.y());
                    assertThat(overlapX <= 1e-6 || overlapY <= 1e-6).as("%s overlaps %s", a, b).isTrue();
                }
            }
        }
    }

    @Test
    void squarifiedRowsKeepAspectRatiosNearOne() {
        // Bruls et al.'s example: 6,6,4,3,2,2,1 in 6×4 gives rows {6,6}, {4,3}, {2,2,1}; worst ratio 2.25 (the 1)
        List<Treemap.Cell> cells = Treemap.layout(List.of(6L, 6L, 4L, 3L, 2L, 2L, 1L), 0, 0, 6, 4);
        assertThat(cells.get(0).width()).isCloseTo(3, within(1e-9));
        assertThat(cells.get(0).height()).isCloseTo(2, within(1e-9));
        assertThat(cells.get(1).y()).isCloseTo(2, within(1e-9));
        for (Treemap.Cell c : cells) {
            double ratio = Math.max(c.width() / c.height(), c.height() / c.width());
            assertThat(ratio).isLessThan(3);
        }
    }

    @Test
    void nothingToDrawGivesNoCells() {
        assertThat(Treemap.layout(List.of(), 0, 0, 10, 10)).isEmpty();
        assertThat(Treemap.layout(List.of(0L), 0, 0, 10, 10)).isEmpty();
    }
}
