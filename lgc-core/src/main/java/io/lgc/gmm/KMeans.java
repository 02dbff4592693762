package io.lgc.gmm;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * k-means as scikit-learn's KMeans(n_init=1) uses it to initialise a mixture: greedy k-means++
 * seeding (2 + ⌊ln k⌋ candidates per centre, keeping the one that lowers the potential most),
 * then Lloyd iterations until the labels stop changing or the centres move less than
 * 1e-4 × mean feature variance, at most 300 times. Empty clusters take the points farthest from
 * their centres. Distances are computed per chunk in parallel; sums reduce in chunk order.
 */
final class KMeans {
    private static final int MAX_ITER = 300;
    private static final double RELATIVE_TOL = 1e-4;

    private KMeans() {
    }

    /** Indices of k seed points chosen by greedy k-means++. */
    static int[] plusPlus(ChunkedData data, int k, SplittableRandom rng) {
        int n = data.n;
        int[] chosen = new int[k];
        chosen[0] = rng.nextInt(n);
        double[] closest = new double[n];
        double potential = distancesTo(data, data.rows[chosen[0]], null, closest);
        int trials = 2 + (int) Math.log(k);
        double[][] candidateDistances = new double[trials][n];
        double[] cumulative = new double[n];
        int[] candidates = new int[trials];
        for (int center = 1; center < k; center++) {
            double running = 0;
            for (int s = 0; s < n; s++) {
                running += closest[s];
                cumulative[s] = running;
            }
            for (int t = 0; t < trials; t++) {
                candidates[t] = Math.min(n - 1, firstAtLeast(cumulative, rng.nextDouble() * potential));
            }
            int best = 0;
            double bestPotential = Double.POSITIVE_INFINITY;
            for (int t = 0; t < trials; t++) {
                double p = distancesTo(data, data.rows[candidates[t]], closest, candidateDistances[t]);
                if (p < bestPotential) {
                    bestPotential = p;
                    best = t;
                }
            }
            chosen[center] = candidates[best];
            potential = bestPotential;
            System.arraycopy(candidateDistances[best], 0, closest, 0, n);
        }
        return chosen;
    }

    /** Cluster label of every sample after k-means++ seeding and Lloyd iterations. */
    static int[] labels(ChunkedData data, int k, SplittableRandom rng) {
        double[][] centers = new double[k][];
        int[] seeds = plusPlus(data, k, rng);
        for (int c = 0; c < k; c++) {
            centers[c] = data.rows[seeds[c]].clone();
        }
        double tol = RELATIVE_TOL * data.meanVariance();
        Assignment assignment = new Assignment(data, k);
        int[] previous = null;
        for (int iter = 0; iter < MAX_ITER; iter++) {
            assignment.assign(centers);
            if (previous != null && Arrays.equals(previous, assignment.labels)) {
                return assignment.labels;
            }
            double[][] updated = assignment.newCenters(centers);
            double shift = 0;
            for (int c = 0; c < k; c++) {
                for (int i = 0; i < data.d; i++) {
                    double v = updated[c][i] - centers[c][i];
                    shift += v * v;
                }
            }
            centers = updated;
            if (shift <= tol) {
                break;
            }
            previous = assignment.labels.clone();
        }
        assignment.assign(centers);
        return assignment.labels;
    }

    /**
     * out[s] = ‖xₛ − point‖², or its minimum with bound[s] when bound is given.
     *
     * @return Σ out
     */
    private static double distancesTo(ChunkedData data, double[] point, double[] bound, double[] out) {
        double[] partial = new double[data.chunks()];
        data.forEachChunk(chunk -> {
            int start = data.start(chunk);
            int length = data.length(chunk);
            double[][] cols = data.columns(chunk);
            Arrays.fill(out, start, start + length, 0.0);
            for (int i = 0; i < data.d; i++) {
                double[] x = cols[i];
                double p = point[i];
                for (int s = 0; s < length; s++) {
                    double v = x[s] - p;
                    out[start + s] += v * v;
                }
            }
            if (bound != null) {
                for (int s = start; s < start + length; s++) {
                    out[s] = Math.min(out[s], bound[s]);
                }
            }
            double sum = 0;
            for (int s = start; s < start + length; s++) {
                sum += out[s];
            }
            partial[chunk] = sum;
        });
        double total = 0;
        for (double p : partial) {
            total += p;
        }
        return total;
    }

