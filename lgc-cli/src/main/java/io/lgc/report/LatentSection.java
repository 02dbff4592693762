package io.lgc.report;

import io.lgc.artifact.ArtifactMetadata;
import io.lgc.gmm.FitResult;
import io.lgc.gmm.GaussianMixture;
import io.lgc.gmm.GmmConfig;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;

/**
 * The latent space in two dimensions: every class's points and mixture (as 2-σ contours of the
 * projected component covariances P Σ Pᵀ), then one class refitted with K=2 and K=5 — the picture
 * that explains why a class needs several components.
 */
final class LatentSection {
    /** Dots per class in the overview: enough to see a cloud's shape, few enough not to bury the contours. */
    static final int POINTS_PER_CLASS = 300;
    /** Points the K=2 / K=5 refits use: EM on a few thousand points takes well under a second. */
    static final int REFIT_POINTS = 2000;
    static final int[] COMPARED_K = {2, 5};
    private static final double SIGMAS = 2;

    private LatentSection() {
    }

    static Section build(ReportInputs in, Figures figures) {
        ArtifactMetadata meta = in.artifact().metadata();
        StringBuilder body = new StringBuilder();
        if (meta.latentDim() < 2) {
            body.append(Html.note("The latent space has one dimension; there is no plane to project it on."));
            return new Section("latent", "Latent space", body.toString());
        }
        String source = in.hasRealLatents() ? "the real data's latents (the encoder's outputs)"
                : "points sampled from the mixtures (the artifact holds no real latents)";
        body.append(overview(in, figures, source));
        body.append(comparison(in, figures));
        return new Section("latent", "Latent space and mixtures", body.toString());
    }

