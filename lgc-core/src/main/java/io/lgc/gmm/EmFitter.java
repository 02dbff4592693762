package io.lgc.gmm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Expectation-maximisation as scikit-learn's GaussianMixture.fit runs it (nInit runs, each
 * initialised and iterated until the lower bound changes by less than tol or maxIter is reached;
 * the run with the highest lower bound is kept), plus repairs that keep a degenerate fit going:
 * fewer components when the data has fewer distinct points, raised regularisers for covariances
 * that are not positive definite, re-seeded and finally removed empty components.
 */
final class EmFitter {
    private final ChunkedData data;
    private final GmmConfig config;
    private final double dataScale;

    EmFitter(ChunkedData data, GmmConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        this.data = data;
        this.config = config;
        this.dataScale = positiveScale(data);
    }

    FitResult fit(Components warmStart) {
        List<String> notes = new ArrayList<>();
        if (warmStart != null) {
            requireCompatible(warmStart);
            if (config.nInit() > 1) {
                notes.add("nInit=" + config.nInit() + " ignored: a warm start is a single initialisation");
            }
            Run run = new Run(warmStart.k);
            run.iterate(warmStart, new Workspace(data, warmStart.k));
            return finish(run, notes);
        }
        int k = config.components();
        int distinct = data.distinctRows(k);
        if (distinct < k) {
            notes.add(String.format("reduced components from %d to %d: the data has only %d distinct "
                    + "point(s) among %d sample(s)", k, distinct, distinct, data.n));
            k = distinct;
        }
        Workspace ws = new Workspace(data, k);
        SplittableRandom root = new SplittableRandom(config.seed());
        Run best = null;
        for (int init = 0; init < config.nInit(); init++) {
            SplittableRandom rng = root.split();
            Run run = new Run(k);
            Initialization.responsibilities(config.init(), ws, rng);
            run.iterate(run.maximize(ws), ws);
            if (best == null || run.lowerBound > best.lowerBound) {
                best = run;
            }
        }
        return finish(best, notes);
    }

    private void requireCompatible(Components warmStart) {
        if (warmStart.type != config.covarianceType()) {
            throw new IllegalArgumentException("warm start has " + warmStart.type.label()
                    + " covariances but the config asks for " + config.covarianceType().label());
        }
        if (warmStart.k != config.components()) {
            throw new IllegalArgumentException("warm start has " + warmStart.k
                    + " components but the config asks for " + config.components());
        }
        if (warmStart.d != data.d) {
            throw new io.lgc.InputException("data has " + data.d + " features but the warm start has "
                    + warmStart.d);
        }
    }

    private FitResult finish(Run run, List<String> notes) {
        List<String> warnings = new ArrayList<>(notes);
        warnings.addAll(run.warnings.messages());
        Components model = run.params;
        if (run.emptyAtEnd.length > 0 && run.emptyAtEnd.length < model.k) {
            int[] keep = new int[model.k - run.emptyAtEnd.length];
            int at = 0;
            for (int c = 0; c < model.k; c++) {
                if (Arrays.binarySearch(run.emptyAtEnd, c) < 0) {
                    keep[at++] = c;
                }
            }
            model = model.select(keep);
            warnings.add("removed component(s) " + Arrays.toString(run.emptyAtEnd)
                    + ": still empty after re-seeding; the model has " + model.k + " component(s)");
        }
        if (!run.converged && config.maxIter() > 0) {
            warnings.add(String.format("EM did not converge within %d iteration(s) (best of %d "
                            + "initialisation(s); last lower-bound change %.3g, tol %s): increase "
                            + "maxIter or tol", config.maxIter(), config.nInit(), run.lastChange,
                    config.tol()));
        }
        return new FitResult(new GaussianMixture(model), run.lowerBound, run.iterations, run.converged,
                run.history, warnings);
    }

    private static double positiveScale(ChunkedData data) {
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

    /** One EM run from one initialisation, with its own warnings and re-seed budget. */
    private final class Run {
        final FitWarnings warnings = new FitWarnings();
        final Stabilizer stabilizer = new Stabilizer(dataScale, config.regCovar(), warnings);
        final Reseeding reseeding;
        final List<Double> history = new ArrayList<>();
        Components params;
        double lowerBound = Double.NEGATIVE_INFINITY;
        double lastChange = Double.NaN;
        int iterations;
        boolean converged;
        int[] emptyAtEnd = new int[0];

        Run(int k) {
            reseeding = new Reseeding(data, config.covarianceType(), dataScale, k, warnings);
        }

        void iterate(Components start, Workspace ws) {
            params = start;
            if (config.maxIter() == 0) {
                // scikit-learn reports -inf here; the log-likelihood of the start is more useful.
                lowerBound = EStep.run(params, ws, false);
                return;
            }
            for (int iter = 1; iter <= config.maxIter(); iter++) {
                double previous = lowerBound;
                lowerBound = EStep.run(params, ws, true);
                params = maximize(ws);
                history.add(lowerBound);
                iterations = iter;
                lastChange = lowerBound - previous;
                if (Math.abs(lastChange) < config.tol()) {
                    converged = true;
                    break;
                }
            }
        }

        /** M-step from the responsibilities in the workspace, re-seeding empty components. */
        Components maximize(Workspace ws) {
            MStep.Moments moments = MStep.moments(ws);
            double[] covariances = MStep.covariances(config.covarianceType(), ws, moments, config.regCovar());
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
    }
}
