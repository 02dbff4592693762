package io.lgc.gmm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One EM run from one initialisation, with its own warnings and re-seed budget. The iterations are
 * driven from outside through {@link #advance}: by {@link #iterate} over data held in memory, or by
 * {@link StatisticsEm} over statistics aggregated elsewhere; both take the same M-step, repairs and
 * convergence test.
 */
final class EmRun {
    final GmmConfig config;
    final FitWarnings warnings = new FitWarnings();
    final Stabilizer stabilizer;
    final Reseeding reseeding;
    final List<Double> history = new ArrayList<>();
    Components params;
    double lowerBound = Double.NEGATIVE_INFINITY;
    double lastChange = Double.NaN;
    int iterations;
    boolean converged;
    int[] emptyAtEnd = new int[0];

    /**
     * @param data      the samples an empty component may be re-seeded at
     * @param dataScale a positive scale of the data's variances, for the regulariser repairs
     */
    EmRun(ChunkedData data, GmmConfig config, double dataScale, int k) {
        this.config = config;
        this.stabilizer = new Stabilizer(dataScale, config.regCovar(), warnings);
        this.reseeding = new Reseeding(data, config.covarianceType(), dataScale, k, warnings);
    }

    /** Iterates from {@code start} over the data of {@code ws} until converged or maxIter. */
    void iterate(Components start, Workspace ws) {
        params = start;
        if (config.maxIter() == 0) {
            // scikit-learn reports -inf here; the log-likelihood of the start is more useful.
            lowerBound = EStep.run(params, ws, false);
            return;
        }
        boolean stop = false;
        while (!stop) {
            double bound = EStep.run(params, ws, true);
            MStep.Moments moments = MStep.moments(ws);
            stop = advance(bound, moments, MStep.covariances(config.covarianceType(), ws, moments, config.regCovar()));
        }
    }

    /**
     * Records the lower bound of the current parameters (from the E-step just run under them) and
     * moves to the M-step's parameters.
     *
     * @return true when the run is over: converged, or maxIter iterations done
     */
    boolean advance(double bound, MStep.Moments moments, double[] covariances) {
        double previous = lowerBound;
        lowerBound = bound;
        params = maximize(moments, covariances);
        history.add(lowerBound);
        iterations++;
        lastChange = lowerBound - previous;
        if (Math.abs(lastChange) < config.tol()) {
            converged = true;
        }
        return converged || iterations >= config.maxIter();
    }

    /** M-step from the responsibilities in the workspace (the first step after an initialisation). */
    Components maximize(Workspace ws) {
        MStep.Moments moments = MStep.moments(ws);
        return maximize(moments, MStep.covariances(config.covarianceType(), ws, moments, config.regCovar()));
    }

    /** Parameters from an M-step's moments and covariances, re-seeding empty components. */
    Components maximize(MStep.Moments moments, double[] covariances) {
        emptyAtEnd = reseeding.reseedEmpty(moments, covariances);
        double[] mass = moments.mass();
        double total = 0;
        for (double m : mass) {
            total += m;
        }
        double[] weights = new double[mass.length];
        for (int c = 0; c < mass.length; c++) {
            weights[c] = mass[c] / total;
        }
        return Components.fromCovariances(config.covarianceType(), weights, moments.means(), covariances,
                stabilizer);
    }

    /** The run's model, empty components removed, with {@code notes} and the run's warnings. */
    FitResult result(List<String> notes) {
        List<String> all = new ArrayList<>(notes);
        all.addAll(warnings.messages());
        Components model = params;
        if (emptyAtEnd.length > 0 && emptyAtEnd.length < model.k) {
            int[] keep = new int[model.k - emptyAtEnd.length];
            int at = 0;
            for (int c = 0; c < model.k; c++) {
                if (Arrays.binarySearch(emptyAtEnd, c) < 0) {
                    keep[at++] = c;
                }
            }
            model = model.select(keep);
            all.add("removed component(s) " + Arrays.toString(emptyAtEnd)
                    + ": still empty after re-seeding; the model has " + model.k + " component(s)");
        }
        if (!converged && config.maxIter() > 0) {
            all.add(String.format("EM did not converge within %d iteration(s) (best of %d "
                            + "initialisation(s); last lower-bound change %.3g, tol %s): increase "
                            + "maxIter or tol", config.maxIter(), config.nInit(), lastChange,
                    config.tol()));
        }
        return new FitResult(new GaussianMixture(model), lowerBound, iterations, converged, history, all);
    }

    /** The data's mean variance, or its mean square when all points coincide, or 1: never 0. */
    static double positiveScale(ChunkedData data) {
        double variance = data.meanVariance();
        if (variance > 0) {
            return variance;
        }
        double squares = 0;
        for (double[] row : data.rows) {
            for (double v : row) {
                squares += v * v;
            }
        }
        squares /= (double) data.n * data.d;
        return squares > 0 ? squares : 1.0;
    }
}
