package dev.layerlens.core.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The squarified treemap layout (Bruls, Huizing, van Wijk 2000): sizes, largest first, are laid in
 * rows along the shorter side of the free rectangle; a row grows while that keeps its worst aspect
 * ratio from getting worse, then the free rectangle shrinks past it.
 */
final class Treemap {
    /** A rectangle; {@code index} is the item's position in the input. */
    record Cell(int index, double x, double y, double width, double height) {
    }

    private Treemap() {
    }

    /** Lays out {@code sizes} (largest first, all positive) in the rectangle; cells in input order. */
    static List<Cell> layout(List<Long> sizes, double x, double y, double width, double height) {
        List<Cell> cells = new ArrayList<>();
        double total = 0;
        for (long s : sizes) {
            total += s;
        }
        if (sizes.isEmpty() || total <= 0 || width <= 0 || height <= 0) {
            return cells;
        }
        double scale = width * height / total;
        List<Double> areas = new ArrayList<>();
        for (long s : sizes) {
            areas.add(s * scale);
        }
        double fx = x;
        double fy = y;
        double fw = width;
        double fh = height;
        int start = 0;
        while (start < areas.size()) {
            double side = Math.min(fw, fh);
            int end = start + 1;
            double rowSum = areas.get(start);
            while (end < areas.size()
                    && worst(areas, start, end + 1, rowSum + areas.get(end), side) <= worst(areas, start, end, rowSum, side)) {
                rowSum += areas.get(end);
                end++;
            }
            double thickness = rowSum / side;
            double along = 0;
            for (int i = start; i < end; i++) {
                double length = areas.get(i) / thickness;
                if (fw >= fh) {
                    // row is a column at the left of the free rectangle
                    cells.add(new Cell(i, fx, fy + along, thickness, length));
                } else {
                    cells.add(new Cell(i, fx + along, fy, length, thickness));
                }
                along += length;
            }
            if (fw >= fh) {
                fx += thickness;
                fw -= thickness;
            } else {
                fy += thickness;
                fh -= thickness;
            }
            start = end;
        }
        return cells;
    }

    /** The worst aspect ratio of a row of areas[from..to) summing to {@code sum}, laid along {@code side}. */
    private static double worst(List<Double> areas, int from, int to, double sum, double side) {
        double max = 0;
        double min = Double.MAX_VALUE;
        for (int i = from; i < to; i++) {
            max = Math.max(max, areas.get(i));
            min = Math.min(min, areas.get(i));
        }
        double s2 = side * side;
        double sum2 = sum * sum;
        return Math.max(s2 * max / sum2, sum2 / (s2 * min));
    }
}
