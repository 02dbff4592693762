package io.lgc.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A 2-D scatter of point clouds with Gaussian contours drawn over them, the picture behind both
 * the latent-space overview and the K=2 versus K=5 comparison.
 */
final class ScatterWithEllipses {
    private static final int OUTLINE_POINTS = 120;
    private static final double MARGIN = 0.04;

    /** Points of one class (or one data set), drawn as small translucent dots. */
    record Cloud(String name, Color color, double[][] points) {
    }

    /** One contour; {@code width} in pixels, e.g. larger for heavier components. */
    record Outline(Ellipse ellipse, Color color, float width) {
    }

    /** The data range both panels of a side-by-side pair should share. */
    record Bounds(double minX, double maxX, double minY, double maxY) {
        Bounds union(Bounds o) {
            return new Bounds(Math.min(minX, o.minX), Math.max(maxX, o.maxX), Math.min(minY, o.minY),
                    Math.max(maxY, o.maxY));
        }
    }

    private ScatterWithEllipses() {
    }

    static Bounds bounds(List<Cloud> clouds, List<Outline> outlines) {
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Cloud c : clouds) {
            for (double[] p : c.points()) {
                minX = Math.min(minX, p[0]);
                maxX = Math.max(maxX, p[0]);
                minY = Math.min(minY, p[1]);
                maxY = Math.max(maxY, p[1]);
            }
        }
        for (Outline o : outlines) {
            Ellipse e = o.ellipse();
            minX = Math.min(minX, e.centerX() - e.halfWidth());
            maxX = Math.max(maxX, e.centerX() + e.halfWidth());
            minY = Math.min(minY, e.centerY() - e.halfHeight());
            maxY = Math.max(maxY, e.centerY() + e.halfHeight());
        }
        if (!(minX <= maxX)) {
            return new Bounds(-1, 1, -1, 1);
        }
        double padX = Math.max(1e-9, (maxX - minX) * MARGIN);
        double padY = Math.max(1e-9, (maxY - minY) * MARGIN);
        return new Bounds(minX - padX, maxX + padX, minY - padY, maxY + padY);
    }

    static JFreeChart chart(String title, String xLabel, String yLabel, List<Cloud> clouds, List<Outline> outlines,
            Bounds bounds, boolean legend) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        for (int s = 0; s < clouds.size(); s++) {
            Cloud cloud = clouds.get(s);
            XYSeries series = new XYSeries(cloud.name(), false, true);
            for (double[] p : cloud.points()) {
                series.add(p[0], p[1]);
            }
            data.addSeries(series);
            renderer.setSeriesPaint(s, ChartStyle.withAlpha(cloud.color(), 90));
            renderer.setSeriesShape(s, new Ellipse2D.Double(-2, -2, 4, 4));
        }
        NumberAxis x = new NumberAxis(xLabel);
        NumberAxis y = new NumberAxis(yLabel);
        x.setRange(bounds.minX(), bounds.maxX());
        y.setRange(bounds.minY(), bounds.maxY());
        XYPlot plot = new XYPlot(data, x, y, renderer);
        for (Outline o : outlines) {
            plot.addAnnotation(new XYShapeAnnotation(path(o.ellipse()), new BasicStroke(o.width()), o.color()));
        }
        if (legend) {
            // Swatches at full opacity: the translucent dots would be hard to match by colour.
            LegendItemCollection items = new LegendItemCollection();
            for (Cloud cloud : clouds) {
                items.add(new LegendItem(cloud.name(), null, null, null, new Rectangle(-5, -5, 10, 10),
                        cloud.color()));
            }
            plot.setFixedLegendItems(items);
        }
        return ChartStyle.apply(new JFreeChart(title, ChartStyle.TITLE, plot, legend));
    }

    /** The contour as a closed path in data coordinates; the annotation maps it onto the plot. */
    private static Path2D path(Ellipse e) {
        double[][] pts = e.outline(OUTLINE_POINTS);
        Path2D.Double path = new Path2D.Double();
        path.moveTo(pts[0][0], pts[0][1]);
        for (int i = 1; i < pts.length; i++) {
            path.lineTo(pts[i][0], pts[i][1]);
        }
        path.closePath();
        return path;
    }
}
