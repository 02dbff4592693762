package io.lgc.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * A confusion matrix as a heatmap: true classes down, predicted classes across, each cell shaded
 * (and labelled) by the share of its true class, so classes of different sizes compare fairly.
 */
final class ConfusionChart {
    /** Cells beyond this many classes get no numbers: they would not fit. */
    private static final int MAX_LABELLED = 20;

    private ConfusionChart() {
    }

    /** Rows scaled to sum to 1 (rows of zeros stay zero). */
    static double[][] rowShares(double[][] counts) {
        double[][] out = new double[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            double sum = 0;
            for (double v : counts[i]) {
                sum += v;
            }
            out[i] = new double[counts[i].length];
            for (int j = 0; j < counts[i].length; j++) {
                out[i][j] = sum > 0 ? counts[i][j] / sum : 0;
            }
        }
        return out;
    }

    static JFreeChart chart(double[][] counts, List<String> names) {
        int n = counts.length;
        double[][] share = rowShares(counts);
        double[] x = new double[n * n];
        double[] y = new double[n * n];
        double[] z = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                x[i * n + j] = j;
                y[i * n + j] = i;
                z[i * n + j] = share[i][j];
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("share", new double[][] {x, y, z});
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(new Blues());
        String[] labels = names.toArray(String[]::new);
        SymbolAxis predicted = new SymbolAxis("predicted class", labels);
        predicted.setVerticalTickLabels(true);
        predicted.setGridBandsVisible(false);
        SymbolAxis truth = new SymbolAxis("true class", labels);
        truth.setInverted(true); // first class at the top, as the matrix is printed
        truth.setGridBandsVisible(false);
        XYPlot plot = new XYPlot(data, predicted, truth, renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        if (n <= MAX_LABELLED) {
            Font font = new Font(Font.SANS_SERIF, Font.PLAIN, n <= 10 ? 12 : 10);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    XYTextAnnotation label = new XYTextAnnotation(
                            String.format(Locale.ROOT, "%.0f", 100 * share[i][j]), j, i);
                    label.setFont(font);
                    label.setPaint(share[i][j] > 0.55 ? Color.WHITE : ChartStyle.INK);
                    plot.addAnnotation(label);
                }
            }
        }
        JFreeChart chart = ChartStyle.apply(new JFreeChart(null, ChartStyle.TITLE, plot, false));
        plot.setOutlinePaint(Color.WHITE);
        return chart;
    }

    /** White to dark blue over [0, 1], like matplotlib's "Blues". */
    static final class Blues implements PaintScale {
        private static final Color LOW = new Color(0xf7fbff);
        private static final Color HIGH = new Color(0x08306b);

        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return 1;
        }

        @Override
        public Paint getPaint(double value) {
            double t = Double.isFinite(value) ? Math.max(0, Math.min(1, value)) : 0;
            t = Math.sqrt(t); // small confusions (a few %) should still be visible
            return new Color(mix(LOW.getRed(), HIGH.getRed(), t), mix(LOW.getGreen(), HIGH.getGreen(), t),
                    mix(LOW.getBlue(), HIGH.getBlue(), t));
        }

        private static int mix(int a, int b, double t) {
            return (int) Math.round(a + (b - a) * t);
        }
    }
}
