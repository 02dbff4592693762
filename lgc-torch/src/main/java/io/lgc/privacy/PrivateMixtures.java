package io.lgc.privacy;

import io.lgc.gmm.CovarianceType;
import io.lgc.gmm.GaussianMixture;
import io.lgc.linalg.SymmetricEigen;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Per-class Gaussian mixtures, and per-class counts, from noisy sums of clipped latents.
 *
 * <p>Every latent has norm at most C (the caller centres and clips). Adding or removing one record
 * changes its class's count by 1, its sum by at most C in L2 and its sum of outer products by at most
 * C² (Frobenius): those are the sensitivities. K = 1: the class's Gaussian comes from its noisy count,
 * sum and second moment. K &gt; 1: private EM (the Gaussian mechanism on each iteration's
 * responsibility-weighted sufficient statistics): a record's responsibilities sum to 1, so over
 * the K components its weights change by at most 1, its sums by C and its second moments by C²
 * (L2 over all components together); EM starts from K points drawn from the class's private
 * K = 1 Gaussian, and each iteration spends its own share. A record lies in one class only, so
 * each statistic costs its share once, not once per class.
 */
final class PrivateMixtures {
    /** For K &gt; 1: the part of what the counts leave that the starting Gaussian takes. */
    static final double START_SHARE = 0.25;
    /** Within one EM iteration: the component weights' share; sums and second moments split the rest. */
    static final double ITERATION_WEIGHT_SHARE = 0.1;
    /** A component's mean and covariance divide by at least this many (noisy) records. */
    static final double MIN_COMPONENT_RECORDS = 10;

    /** The noise standard deviation of every statistic, fixed before any data is looked at. */
    record Sigmas(double count, double sum, double moment, double[] weights, double[] sums, double[] moments) {
    }

    private PrivateMixtures() {
    }

    /** Spends {@code rho} of {@code ledger} on the latent side of a compression with {@code components} per class. */
    static Sigmas plan(ZcdpLedger ledger, double rho, double clip, int components, int iterations, BudgetSplit split) {
        double count = ledger.gaussian("class counts", 1, split.counts() * rho);
        if (components == 1) {
            return new Sigmas(count, ledger.gaussian("class latent sums", clip, split.sums() * rho),
                    ledger.gaussian("class latent second moments", clip * clip, split.moments() * rho),
                    new double[0], new double[0], new double[0]);
        }
        double rest = (1 - split.counts()) * rho;
        double sumPart = split.sumsOfRest();
        double sum = ledger.gaussian("class latent sums (EM start)", clip, rest * START_SHARE * sumPart);
        double moment = ledger.gaussian("class latent second moments (EM start)", clip * clip,
                rest * START_SHARE * (1 - sumPart));
        double perIteration = rest * (1 - START_SHARE) / iterations;
        double statistics = perIteration * (1 - ITERATION_WEIGHT_SHARE);
        double[] weights = new double[iterations];
        double[] sums = new double[iterations];
        double[] moments = new double[iterations];
        for (int t = 0; t < iterations; t++) {
            String step = "EM iteration " + (t + 1) + ": component ";
            weights[t] = ledger.gaussian(step + "weights", 1, perIteration * ITERATION_WEIGHT_SHARE);
            sums[t] = ledger.gaussian(step + "sums", clip, statistics * sumPart);
            moments[t] = ledger.gaussian(step + "second moments", clip * clip, statistics * (1 - sumPart));
        }
        return new Sigmas(count, sum, moment, weights, sums, moments);
    }

    /**
     * Spends {@code rho} on a partitioned fit: each record falls in one cell (its class and the public
     * component it is assigned to), so every cell's count, sum and second moment cost their share
     * once, as one Gaussian per class does.
     */
    static Sigmas planPartitioned(ZcdpLedger ledger, double rho, double clip, BudgetSplit split, boolean axes) {
        return new Sigmas(ledger.gaussian("component counts (each record in one public component)", 1,
                split.counts() * rho),
                ledger.gaussian("component latent sums", clip, split.sums() * rho),
                ledger.gaussian(axes ? "component squared coordinates along public axes"
                        : "component latent second moments", clip * clip, split.moments() * rho),
                new double[0], new double[0], new double[0]);
    }

