package io.lgc.gmm;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * A private copy of the data cut into contiguous chunks of samples, each chunk also stored
 * feature-major so that kernels loop over samples in their innermost loop (which the JIT
 * vectorises). The chunking depends only on n, never on the number of threads: every reduction
 * sums per-chunk partials in chunk order, so results are bitwise reproducible.
 */
final class ChunkedData {
    /** Fewest samples per chunk: enough work to outweigh scheduling a task, yet several tasks per core. */
    private static final int MIN_CHUNK = 256;
    /** Most chunks: bounds the memory of per-chunk partial sums (k·d² each for full covariances). */
    private static final int MAX_CHUNKS = 64;

    final int n;
    final int d;
    /** n × d, sample-major. */
    final double[][] rows;
    private final int chunkLength;
    /** Per chunk: d × length, feature-major. */
    private final double[][][] columns;

    private ChunkedData(double[][] rows) {
        this.rows = rows;
        this.n = rows.length;
        this.d = rows[0].length;
        int wanted = Math.max(MIN_CHUNK, (n + MAX_CHUNKS - 1) / MAX_CHUNKS);
        this.chunkLength = Math.min(n, wanted);
        int chunks = (n + chunkLength - 1) / chunkLength;
        this.columns = new double[chunks][][];
        for (int c = 0; c < chunks; c++) {
            int start = start(c);
            int length = length(c);
            double[][] cols = new double[d][length];
            for (int s = 0; s < length; s++) {
                double[] row = rows[start + s];
                for (int i = 0; i < d; i++) {
                    cols[i][s] = row[i];
                }
            }
            columns[c] = cols;
        }
    }

    /** Validates {@code x} (InputException on bad data) and copies it. */
    static ChunkedData of(double[][] x) {
        Inputs.requireFiniteMatrix(x);
        return copyOf(x);
    }

    /** Validates {@code x} against a model's dimension and copies it. */
    static ChunkedData of(double[][] x, int expectedDimension) {
        Inputs.requireFiniteMatrix(x, expectedDimension);
        return copyOf(x);
    }

    private static ChunkedData copyOf(double[][] x) {
        double[][] rows = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            double[] row = x[i].clone();
            for (int j = 0; j < row.length; j++) {
                row[j] += 0.0; // turns -0.0 into 0.0 so that equal points compare equal
            }
            rows[i] = row;
        }
        return new ChunkedData(rows);
    }

    int chunks() {
        return columns.length;
    }

    int start(int chunk) {
        return chunk * chunkLength;
    }

    int length(int chunk) {
        return Math.min(chunkLength, n - start(chunk));
    }

    /** The chunk holding a sample, and its index inside the chunk. */
    int chunkOf(int sample) {
        return sample / chunkLength;
    }

    int offsetInChunk(int sample) {
        return sample % chunkLength;
    }

    double[][] columns(int chunk) {
        return columns[chunk];
    }

    /** Runs a task for every chunk, in parallel when there is more than one. */
    void forEachChunk(IntConsumer task) {
        if (columns.length == 1) {
            task.accept(0);
        } else {
            IntStream.range(0, columns.length).parallel().forEach(task);
        }
    }

    /** Number of distinct rows, counting no further than {@code limit}. */
    int distinctRows(int limit) {
        Set<Row> seen = new HashSet<>();
        for (double[] row : rows) {
            seen.add(new Row(row));
            if (seen.size() >= limit) {
                break;
            }
        }
        return seen.size();
    }

    /** Mean over features of the per-feature variance; a natural scale for regularisers. */
    double meanVariance() {
        double total = 0;
        for (int i = 0; i < d; i++) {
            double mean = 0;
            for (double[] row : rows) {
                mean += row[i];
            }
            mean /= n;
            double squares = 0;
            for (double[] row : rows) {
                double diff = row[i] - mean;
                squares += diff * diff;
            }
            total += squares / n;
        }
        return total / d;
    }

    /** A row compared by value, for counting distinct points. */
    private record Row(double[] values) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Row row && Arrays.equals(values, row.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }
}
