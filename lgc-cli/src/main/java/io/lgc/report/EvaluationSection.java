package io.lgc.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * How well a classifier trained on the reconstruction does on the real test set: the confusion
 * matrix when the evaluation has one, per-class accuracy bars otherwise.
 */
final class EvaluationSection {
    private EvaluationSection() {
    }

    static Optional<Section> build(ReportInputs in, Figures figures) {
        if (in.evaluation().isEmpty()) {
            return Optional.empty();
        }
        Evaluation e = in.evaluation().get();
        StringBuilder body = new StringBuilder();
        body.append("<p class=\"headline\">Accuracy on the real test set: <strong>")
                .append(Html.escape(percent(e.accuracy()))).append("</strong></p>\n");
        body.append(Html.paragraph(details(e)));
        Optional<double[][]> confusion = e.confusion();
        if (confusion.isPresent()) {
            double[][] m = confusion.get();
            List<String> names = names(m.length, e, in.artifact().metadata().classNames());
            int side = Math.max(560, 190 + 56 * m.length);
            Figure f = figures.chart("confusion.png", ConfusionChart.chart(m, names), side, side,
                    "Heatmap of the confusion matrix of " + m.length + " classes: true class down, predicted class "
                            + "across, darker cells for larger shares",
                    "Confusion matrix: each row is a true class, each column a predicted class; cells give the "
                            + "percentage of the row's test samples, so the diagonal is each class's accuracy.");
            body.append(Html.figure(f));
        } else if (!e.perClass().isEmpty()) {
            int height = Math.max(260, 90 + 30 * e.perClass().size());
            Figure f = figures.chart("accuracy-per-class.png", accuracyBars(e), 900, height,
                    "Horizontal bar chart of the test accuracy of each of " + e.perClass().size() + " classes",
                    "Test accuracy per class; the dashed line is the overall accuracy. (An evaluation file with a "
                            + "\"confusion\" matrix shows where the errors go instead.)");
            body.append(Html.figure(f));
        } else {
            body.append(Html.note("The evaluation file has no per-class results to draw."));
        }
        return Optional.of(new Section("evaluation", "Accuracy of a classifier trained on the reconstruction",
                body.toString()));
    }

    private static String details(Evaluation e) {
        List<String> parts = new ArrayList<>();
        e.trainSize().ifPresent(n -> parts.add(String.format(Locale.ROOT, "trained on %,d samples", n)));
        e.epochs().ifPresent(n -> parts.add(n + " epochs"));
        parts.add("from " + e.source());
        return "Classifier " + String.join(", ", parts) + ".";
    }

    /** Class names for a matrix of n rows: the evaluation's, the artifact's, or numbers. */
    static List<String> names(int n, Evaluation e, List<String> artifactNames) {
        if (e.perClass().size() == n) {
            return List.copyOf(e.perClass().keySet());
        }
        if (artifactNames.size() == n) {
            return artifactNames;
        }
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            numbers.add(Integer.toString(i));
        }
        return numbers;
    }

    private static JFreeChart accuracyBars(Evaluation e) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Map.Entry<String, Double> c : e.perClass().entrySet()) {
            data.addValue(100 * c.getValue(), "accuracy", c.getKey());
        }
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, ChartStyle.color(0));
        renderer.setMaximumBarWidth(0.7);
        NumberAxis value = new NumberAxis("test accuracy (%)");
        value.setRange(0, 100);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(null), value, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        ValueMarker overall = new ValueMarker(100 * e.accuracy(), new Color(0xd62728),
                new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f,
                        new float[] {6f, 4f}, 0f));
        overall.setLabel("overall " + percent(e.accuracy()));
        overall.setLabelFont(ChartStyle.TICK);
        overall.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
        overall.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(overall);
        return ChartStyle.apply(new JFreeChart(null, ChartStyle.TITLE, plot, false));
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
    }
}