    /**
     * Every class's mixture from a partition: {@code cells[c][i]} is the component that record i of
     * class c was assigned to by public information and the record alone. Each component gets its own
     * noisy count, sum and second moment; its weight is its noisy count, and the class count their
     * total. {@code counts} receives the noisy class counts.
     */
    static List<GaussianMixture> partitioned(double[][][] latentsByClass, int[][] cells, int[] components,
            Sigmas sigmas, double[] centre, int[] counts, DpNoise noise) {
        return partitioned(latentsByClass, cells, components, null, sigmas, centre, counts, noise);
    }

    /**
     * As above; with {@code axes} ({@code axes[c][j]}: orthonormal rows, the public component's
     * principal axes), each component's covariance is estimated along those axes only: the noise falls
     * on d sums of squared coordinates instead of d(d+1)/2 entries (the vector of squares of a latent
     * of norm at most C has norm at most C², the same sensitivity).
     */
    static List<GaussianMixture> partitioned(double[][][] latentsByClass, int[][] cells, int[] components,
            double[][][][] axes, Sigmas sigmas, double[] centre, int[] counts, DpNoise noise) {
        List<GaussianMixture> out = new ArrayList<>();
        int d = centre.length;
        for (int c = 0; c < latentsByClass.length; c++) {
            int k = components[c];
            double[] weights = new double[k];
            double[][] means = new double[k][];
            double[] covs = new double[k * d * d];
            double total = 0;
            for (int j = 0; j < k; j++) {
                double[] w = new double[latentsByClass[c].length];
                for (int i = 0; i < w.length; i++) {
                    w[i] = cells[c][i] == j ? 1 : 0;
                }
                double count = noise.gaussian(sigmas.count());
                double[] sum = new double[d];
                for (int i = 0; i < w.length; i++) {
                    count += w[i];
                    add(sum, latentsByClass[c][i], w[i]);
                }
                noise.addTo(sum, sigmas.sum());
                double n = Math.max(MIN_COMPONENT_RECORDS, count);
                double[] mean = scaled(sum, 1 / n);
                double[] cov;
                if (axes == null) {
                    double[][] moment = weightedSecondMoment(latentsByClass[c], w, d);
                    noise.addSymmetric(moment, sigmas.moment());
                    cov = covariance(moment, n, mean);
                } else {
                    cov = alongAxes(latentsByClass[c], w, axes[c][j], mean, n, sigmas.moment(), noise);
                }
                weights[j] = Math.max(0, count);
                total += weights[j];
                means[j] = shifted(mean, centre);
                System.arraycopy(cov, 0, covs, j * d * d, d * d);
            }
            counts[c] = (int) Math.max(1, Math.round(total));
            out.add(GaussianMixture.fromParameters(CovarianceType.FULL, normalised(weights), means, covs));
        }
        return out;
    }

    /** Σ_a var_a u_a u_aᵀ, var_a from the noisy weighted sum of squared coordinates along u_a; row-major. */
    private static double[] alongAxes(double[][] z, double[] w, double[][] axes, double[] mean, double n,
            double sigma, DpNoise noise) {
        int d = mean.length;
        double[] squares = new double[axes.length];
        for (int i = 0; i < z.length; i++) {
            if (w[i] == 0) {
                continue;
            }
            for (int a = 0; a < axes.length; a++) {
                double y = dot(axes[a], z[i]);
                squares[a] += w[i] * y * y;
            }
        }
        noise.addTo(squares, sigma);
        double[] out = new double[d * d];
        for (int a = 0; a < axes.length; a++) {
            double m = dot(axes[a], mean);
            double variance = Math.max(DpCompressor.VARIANCE_FLOOR, squares[a] / n - m * m);
            for (int i = 0; i < d; i++) {
                for (int k = 0; k < d; k++) {
                    out[i * d + k] += variance * axes[a][i] * axes[a][k];
                }
            }
        }
        return out;
    }

