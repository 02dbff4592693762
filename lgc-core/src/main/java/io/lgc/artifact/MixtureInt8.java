package io.lgc.artifact;

import io.lgc.gmm.CovarianceType;

/**
 * Int8 storage of a class's Cholesky factors: {@code v ≈ q · scale[row]} with {@code q} in
 * −127..127 and one float scale per row, a row being one row of a packed lower-triangular factor
 * (full, tied), a whole factor block (diag, spherical), or one loading vector or the standard
 * deviations of a low-rank block ({@link LowRankFactors}). Per row, because a factor's row i holds
 * the spread of latent coordinate i, and coordinates differ in spread: one scale per matrix would
 * round the narrow ones coarsely.
 *
 * <p>The means stay fp16: a component is narrow along some directions, and a mean rounded to a
 * 255-level grid of its largest coordinate moves it by more than its own width there (on the latent-64,
 * seven-component Fashion-MNIST file, int8 means alone moved a class by up to 1.2 nats, int8 factors
 * alone by 0.09), while the means are a small part of the bytes (d of the d + d(d+1)/2 values of a
 * full-covariance component).
 *
 * <p>A Cholesky factor's diagonal must stay positive: a diagonal entry that would round to 0 is
 * stored as one step instead (so every stored diagonal is at least its row's step).
 */
final class MixtureInt8 {
    static final int LIMIT = PerChannelInt8.LIMIT;

    private MixtureInt8() {
    }

    /**
     * Where each row starts in a tensor's flat values, and the shape of its scale tensor (one scale a row).
     */
    record Rows(int[] starts, int length, long[] scaleShape) {
        int count() {
            return starts.length;
        }

        int end(int row) {
            return row + 1 < starts.length ? starts[row + 1] : length;
        }
    }

    /** Quantised values and one scale per row; {@code halfScales} as {@link PerChannelInt8.Quantized} says. */
    record Quantized(byte[] values, float[] scales, long[] scaleShape, boolean halfScales) {
    }

    /** The rows of packed factors [blocks, packed]: d per block for full and tied, 1 per block otherwise. */
    static Rows factorRows(CovarianceType type, int k, int d) {
        return factorRows(type, k, d, 0);
    }

    /**
     * As above; for full covariances stored at {@code rank} > 0 ({@link LowRankFactors}) a row is one
     * loading vector or the standard deviations: rank + 1 rows of d values per block.
     */
    static Rows factorRows(CovarianceType type, int k, int d, int rank) {
        if (rank > 0) {
            int[] starts = new int[k * (rank + 1)];
            for (int i = 0; i < starts.length; i++) {
                starts[i] = i * d;
            }
            return new Rows(starts, k * LowRankFactors.packedSize(d, rank), new long[] {k, rank + 1});
        }
        int blocks = CovarianceFactors.blocks(type, k);
        int packed = CovarianceFactors.packedSize(type, d);
        boolean triangular = type == CovarianceType.FULL || type == CovarianceType.TIED;
        int perBlock = triangular ? d : 1;
        int[] starts = new int[blocks * perBlock];
        for (int b = 0; b < blocks; b++) {
            for (int i = 0; i < perBlock; i++) {
                starts[b * perBlock + i] = b * packed + (triangular ? i * (i + 1) / 2 : 0);
            }
        }
        return new Rows(starts, blocks * packed, new long[] {blocks, perBlock});
    }

    static Quantized quantizeFactors(double[] packed, CovarianceType type, int k, int d) {
        return quantizeFactors(packed, type, k, d, 0);
    }

    /** As above, for factors stored at {@code rank} (see {@link #factorRows(CovarianceType, int, int, int)}). */
    static Quantized quantizeFactors(double[] packed, CovarianceType type, int k, int d, int rank) {
        boolean[] positive = new boolean[packed.length];
        if (rank > 0) {
            for (int b = 0; b < k; b++) {
                for (int i = 0; i < d; i++) {
                    positive[b * LowRankFactors.packedSize(d, rank) + LowRankFactors.deviationIndex(d, rank, i)] = true;
                }
            }
            return quantize(packed, factorRows(type, k, d, rank), positive);
        }
        for (int b = 0; b < CovarianceFactors.blocks(type, k); b++) {
            int base = b * CovarianceFactors.packedSize(type, d);
            switch (type) {
                case FULL, TIED -> {
                    for (int i = 0; i < d; i++) {
                        positive[base + CovarianceFactors.diagonalIndex(type, i)] = true;
                    }
                }
                default -> {
                    for (int i = 0; i < CovarianceFactors.packedSize(type, d); i++) {
                        positive[base + i] = true;
                    }
                }
            }
        }
        return quantize(packed, factorRows(type, k, d), positive);
    }

    /** {@code positive} marks values that must read back above 0. */
    private static Quantized quantize(double[] values, Rows rows, boolean[] positive) {
        if (values.length != rows.length()) {
            throw new IllegalArgumentException(values.length + " values for rows of " + rows.length());
        }
        float[] scales = new float[rows.count()];
        for (int r = 0; r < rows.count(); r++) {
            float max = 0;
            for (int i = rows.starts()[r]; i < rows.end(r); i++) {
                if (!Double.isFinite(values[i]) || !Float.isFinite((float) values[i])) {
                    throw new IllegalArgumentException("value " + i + " is " + values[i]
                            + "; only values within float's range can be stored at int8");
                }
                max = Math.max(max, Math.abs((float) values[i]));
            }
            scales[r] = PerChannelInt8.scaleFor(max);
        }
        float[] halfs = PerChannelInt8.asHalfs(scales);
        if (halfs != null) {
            scales = halfs;
        }
        byte[] q = new byte[values.length];
        for (int r = 0; r < rows.count(); r++) {
            for (int i = rows.starts()[r]; i < rows.end(r); i++) {
                byte level = PerChannelInt8.level((float) values[i], scales[r], LIMIT);
                q[i] = positive[i] && level < 1 ? 1 : level;
            }
        }
        return new Quantized(q, scales, rows.scaleShape(), halfs != null);
    }

    /** {@code q · scale} in float arithmetic, exactly as every reader computes it, widened to double. */
    static double[] dequantize(byte[] q, float[] scales, Rows rows) {
        double[] out = new double[q.length];
        for (int r = 0; r < rows.count(); r++) {
            for (int i = rows.starts()[r]; i < rows.end(r); i++) {
                out[i] = q[i] * scales[r];
            }
        }
        return out;
    }
}
