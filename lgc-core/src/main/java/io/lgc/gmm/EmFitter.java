package io.lgc.gmm;

import java.util.ArrayList;
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
        this.dataScale = EmRun.positiveScale(data);
    }

    FitResult fit(Components warmStart) {
        List<String> notes = new ArrayList<>();
        if (warmStart != null) {
            requireCompatible(warmStart);
            if (config.nInit() > 1) {
                notes.add("nInit=" + config.nInit() + " ignored: a warm start is a single initialisation");
            }
            EmRun run = new EmRun(data, config, dataScale, warmStart.k);
            run.iterate(warmStart, new Workspace(data, warmStart.k));
            return run.result(notes);
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
        EmRun best = null;
        for (int init = 0; init < config.nInit(); init++) {
            SplittableRandom rng = root.split();
            EmRun run = new EmRun(data, config, dataScale, k);
            Initialization.responsibilities(config.init(), ws, rng);
            run.iterate(run.maximize(ws), ws);
            if (best == null || run.lowerBound > best.lowerBound) {
                best = run;
            }
        }
        return best.result(notes);
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
}
