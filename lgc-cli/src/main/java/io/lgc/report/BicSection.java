package io.lgc.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * BIC against the number of components for every class whose K was chosen automatically
 * ({@code lgc compress --components auto}), read from the artifact's mixture report
 * ({@code classes[i].bic_curve = {"K": bic}}). One small chart per class: BIC scales with the
 * number of points, so a shared axis would flatten every curve but one.
 */
final class BicSection {
    private static final int PANEL_WIDTH = 320;
    private static final int PANEL_HEIGHT = 230;
    private static final int MAX_COLUMNS = 4;

    /** One class's curve and the K the compressor kept. */
    record Curve(String className, TreeMap<Integer, Double> bic, int chosen) {
    }

    private BicSection() {
    }

    static Optional<Section> build(ReportInputs in, Figures figures) {
        List<Curve> curves = curves(in.artifact().metadata().mixtureReport(), in.artifact().metadata().classNames());
        if (curves.isEmpty()) {
            return Optional.empty();
        }
        List<BufferedImage> panels = new ArrayList<>();
        for (Curve curve : curves) {
            panels.add(chart(curve).createBufferedImage(PANEL_WIDTH, PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB, null));
        }
        BufferedImage grid = Tiles.grid(panels, Math.min(MAX_COLUMNS, panels.size()), 6, Color.WHITE);
        StringBuilder chosen = new StringBuilder();
        for (Curve c : curves) {
            chosen.append(chosen.length() == 0 ? "" : ", ").append(c.className()).append(" K = ").append(c.chosen());
        }
        Figure f = figures.image("bic-curves.png", grid,
                "Small line charts of BIC against the number of mixture components, one per class, with the "
                        + "chosen number marked: " + chosen,
                "BIC (lower is better) for each number of components K tried per class; the red dot is the K "
                        + "the compressor kept. A curve that still falls at its right end suggests allowing more "
                        + "components.", false);
        return Optional.of(new Section("bic", "Choosing K per class", Html.figure(f)));
    }

    /** The curves in a mixture report; entries without a usable curve are skipped. */
    static List<Curve> curves(JsonObject report, List<String> classNames) {
        List<Curve> out = new ArrayList<>();
        JsonElement classes = report.get("classes");
        if (classes == null || !classes.isJsonArray()) {
            return out;
        }
        for (int c = 0; c < classes.getAsJsonArray().size(); c++) {
            JsonElement entry = classes.getAsJsonArray().get(c);
            if (!entry.isJsonObject() || !entry.getAsJsonObject().has("bic_curve")
                    || !entry.getAsJsonObject().get("bic_curve").isJsonObject()) {
                continue;
            }
            TreeMap<Integer, Double> bic = new TreeMap<>();
            for (Map.Entry<String, JsonElement> point : entry.getAsJsonObject().getAsJsonObject("bic_curve").entrySet()) {
                try {
                    double value = point.getValue().getAsDouble();
                    if (Double.isFinite(value)) {
                        bic.put(Integer.parseInt(point.getKey().strip()), value);
                    }
                } catch (RuntimeException e) {
                    // not a "K": number pair; a curve with a gap still says something
                }
            }
            if (bic.isEmpty()) {
                continue;
            }
            String name = c < classNames.size() ? classNames.get(c) : "class " + c;
            out.add(new Curve(name, bic, chosen(entry.getAsJsonObject(), bic)));
        }
        return out;
    }

    private static int chosen(JsonObject entry, TreeMap<Integer, Double> bic) {
        JsonElement k = entry.get("components");
        if (k != null && k.isJsonPrimitive() && k.getAsJsonPrimitive().isNumber()) {
            return k.getAsInt();
        }
        return bic.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static JFreeChart chart(Curve curve) {
        XYSeries line = new XYSeries("BIC");
        curve.bic().forEach(line::add);
        XYSeries kept = new XYSeries("kept");
        Double keptBic = curve.bic().get(curve.chosen());
        if (keptBic != null) {
            kept.add(curve.chosen(), keptBic);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(line);
        data.addSeries(kept);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesPaint(0, ChartStyle.color(0));
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
        renderer.setSeriesPaint(1, new Color(0xd62728));
        renderer.setSeriesLinesVisible(1, false);
        renderer.setSeriesShape(1, new Ellipse2D.Double(-6, -6, 12, 12));
        NumberAxis k = new NumberAxis("components K");
        k.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        k.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("BIC");
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, k, y, renderer);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD); // the red "kept" dot on top
        return ChartStyle.apply(new JFreeChart(curve.className() + ": K = " + curve.chosen(), ChartStyle.LABEL,
                plot, false));
    }
}