    /** The principal axes of each component of each mixture, as orthonormal rows. */
    static double[][][][] principalAxes(List<GaussianMixture> mixtures) {
        double[][][][] out = new double[mixtures.size()][][][];
        for (int c = 0; c < out.length; c++) {
            GaussianMixture m = mixtures.get(c);
            int d = m.dimension();
            double[] flat = m.covariancesFlat();
            out[c] = new double[m.components()][][];
            for (int j = 0; j < m.components(); j++) {
                double[][] matrix = new double[d][d];
                for (int i = 0; i < d; i++) {
                    for (int k = 0; k < d; k++) {
                        matrix[i][k] = flat[j * d * d + i * d + k];
                    }
                }
                out[c][j] = SymmetricEigen.of(matrix).vectors();
            }
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /**
     * The class's mixture from its clipped, centred latents {@code z}, shifted back by {@code centre}.
     * {@code n} is its noisy count (a class without records gets a mixture made of noise).
     */
    static GaussianMixture fit(double[][] z, double n, int k, Sigmas sigmas, double[] centre, DpNoise noise,
            SplittableRandom draws) {
        int d = centre.length;
        double[] sum = new double[d];
        for (double[] v : z) {
            add(sum, v, 1);
        }
        noise.addTo(sum, sigmas.sum());
        double[][] moment = weightedSecondMoment(z, null, d);
        noise.addSymmetric(moment, sigmas.moment());
        double[] mean = scaled(sum, 1 / n);
        double[] cov = covariance(moment, n, mean);
        if (sigmas.weights().length == 0) {
            return GaussianMixture.fromParameters(CovarianceType.FULL, new double[] {1},
                    new double[][] {shifted(mean, centre)}, cov);
        }
        GaussianMixture current = start(mean, cov, k, draws);
        for (int t = 0; t < sigmas.weights().length; t++) {
            current = iterate(current, z, t, sigmas, noise);
        }
        return shiftedMixture(current, centre);
    }

    /**
     * K means drawn from the class's private Gaussian, each with its covariance, equal weights. The
     * draws post-process private values, so they need no secret randomness.
     */
    private static GaussianMixture start(double[] mean, double[] cov, int k, SplittableRandom draws) {
        int d = mean.length;
        double[][] matrix = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                matrix[i][j] = cov[i * d + j];
            }
        }
        SymmetricEigen eigen = SymmetricEigen.of(matrix);
        double[][] means = new double[k][];
        double[] weights = new double[k];
        double[] covs = new double[k * d * d];
        for (int c = 0; c < k; c++) {
            double[] m = mean.clone();
            for (int a = 0; a < d; a++) {
                double g = Math.sqrt(Math.max(0, eigen.values()[a])) * draws.nextGaussian();
                add(m, eigen.vectors()[a], g);
            }
            means[c] = m;
            weights[c] = 1.0 / k;
            System.arraycopy(cov, 0, covs, c * d * d, d * d);
        }
        return GaussianMixture.fromParameters(CovarianceType.FULL, weights, means, covs);
    }

