package io.lgc.report;

import io.lgc.artifact.container.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Accuracy against bytes on a log axis. Each measured method is a line through its best points
 * (no smaller point of the method is at least as accurate) with its other points as hollow dots, so
 * a grid of settings reads as a frontier; published numbers are unconnected diamonds, and one
 * highlighted point (this artifact) a star.
 */
public final class RateAccuracyChart {
    public static final int WIDTH = 1000;
    public static final int HEIGHT = 620;

    private RateAccuracyChart() {
    }

    /** Draws {@code sweep} to the PNG file {@code png}, written atomically. */
    public static void writePng(Sweep sweep, Path png) {
        BufferedImage image = build(sweep, Optional.empty()).createBufferedImage(WIDTH, HEIGHT,
                BufferedImage.TYPE_INT_RGB, null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", bytes)) {
                throw new IllegalStateException("no PNG writer in this Java runtime");
            }
            AtomicFiles.write(png, bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JFreeChart build(Sweep sweep, Optional<Sweep.Point> highlighted) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        int series = 0;
        int colour = 0;
        for (Map.Entry<String, List<Sweep.Point>> m : byMethod(sweep.points()).entrySet()) {
            List<Sweep.Point> best = frontier(m.getValue());
            data.addSeries(series(m.getKey(), best));
            renderer.setSeriesPaint(series, ChartStyle.color(colour));
            renderer.setSeriesStroke(series, new BasicStroke(2f));
            renderer.setSeriesShape(series, new Ellipse2D.Double(-4, -4, 8, 8));
            series++;
            List<Sweep.Point> others = new ArrayList<>(m.getValue());
            others.removeAll(best);
            if (!others.isEmpty()) {
                data.addSeries(series(m.getKey() + " (dominated)", others));
                renderer.setSeriesPaint(series, ChartStyle.color(colour));
                renderer.setSeriesLinesVisible(series, false);
                renderer.setSeriesShapesFilled(series, false);
                renderer.setSeriesShape(series, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
                renderer.setSeriesVisibleInLegend(series, false);
                series++;
            }
            colour++;
        }
        for (Map.Entry<String, List<Sweep.Point>> m : byMethod(sweep.published()).entrySet()) {
            data.addSeries(series(m.getKey() + " (published)", m.getValue()));
            renderer.setSeriesPaint(series, ChartStyle.color(colour++));
            renderer.setSeriesLinesVisible(series, false);
            renderer.setSeriesShape(series, diamond(6));
            series++;
        }
        if (highlighted.isPresent()) {
            XYSeries self = new XYSeries(highlighted.get().method(), false, true);
            self.add(highlighted.get().bytes(), 100 * highlighted.get().accuracy());
            data.addSeries(self);
            renderer.setSeriesPaint(series, Color.BLACK);
            renderer.setSeriesLinesVisible(series, false);
            renderer.setSeriesShape(series, star(9));
        }
        LogBytesAxis bytes = new LogBytesAxis("bytes shipped (log scale)");
        NumberAxis accuracy = new NumberAxis("test accuracy (%)");
        accuracy.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, bytes, accuracy, renderer);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD); // the highlighted star on top
        return ChartStyle.apply(new JFreeChart(null, ChartStyle.TITLE, plot, true));
    }

    static Map<String, List<Sweep.Point>> byMethod(List<Sweep.Point> points) {
        Map<String, List<Sweep.Point>> out = new LinkedHashMap<>();
        for (Sweep.Point p : points) {
            out.computeIfAbsent(p.method(), k -> new ArrayList<>()).add(p);
        }
        out.values().forEach(list -> list.sort(Comparator.comparingLong(Sweep.Point::bytes)));
        return out;
    }

    /** The points, by size, that are more accurate than every smaller point of the same method. */
    static List<Sweep.Point> frontier(List<Sweep.Point> points) {
        List<Sweep.Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingLong(Sweep.Point::bytes)
                .thenComparing(Comparator.comparingDouble(Sweep.Point::accuracy).reversed()));
        List<Sweep.Point> best = new ArrayList<>();
        double bestAccuracy = Double.NEGATIVE_INFINITY;
        for (Sweep.Point p : sorted) {
            if (p.accuracy() > bestAccuracy) {
                best.add(p);
                bestAccuracy = p.accuracy();
            }
        }
        return best;
    }

    private static XYSeries series(String name, List<Sweep.Point> points) {
        XYSeries s = new XYSeries(name, false, true);
        for (Sweep.Point p : points) {
            s.add(p.bytes(), 100 * p.accuracy());
        }
        return s;
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
