package dev.layerlens.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayoutTest {

    @Test
    void at80x24EveryPaneHasRoom() {
        Layout layout = Layout.of(new TerminalSize(80, 24), 14, 3, 6);
        assertThat(layout.tooSmall()).isFalse();
        assertThat(layout.layers().height()).as("title, header and six layers").isEqualTo(8);
        assertThat(layout.details().height()).isEqualTo(8);
        assertThat(layout.summary().height()).isEqualTo(7);
        assertThat(layout.files().width()).isEqualTo(39);
        assertThat(layout.files().height() + layout.findings().height()).isEqualTo(23);
        assertThat(layout.status().row()).isEqualTo(23);
    }

    @Test
    void theSummaryGetsARowForEachLineUpToAThirdOfTheScreen() {
        Layout graded = Layout.of(new TerminalSize(80, 24), 14, 3, 7);
        assertThat(graded.summary().height()).as("at 80x24: the title and the grade's line too").isEqualTo(8);
        assertThat(graded.layers().height() + graded.details().height()).isEqualTo(15);
        assertThat(Layout.of(new TerminalSize(120, 60), 14, 3, 7).summary().height()).isEqualTo(8);
        assertThat(Layout.of(new TerminalSize(80, 10), 14, 3, 7).summary().height()).as("a third of 9 rows").isEqualTo(3);
    }

    @Test
    void panesStayInsideTheScreenAndApartAtEverySize() {
        for (int w = 1; w <= 220; w += 3) {
            for (int h = 1; h <= 80; h += 2) {
                for (int layers : new int[] {0, 1, 14, 300}) {
                    Layout layout = Layout.of(new TerminalSize(w, h), layers, layers / 2, 7);
                    if (layout.tooSmall()) {
                        assertThat(w < Layout.MIN_WIDTH || h < Layout.MIN_HEIGHT).isTrue();
                        continue;
                    }
                    List<Rect> panes = List.of(layout.layers(), layout.details(), layout.summary(), layout.files(),
                            layout.findings(), layout.separator(), layout.status());
                    for (Rect r : panes) {
                        assertThat(r.col() + r.width()).as("%dx%d %s", w, h, r).isLessThanOrEqualTo(w);
                        assertThat(r.row() + r.height()).as("%dx%d %s", w, h, r).isLessThanOrEqualTo(h);
                    }
                    int cells = panes.stream().mapToInt(r -> r.width() * r.height()).sum();
                    assertThat(cells).as("%dx%d: the panes tile the screen", w, h).isEqualTo(w * h);
                    assertThat(layout.files().height()).as("%dx%d", w, h).isGreaterThanOrEqualTo(2);
                }
            }
        }
    }
}
