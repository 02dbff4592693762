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
    /** A component with less total responsibility than this explains no sample: it is empty. */
    static final double EMPTY_MASS = 1e-6;
    /** Re-seeds per component and run before an empty component is left to be removed. */
    private static final int MAX_RESEEDS = 2;
    /**
     * A re-seed point must lie farther than this (squared, relative to the data's variance) from
     * every other component; nearer points are already explained, so re-seeding there would only
     * duplicate a component.
     */
    private static final double MIN_RESEED_DISTANCE = 1e-8;

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
                            + "initialisation(s); last lower-bound change %.3g, tol %.3g): increase "
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
        final int[] reseeds;
        final List<Double> history = new ArrayList<>();
        Components params;
        double lowerBound = Double.NEGATIVE_INFINITY;
        double lastChange = Double.NaN;
        int iterations;
        boolean converged;
        int[] emptyAtEnd = new int[0];

        Run(int k) {
            reseeds = new int[k];
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
            emptyAtEnd = reseedEmpty(moments, covariances);
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

        /**
         * Moves each empty component with re-seeds left to the sample farthest from all other
         * components' means (farthest-first, so several land apart), with the mass-weighted mean
         * covariance of the others and the mass of one sample.
         *
         * @return the empty components left as they are, ascending
         */
        private int[] reseedEmpty(MStep.Moments m, double[] covariances) {
            int k = m.mass().length;
            boolean[] empty = new boolean[k];
            int emptyCount = 0;
            for (int c = 0; c < k; c++) {
                empty[c] = m.rawMass()[c] < EMPTY_MASS;
                emptyCount += empty[c] ? 1 : 0;
            }
            if (emptyCount == 0) {
                return new int[0];
            }
            double[] typical = typicalCovariance(m, covariances, empty);
            double[] nearest = new double[data.n];
            Arrays.fill(nearest, Double.POSITIVE_INFINITY);
            for (int c = 0; c < k; c++) {
                if (!empty[c]) {
                    lowerToDistance(nearest, m.means()[c]);
                }
            }
            List<Integer> left = new ArrayList<>();
            for (int c = 0; c < k; c++) {
                if (!empty[c]) {
                    continue;
                }
                int farthest = argMax(nearest);
                if (reseeds[c] >= MAX_RESEEDS || !(nearest[farthest] > MIN_RESEED_DISTANCE * dataScale)) {
                    left.add(c);
                    continue;
                }
                reseeds[c]++;
                warnings.reseeded(c);
                m.means()[c] = data.rows[farthest].clone();
                m.mass()[c] = 1.0;
                if (typical != null) {
                    System.arraycopy(typical, 0, covariances, c * typical.length, typical.length);
                }
                lowerToDistance(nearest, m.means()[c]);
            }
            return left.stream().mapToInt(Integer::intValue).toArray();
        }

        /** Mass-weighted mean of the non-empty components' covariance blocks; null when tied. */
        private double[] typicalCovariance(MStep.Moments m, double[] covariances, boolean[] empty) {
            if (config.covarianceType() == CovarianceType.TIED) {
                return null;
            }
            int k = empty.length;
            int block = covariances.length / k;
            double[] typical = new double[block];
            double total = 0;
            for (int c = 0; c < k; c++) {
                if (!empty[c]) {
                    double w = m.mass()[c];
                    total += w;
                    for (int i = 0; i < block; i++) {
                        typical[i] += w * covariances[c * block + i];
                    }
                }
            }
            for (int i = 0; i < block; i++) {
                typical[i] /= total;
            }
            return typical;
        }

        private void lowerToDistance(double[] nearest, double[] mean) {
            for (int s = 0; s < data.n; s++) {
                double[] row = data.rows[s];
                double sum = 0;
                for (int i = 0; i < row.length; i++) {
                    double v = row[i] - mean[i];
                    sum += v * v;
                }
                nearest[s] = Math.min(nearest[s], sum);
            }
        }

        private int argMax(double[] values) {
            int best = 0;
            for (int s = 1; s < values.length; s++) {
                if (values[s] > values[best]) {
                    best = s;
                }
            }
            return best;
        }
    }
}