    /** One EM step on noisy responsibility-weighted statistics. */
    private static GaussianMixture iterate(GaussianMixture current, double[][] z, int t, Sigmas sigmas,
            DpNoise noise) {
        int k = current.components();
        int d = current.dimension();
        double[][] resp = z.length == 0 ? new double[0][k] : current.predictProba(z);
        double[] weights = new double[k];
        double[][] means = new double[k][];
        double[] covs = new double[k * d * d];
        for (int c = 0; c < k; c++) {
            double[] w = new double[z.length];
            double count = noise.gaussian(sigmas.weights()[t]);
            double[] sum = new double[d];
            for (int i = 0; i < z.length; i++) {
                w[i] = resp[i][c];
                count += w[i];
                add(sum, z[i], w[i]);
            }
            noise.addTo(sum, sigmas.sums()[t]);
            double[][] moment = weightedSecondMoment(z, w, d);
            noise.addSymmetric(moment, sigmas.moments()[t]);
            double n = Math.max(MIN_COMPONENT_RECORDS, count);
            weights[c] = Math.max(0, count);
            means[c] = scaled(sum, 1 / n);
            System.arraycopy(covariance(moment, n, means[c]), 0, covs, c * d * d, d * d);
        }
        return GaussianMixture.fromParameters(CovarianceType.FULL, normalised(weights), means, covs);
    }

    /** Weights that sum to 1, each at least a millionth: noise may push a count below zero. */
    static double[] normalised(double[] counts) {
        double total = 0;
        for (double c : counts) {
            total += Math.max(0, c);
        }
        double[] out = new double[counts.length];
        double floored = 0;
        for (int i = 0; i < counts.length; i++) {
            out[i] = total > 0 ? Math.max(1e-6, Math.max(0, counts[i]) / total) : 1.0 / counts.length;
            floored += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= floored;
        }
        return out;
    }

    private static GaussianMixture shiftedMixture(GaussianMixture m, double[] centre) {
        double[][] means = m.means();
        for (int c = 0; c < means.length; c++) {
            means[c] = shifted(means[c], centre);
        }
        return GaussianMixture.fromParameters(CovarianceType.FULL, m.weights(), means, m.covariancesFlat());
    }

    /** Noisy second moment over n, less the mean's outer product, made positive definite; row-major. */
    private static double[] covariance(double[][] moment, double n, double[] mean) {
        int d = mean.length;
        double[][] cov = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                cov[i][j] = moment[i][j] / n - mean[i] * mean[j];
            }
        }
        return DpCompressor.nearestPositiveDefinite(cov);
    }

    /** Σ w_i x_i x_iᵀ (all weights 1 when {@code w} is null). */
    static double[][] weightedSecondMoment(double[][] rows, double[] w, int d) {
        double[][] m = new double[d][d];
        for (int s = 0; s < rows.length; s++) {
            double[] x = rows[s];
            double ws = w == null ? 1 : w[s];
            for (int i = 0; i < d; i++) {
                double xi = ws * x[i];
                if (xi == 0) {
                    continue;
                }
                double[] row = m[i];
                for (int j = i; j < d; j++) {
                    row[j] += xi * x[j];
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                m[i][j] = m[j][i];
            }
        }
        return m;
    }

    private static double[] scaled(double[] v, double factor) {
        double[] out = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            out[j] = v[j] * factor;
        }
        return out;
    }

    private static double[] shifted(double[] v, double[] by) {
        double[] out = v.clone();
        add(out, by, 1);
        return out;
    }

    static void add(double[] sum, double[] x, double weight) {
        for (int j = 0; j < sum.length; j++) {
            sum[j] += weight * x[j];
        }
    }

    /** Every class's mixture; {@code counts} receives the noisy counts. */
    static List<GaussianMixture> all(double[][][] latentsByClass, int k, Sigmas sigmas, double[] centre, int[] counts,
            DpNoise noise, SplittableRandom draws) {
        List<GaussianMixture> out = new ArrayList<>();
        for (int c = 0; c < latentsByClass.length; c++) {
            double nc = latentsByClass[c].length + noise.gaussian(sigmas.count());
            counts[c] = (int) Math.max(1, Math.round(nc));
            out.add(fit(latentsByClass[c], Math.max(1, nc), k, sigmas, centre, noise, draws));
        }
        return out;
    }
}
