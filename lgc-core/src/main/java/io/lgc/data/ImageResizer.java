package io.lgc.data;

/**
 * Resizes uint8 CHW images, each axis on its own: area averaging where the axis shrinks (every
 * source pixel counts in proportion to how much of the output pixel it covers), bilinear
 * interpolation between pixel centres where it grows, and a plain copy where it keeps its size.
 *
 * <p>All weights are integers over a per-axis denominator, so the whole computation is exact
 * integer arithmetic with one rounding (half up) at the end: the same bytes on every platform,
 * constant images stay constant, and an image already of the target size comes out unchanged.
 */
final class ImageResizer {
    private ImageResizer() {}

    /**
     * Resizes {@code channels} planes of {@code srcHeight} x {@code srcWidth} bytes to
     * {@code dstHeight} x {@code dstWidth}.
     */
    static byte[] resize(byte[] src, int channels, int srcHeight, int srcWidth, int dstHeight, int dstWidth) {
        if (src.length != channels * srcHeight * srcWidth) {
            throw new IllegalArgumentException(src.length + " bytes are not " + channels + "x" + srcHeight
                    + "x" + srcWidth);
        }
        if (srcHeight == dstHeight && srcWidth == dstWidth) {
            return src.clone();
        }
        AxisWeights across = AxisWeights.of(srcWidth, dstWidth);
        AxisWeights down = AxisWeights.of(srcHeight, dstHeight);
        long denominator = (long) across.denominator * down.denominator;
        byte[] out = new byte[channels * dstHeight * dstWidth];
        // Two output-width rows, whatever the sizes: a whole plane resized across would take
        // srcHeight x dstWidth longs, gigabytes for a tall image and a wide target.
        long[] sums = new long[dstWidth];
        long[] across1 = new long[dstWidth];
        for (int c = 0; c < channels; c++) {
            int plane = c * srcHeight * srcWidth;
            int outPlane = c * dstHeight * dstWidth;
            for (int y = 0; y < dstHeight; y++) {
                java.util.Arrays.fill(sums, 0);
                for (int k = 0; k < down.count[y]; k++) {
                    resizeRowAcross(src, plane + (down.first[y] + k) * srcWidth, across, across1);
                    long w = down.weight[y][k];
                    for (int x = 0; x < dstWidth; x++) {
                        sums[x] += w * across1[x];
                    }
                }
                for (int x = 0; x < dstWidth; x++) {
                    long rounded = (2 * sums[x] + denominator) / (2 * denominator);
                    out[outPlane + y * dstWidth + x] = (byte) Math.min(255, rounded);
                }
            }
        }
        return out;
    }

    /** One source row starting at {@code row}, resized across into {@code out}. */
    private static void resizeRowAcross(byte[] src, int row, AxisWeights across, long[] out) {
        for (int x = 0; x < out.length; x++) {
            long sum = 0;
            for (int k = 0; k < across.count[x]; k++) {
                sum += across.weight[x][k] * Byte.toUnsignedInt(src[row + across.first[x] + k]);
            }
            out[x] = sum;
        }
    }

    /**
     * For each output index along one axis, the source indices {@code first .. first+count-1} with
     * integer weights that sum to {@code denominator}.
     */
    private static final class AxisWeights {
        final int[] first;
        final int[] count;
        final long[][] weight;
        final int denominator;

        private AxisWeights(int size, int denominator) {
            this.first = new int[size];
            this.count = new int[size];
            this.weight = new long[size][];
            this.denominator = denominator;
        }

        static AxisWeights of(int src, int dst) {
            if (src == dst) {
                AxisWeights same = new AxisWeights(dst, 1);
                for (int i = 0; i < dst; i++) {
                    same.first[i] = i;
                    same.count[i] = 1;
                    same.weight[i] = new long[] {1};
                }
                return same;
            }
            return src > dst ? area(src, dst) : bilinear(src, dst);
        }

        /**
         * Measured in units of 1/dst source pixels, source pixel j spans [j·dst, (j+1)·dst) and
         * output pixel i spans [i·src, (i+1)·src); the weight of j is their overlap, out of src.
         */
        private static AxisWeights area(int src, int dst) {
            AxisWeights w = new AxisWeights(dst, src);
            for (int i = 0; i < dst; i++) {
                long start = (long) i * src;
                long end = start + src;
                int from = (int) (start / dst);
                int to = (int) ((end - 1) / dst); // last source pixel that overlaps
                w.first[i] = from;
                w.count[i] = to - from + 1;
                w.weight[i] = new long[w.count[i]];
                for (int j = from; j <= to; j++) {
                    long overlap = Math.min(end, (long) (j + 1) * dst) - Math.max(start, (long) j * dst);
                    w.weight[i][j - from] = overlap;
                }
            }
            return w;
        }

        /**
         * Output pixel i's centre lies at source position (i + 1/2)·src/dst − 1/2, that is
         * ((2i+1)·src − dst) / (2·dst), clamped to the first and last source centre; it mixes the
         * two source pixels around it by distance, in units of 1/(2·dst).
         */
        private static AxisWeights bilinear(int src, int dst) {
            int unit = 2 * dst;
            AxisWeights w = new AxisWeights(dst, unit);
            for (int i = 0; i < dst; i++) {
                long position = Math.max(0, (2L * i + 1) * src - dst);
                int left = (int) (position / unit);
                long fraction = position % unit;
                if (left >= src - 1) {
                    left = src - 1;
                    fraction = 0;
                }
                w.first[i] = left;
                if (fraction == 0) {
                    w.count[i] = 1;
                    w.weight[i] = new long[] {unit};
                } else {
                    w.count[i] = 2;
                    w.weight[i] = new long[] {unit - fraction, fraction};
                }
            }
            return w;
        }
    }
}
