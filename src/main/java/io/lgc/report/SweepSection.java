package io.lgc.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Accuracy against bytes on a log axis: one line per measured method, published numbers as
 * unconnected diamonds, and this artifact as a star when both its size and its accuracy are known.
 */
final class SweepSection {
    private SweepSection() {
    }

    static Optional<Section> build(ReportInputs in, Figures figures) {
        if (in.sweep().isEmpty()) {
            return Optional.empty();
        }
        Sweep sweep = in.sweep().get();
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        int series = 0;
        for (Map.Entry<String, List<Sweep.Point>> m : byMethod(sweep.points()).entrySet()) {
            data.addSeries(series(m.getKey(), m.getValue()));
            renderer.setSeriesPaint(series, ChartStyle.color(series));
            renderer.setSeriesStroke(series, new BasicStroke(2f));
            renderer.setSeriesShape(series, new Ellipse2D.Double(-4, -4, 8, 8));
            series++;
        }
        for (Map.Entry<String, List<Sweep.Point>> m : byMethod(sweep.published()).entrySet()) {
            data.addSeries(series(m.getKey() + " (published)", m.getValue()));
            renderer.setSeriesPaint(series, ChartStyle.color(series));
            renderer.setSeriesLinesVisible(series, false);
            renderer.setSeriesShape(series, diamond(6));
            series++;
        }
        boolean thisFile = in.partSizes().isPresent() && in.evaluation().isPresent();
        if (thisFile) {
            XYSeries self = new XYSeries("this artifact", false, true);
            self.add(in.partSizes().get().totalBytes(), 100 * in.evaluation().get().accuracy());
            data.addSeries(self);
            renderer.setSeriesPaint(series, Color.BLACK);
            renderer.setSeriesLinesVisible(series, false);
            renderer.setSeriesShape(series, star(9));
        }
        LogBytesAxis bytes = new LogBytesAxis("artifact size (log scale)");
        NumberAxis accuracy = new NumberAxis("test accuracy (%)");
        accuracy.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, bytes, accuracy, renderer);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD); // this artifact's star on top
        JFreeChart chart = ChartStyle.apply(new JFreeChart(null, ChartStyle.TITLE, plot, true));
        int shown = sweep.points().size() + sweep.published().size();
        Figure f = figures.chart("rate-accuracy.png", chart, 1000, 620,
                "Line chart of test accuracy against artifact size in bytes on a logarithmic axis, " + shown
                        + " points, one series per method",
                "Rate–accuracy: test accuracy of a classifier trained on what each method ships, against the bytes "
                        + "it ships (log scale). Lines join one method's measurements; diamonds are numbers quoted "
                        + "from papers" + (thisFile ? "; the star is this artifact." : ".")
                        + (sweep.skipped() == 0 ? "" : sweep.skipped() == 1
                                ? " 1 entry of " + sweep.source() + " had no usable size or accuracy and is not drawn."
                                : " " + sweep.skipped() + " entries of " + sweep.source()
                                        + " had no usable size or accuracy and are not drawn."));
        StringBuilder body = new StringBuilder(Html.figure(f));
        body.append("<details><summary>The numbers (").append(shown).append(" points from ")
                .append(Html.escape(sweep.source())).append(")</summary>\n").append(table(sweep)).append("</details>\n");
        return Optional.of(new Section("sweep", "Accuracy for the bytes", body.toString()));
    }

    static Map<String, List<Sweep.Point>> byMethod(List<Sweep.Point> points) {
        Map<String, List<Sweep.Point>> out = new LinkedHashMap<>();
        for (Sweep.Point p : points) {
            out.computeIfAbsent(p.method(), k -> new ArrayList<>()).add(p);
        }
        out.values().forEach(list -> list.sort(Comparator.comparingLong(Sweep.Point::bytes)));
        return out;
    }

    private static XYSeries series(String name, List<Sweep.Point> points) {
        XYSeries s = new XYSeries(name, false, true);
        for (Sweep.Point p : points) {
            s.add(p.bytes(), 100 * p.accuracy());
        }
        return s;
    }

    private static String table(Sweep sweep) {
        List<List<String>> rows = new ArrayList<>();
        for (Sweep.Point p : sweep.points()) {
            rows.add(row(p, "measured"));
        }
        for (Sweep.Point p : sweep.published()) {
            rows.add(row(p, "published"));
        }
        return Html.table(List.of("method", "kind", "bytes", "accuracy", "note"), rows, "numbers");
    }

    private static List<String> row(Sweep.Point p, String kind) {
        return List.of(Html.escape(p.method()), kind, Html.escape(Bytes.exact(p.bytes()) + " (" + Bytes.human(p.bytes())
                + ")"), Html.escape(String.format(Locale.ROOT, "%.2f %%", 100 * p.accuracy())), Html.escape(p.note()));
    }

    private static Shape diamond(double r) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(0, -r);
        p.lineTo(r, 0);
        p.lineTo(0, r);
        p.lineTo(-r, 0);
        p.closePath();
        return p;
    }

    private static Shape star(double r) {
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double radius = i % 2 == 0 ? r : r * 0.45;
            double a = -Math.PI / 2 + i * Math.PI / 5;
            if (i == 0) {
                p.moveTo(radius * Math.cos(a), radius * Math.sin(a));
            } else {
                p.lineTo(radius * Math.cos(a), radius * Math.sin(a));
            }
        }
        p.closePath();
        return p;
    }
}