    /** First index whose cumulative value is ≥ v (numpy's searchsorted, side "left"). */
    private static int firstAtLeast(double[] cumulative, double v) {
        int lo = 0;
        int hi = cumulative.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Labels of the nearest centre, distances to it, and per-cluster sums, per chunk. */
    private static final class Assignment {
        private final ChunkedData data;
        private final int k;
        final int[] labels;
        private final double[] distance;
        private final double[][][] distancesByChunk;
        private final double[][][] sumsByChunk;
        private final int[][] countsByChunk;

        Assignment(ChunkedData data, int k) {
            this.data = data;
            this.k = k;
            this.labels = new int[data.n];
            this.distance = new double[data.n];
            this.distancesByChunk = new double[data.chunks()][][];
            this.sumsByChunk = new double[data.chunks()][k][data.d];
            this.countsByChunk = new int[data.chunks()][k];
            for (int chunk = 0; chunk < data.chunks(); chunk++) {
                distancesByChunk[chunk] = new double[k][data.length(chunk)];
            }
        }

        void assign(double[][] centers) {
            data.forEachChunk(chunk -> assignChunk(chunk, centers));
        }

        private void assignChunk(int chunk, double[][] centers) {
            int start = data.start(chunk);
            int length = data.length(chunk);
            double[][] cols = data.columns(chunk);
            double[][] dist = distancesByChunk[chunk];
            for (int c = 0; c < k; c++) {
                double[] q = dist[c];
                Arrays.fill(q, 0.0);
                for (int i = 0; i < data.d; i++) {
                    double[] x = cols[i];
                    double m = centers[c][i];
                    for (int s = 0; s < length; s++) {
                        double v = x[s] - m;
                        q[s] += v * v;
                    }
                }
            }
            double[][] sums = sumsByChunk[chunk];
            int[] counts = countsByChunk[chunk];
            for (double[] row : sums) {
                Arrays.fill(row, 0.0);
            }
            Arrays.fill(counts, 0);
            for (int s = 0; s < length; s++) {
                int best = 0;
                double min = dist[0][s];
                for (int c = 1; c < k; c++) {
                    if (dist[c][s] < min) {
                        min = dist[c][s];
                        best = c;
                    }
                }
                labels[start + s] = best;
                distance[start + s] = min;
                counts[best]++;
                double[] row = data.rows[start + s];
                double[] sum = sums[best];
                for (int i = 0; i < row.length; i++) {
                    sum[i] += row[i];
                }
            }
        }

        /** Means of the clusters; an empty cluster takes the point farthest from its centre. */
        double[][] newCenters(double[][] oldCenters) {
            int d = data.d;
            double[][] sums = new double[k][d];
            int[] counts = new int[k];
            for (int chunk = 0; chunk < data.chunks(); chunk++) {
                for (int c = 0; c < k; c++) {
                    counts[c] += countsByChunk[chunk][c];
                    for (int i = 0; i < d; i++) {
                        sums[c][i] += sumsByChunk[chunk][c][i];
                    }
                }
            }
            for (int c = 0; c < k; c++) {
                if (counts[c] == 0) {
                    relocate(c, sums, counts);
                }
            }
            double[][] centers = new double[k][d];
            for (int c = 0; c < k; c++) {
                for (int i = 0; i < d; i++) {
                    centers[c][i] = counts[c] == 0 ? oldCenters[c][i] : sums[c][i] / counts[c];
                }
            }
            return centers;
        }

        private void relocate(int empty, double[][] sums, int[] counts) {
            int farthest = -1;
            for (int s = 0; s < data.n; s++) {
                if (counts[labels[s]] > 1 && (farthest < 0 || distance[s] > distance[farthest])) {
                    farthest = s;
                }
            }
            if (farthest < 0 || distance[farthest] == 0) {
                return;
            }
            double[] row = data.rows[farthest];
            int from = labels[farthest];
            for (int i = 0; i < row.length; i++) {
                sums[from][i] -= row[i];
                sums[empty][i] = row[i];
            }
            counts[from]--;
            counts[empty] = 1;
            labels[farthest] = empty;
            distance[farthest] = 0;
        }
    }
}
