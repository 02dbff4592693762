package io.lgc.gmm.bench;

import io.lgc.gmm.CovarianceType;
import io.lgc.gmm.FitResult;
import io.lgc.gmm.GaussianMixture;
import io.lgc.gmm.GmmConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times fitting K = 10 full-covariance components to 6,000 points in 16 and 64 dimensions with a
 * fixed number of EM iterations (tol = 0), the same fit bench/gmm/sklearn_bench.py runs with
 * scikit-learn on the same data (both generate it with SplitMix64 + Box-Muller).
 *
 * <p>Usage: {@code GmmBenchmark [--reps R] [--warmup W] [--iters I] [--dims 16,64]}.
 * Not a test: run it through bench/gmm/run.sh.
 */
public final class GmmBenchmark {
    static final int N = 6000;
    static final int K = 10;

    private GmmBenchmark() {
    }

    public static void main(String[] args) {
        int reps = intArg(args, "--reps", 3);
        int warmup = intArg(args, "--warmup", 1);
        int iters = intArg(args, "--iters", 100);
        int[] dims = Arrays.stream(stringArg(args, "--dims", "16,64").split(",")).mapToInt(Integer::parseInt).toArray();
        System.out.printf("java: n=%d K=%d full, max_iter=%d tol=0, threads=%d%n", N, K, iters,
                Runtime.getRuntime().availableProcessors());
        for (int d : dims) {
            double[][] x = data(N, d, K, 12345);
            GmmConfig config = GmmConfig.builder().components(K).covarianceType(CovarianceType.FULL)
                    .tol(0).maxIter(iters).seed(0).build();
            for (int w = 0; w < warmup; w++) {
                GaussianMixture.fit(x, config);
            }
            List<Double> seconds = new ArrayList<>();
            FitResult last = null;
            for (int r = 0; r < reps; r++) {
                long start = System.nanoTime();
                last = GaussianMixture.fit(x, config);
                seconds.add((System.nanoTime() - start) / 1e9);
            }
            double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("java d=%d: times %s s, median %.3f s, iterations %d, lower bound %.6f%n", d,
                    seconds.stream().map(s -> String.format("%.3f", s)).toList(), sorted[sorted.length / 2],
                    last.iterations(), last.lowerBound());
        }
    }

    /** Points around K centres: centre c = 3·z, point s = centre (s mod K) + z, z standard normal. */
    static double[][] data(int n, int d, int k, long seed) {
        SplitMix normal = new SplitMix(seed);
        double[][] centers = new double[k][d];
        for (double[] center : centers) {
            for (int i = 0; i < d; i++) {
                center[i] = 3 * normal.gaussian();
            }
        }
        double[][] x = new double[n][d];
        for (int s = 0; s < n; s++) {
            for (int i = 0; i < d; i++) {
                x[s][i] = centers[s % k][i] + normal.gaussian();
            }
        }
        return x;
    }

    /** SplitMix64 with Box-Muller: simple enough to reproduce exactly in Python. */
    static final class SplitMix {
        private long state;

        SplitMix(long seed) {
            state = seed;
        }

        double uniform() {
            state += 0x9E3779B97F4A7C15L;
            long z = state;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z ^= z >>> 31;
            return (z >>> 11) * 0x1.0p-53;
        }

        double gaussian() {
            double u1 = 1.0 - uniform();
            double u2 = uniform();
            return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        }
    }

    private static int intArg(String[] args, String name, int fallback) {
        return Integer.parseInt(stringArg(args, name, String.valueOf(fallback)));
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