    private static String overview(ReportInputs in, Figures figures, String source) {
        ArtifactMetadata meta = in.artifact().metadata();
        int classes = meta.numClasses();
        List<double[][]> shown = new ArrayList<>();
        List<double[][]> fitted = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            long seed = in.seed() * 1_000_003L + c;
            // The projection is fitted on every real latent when given, on the shown samples otherwise.
            double[][] points = in.hasRealLatents() ? in.realLatentsOf(c) : LatentPoints.ofClass(in, c,
                    POINTS_PER_CLASS, seed);
            fitted.add(points);
            shown.add(LatentPoints.subset(points, POINTS_PER_CLASS, seed));
        }
        Pca pca = Pca.fit(concat(fitted), 2);
        List<ScatterWithEllipses.Cloud> clouds = new ArrayList<>();
        List<ScatterWithEllipses.Outline> outlines = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            Color color = ChartStyle.color(c);
            clouds.add(new ScatterWithEllipses.Cloud(meta.classNames().get(c), color, pca.project(shown.get(c))));
            outlines.addAll(contours(in.artifact().mixtures().get(c), pca, color.darker()));
        }
        ScatterWithEllipses.Bounds bounds = ScatterWithEllipses.bounds(clouds, outlines);
        JFreeChart chart = ScatterWithEllipses.chart(null, axisLabel(pca, 0), axisLabel(pca, 1), clouds, outlines,
                bounds, true);
        int total = clouds.stream().mapToInt(cl -> cl.points().length).sum();
        Figure f = figures.chart("latent-projection.png", chart, 1100, 760,
                "Scatter plot of " + total + " latent points of " + classes + " classes projected on the first two "
                        + "principal components, with each class's mixture components drawn as ellipses",
                "The " + meta.latentDim() + "-dimensional latent space projected on its first two principal axes "
                        + "(together " + percent(pca.explained()[0] + pca.explained()[1]) + " of the variance). "
                        + "Dots: " + source + ", up to " + POINTS_PER_CLASS + " per class. Ellipses: each mixture "
                        + "component's 2-σ contour (covariance P Σ Pᵀ), drawn thicker for heavier components.");
        return Html.figure(f);
    }

    private static String comparison(ReportInputs in, Figures figures) {
        ArtifactMetadata meta = in.artifact().metadata();
        int c = focusClass(in);
        String name = meta.classNames().get(c);
        long seed = in.seed() * 1_000_003L + c + 7;
        double[][] points = LatentPoints.ofClass(in, c, REFIT_POINTS, seed);
        int largestK = COMPARED_K[COMPARED_K.length - 1];
        if (points.length < 4 * largestK) {
            return Html.note("Class " + name + " has " + points.length + " latent points, too few to fit "
                    + largestK + " components for the K = 2 versus K = 5 comparison.");
        }
        Pca pca = Pca.fit(points, 2);
        List<GaussianMixture> fits = new ArrayList<>();
        List<String> scores = new ArrayList<>();
        for (int k : COMPARED_K) {
            GmmConfig config = GmmConfig.builder().components(k).covarianceType(meta.covarianceType()).nInit(2)
                    .seed(seed + k).build();
            FitResult fit;
            try {
                fit = GaussianMixture.fit(points, config);
            } catch (RuntimeException e) {
                return Html.note("Refitting class " + name + " with K = " + k + " failed (" + e.getMessage()
                        + "), so the K = 2 versus K = 5 comparison is left out.");
            }
            fits.add(fit.model());
            scores.add(String.format(Locale.ROOT, "K = %d: mean log-likelihood %.2f per point, BIC %,.0f", k,
                    fit.model().score(points), fit.model().bic(points)));
        }
        List<ScatterWithEllipses.Cloud> cloud = List.of(new ScatterWithEllipses.Cloud(name,
                ChartStyle.withAlpha(new Color(0x6e7781), 255), pca.project(points)));
        List<List<ScatterWithEllipses.Outline>> outlines = new ArrayList<>();
        ScatterWithEllipses.Bounds bounds = ScatterWithEllipses.bounds(cloud, List.of());
        for (GaussianMixture fit : fits) {
            List<ScatterWithEllipses.Outline> o = new ArrayList<>();
            double[] w = fit.weights();
            for (int j = 0; j < fit.components(); j++) {
                o.add(outline(fit, j, pca, ChartStyle.color(j), w));
            }
            outlines.add(o);
            bounds = bounds.union(ScatterWithEllipses.bounds(List.of(), o));
        }
        List<Figure> panels = new ArrayList<>();
        String source = in.hasRealLatents() ? "real latents" : "points sampled from the artifact's mixture";
        for (int i = 0; i < fits.size(); i++) {
            int k = COMPARED_K[i];
            JFreeChart chart = ScatterWithEllipses.chart("K = " + k, axisLabel(pca, 0), axisLabel(pca, 1), cloud,
                    outlines.get(i), bounds, false);
            panels.add(figures.chart("components-k" + k + ".png", chart, 580, 500,
                    "Latent points of class " + name + " with the 2-sigma ellipses of a " + k
                            + "-component Gaussian mixture fitted to them",
                    scores.get(i)));
        }
        int artifactK = in.artifact().mixtures().get(c).components();
        return Html.figureRow(panels, "One class, two mixtures: " + points.length + " " + source + " of class "
                + name + " (the artifact models it with K = " + artifactK + "), refitted with 2 and with 5 "
                + "components in the full latent space and projected on this class's own two principal axes. "
                + "Each colour is one component's 2-σ contour; the mean log-likelihood under each panel says "
                + "which mixture describes the points better (higher is better), BIC whether the extra "
                + "components pay for themselves (lower is better).");
    }

    /** The class the artifact gives the most components (the first such): where K matters most. */
    static int focusClass(ReportInputs in) {
        int best = 0;
        List<GaussianMixture> mixtures = in.artifact().mixtures();
        for (int c = 1; c < mixtures.size(); c++) {
            if (mixtures.get(c).components() > mixtures.get(best).components()) {
                best = c;
            }
        }
        return best;
    }

    static List<ScatterWithEllipses.Outline> contours(GaussianMixture mixture, Pca pca, Color color) {
        List<ScatterWithEllipses.Outline> out = new ArrayList<>();
        double[] w = mixture.weights();
        for (int j = 0; j < mixture.components(); j++) {
            out.add(outline(mixture, j, pca, color, w));
        }
        return out;
    }

    private static ScatterWithEllipses.Outline outline(GaussianMixture mixture, int j, Pca pca, Color color,
            double[] weights) {
        double max = 0;
        for (double w : weights) {
            max = Math.max(max, w);
        }
        Ellipse e = Ellipse.of(pca.project(mixture.means()[j]),
                pca.projectCovariance(ComponentCovariance.of(mixture, j)), SIGMAS);
        return new ScatterWithEllipses.Outline(e, color, (float) (0.8 + 2.2 * weights[j] / max));
    }

    private static String axisLabel(Pca pca, int axis) {
        return "PC" + (axis + 1) + " (" + percent(pca.explained()[axis]) + " of variance)";
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * fraction);
    }

    private static double[][] concat(List<double[][]> parts) {
        int n = parts.stream().mapToInt(p -> p.length).sum();
        double[][] out = new double[n][];
        int row = 0;
        for (double[][] p : parts) {
            for (double[] r : p) {
                out[row++] = r;
            }
        }
        return out;
    }
}
