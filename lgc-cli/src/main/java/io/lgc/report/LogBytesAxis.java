package io.lgc.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A horizontal log axis of byte counts with ticks at round sizes — 1, 2 and 5 times a power of ten
 * over a narrow range, powers of ten over a wide one — instead of LogAxis's evenly spaced exponents,
 * which land on sizes like "7.9 KB" and "13 KB".
 */
final class LogBytesAxis extends LogAxis {
    private static final double[] ROUND = {1, 2, 5};
    /** Beyond this many decades, 2× and 5× ticks would crowd the axis. */
    private static final double MAX_DECADES_FOR_1_2_5 = 3;

    LogBytesAxis(String label) {
        super(label);
        setSmallestValue(1);
        setNumberFormatOverride(Bytes.FORMAT);
    }

    /** Round sizes within [lower, upper]. */
    static List<Double> roundValues(double lower, double upper) {
        List<Double> out = new ArrayList<>();
        if (!(lower > 0) || !(upper > lower)) {
            return out;
        }
        boolean fine = Math.log10(upper / lower) <= MAX_DECADES_FOR_1_2_5;
        for (int e = (int) Math.floor(Math.log10(lower)); e <= (int) Math.ceil(Math.log10(upper)); e++) {
            for (double m : fine ? ROUND : new double[] {1}) {
                double v = m * Math.pow(10, e);
                if (v >= lower && v <= upper) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected List refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        List<NumberTick> ticks = new ArrayList<>();
        for (double v : roundValues(getLowerBound(), getUpperBound())) {
            ticks.add(new NumberTick(TickType.MAJOR, v, Bytes.human(v), TextAnchor.TOP_CENTER, TextAnchor.CENTER, 0));
        }
        return ticks.isEmpty() ? super.refreshTicksHorizontal(g2, dataArea, edge) : ticks;
    }
}
