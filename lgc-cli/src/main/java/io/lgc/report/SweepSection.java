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

/** The sweep's rate–accuracy chart with its numbers, and this artifact on it when it was evaluated. */
final class SweepSection {
    private SweepSection() {
    }

    static Optional<Section> build(ReportInputs in, Figures figures) {
        if (in.sweep().isEmpty()) {
            return Optional.empty();
        }
        Sweep sweep = in.sweep().get();
        boolean thisFile = in.partSizes().isPresent() && in.evaluation().isPresent();
        Optional<Sweep.Point> self = thisFile ? Optional.of(new Sweep.Point("this artifact",
                in.partSizes().get().totalBytes(), in.evaluation().get().accuracy(), "")) : Optional.empty();
        JFreeChart chart = RateAccuracyChart.build(sweep, self);
        int shown = sweep.points().size() + sweep.published().size();
        Figure f = figures.chart("rate-accuracy.png", chart, RateAccuracyChart.WIDTH, RateAccuracyChart.HEIGHT,
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
}
