package io.lgc.gmm;

import java.util.List;
import java.util.Objects;

/**
 * Expectation-maximisation whose E-step runs elsewhere: on a cluster, over data this process never
 * holds. Each iteration the caller computes {@link SufficientStatistics} of all the data under
 * {@link #current()} and hands them to {@link #accept}; the M-step, its repairs (raised
 * regularisers, re-seeded and removed components) and the convergence test are those of
 * {@link GaussianMixture#fit(double[][], GmmConfig, GaussianMixture)}, so both give the same
 * mixture from the same start, up to the order in which sums are added.
 *
 * <p>Re-seeding an empty component needs samples to put it at, and the repairs need the data's
 * scale: both come from a sample of the data held here (the one the start was initialised from).
 */
public final class StatisticsEm {
    private final EmRun run;
    private boolean done;

    private StatisticsEm(EmRun run, Components start) {
        this.run = run;
        run.params = start;
    }

    /**
     * An EM run from {@code start} (a single initialisation: the config's nInit and init do not
     * apply), iterating as {@code config} says.
     *
     * @param sample rows of the data (n × d) for the re-seeding of empty components and the scale of
     *     the regulariser repairs
     */
    public static StatisticsEm from(GaussianMixture start, GmmConfig config, double[][] sample) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(config, "config");
        Components params = start.parameters();
        if (params.type != config.covarianceType()) {
            throw new IllegalArgumentException("start has " + params.type.label()
                    + " covariances but the config asks for " + config.covarianceType().label());
        }
        ChunkedData data = ChunkedData.of(sample, params.d);
        return new StatisticsEm(new EmRun(data, config, EmRun.positiveScale(data), params.k), params);
    }

    /** The mixture the next statistics must be computed under. */
    public GaussianMixture current() {
        return new GaussianMixture(run.params);
    }

    /** Whether the run is over (converged or out of iterations): {@link #result} is final. */
    public boolean done() {
        return done;
    }

    /** Takes the E-step's statistics of all the data under {@link #current()} and runs the M-step. */
    public void accept(SufficientStatistics stats) {
        if (done) {
            throw new IllegalStateException("the EM run is over");
        }
        if (!stats.centeredOn(run.params.means) || stats.k != run.params.k) {
            throw new IllegalArgumentException("statistics computed under another mixture than current()");
        }
        double bound = stats.meanLogLikelihood();
        if (run.config.maxIter() == 0) {
            run.lowerBound = bound;
            done = true;
            return;
        }
        MStep.Moments moments = MStep.moments(stats);
        done = run.advance(bound, moments, MStep.covariances(stats, moments, run.config.regCovar()));
    }

    /** The fit so far (final once {@link #done()}), as {@link GaussianMixture#fit} reports it. */
    public FitResult result() {
        return run.result(List.of());
    }
}
