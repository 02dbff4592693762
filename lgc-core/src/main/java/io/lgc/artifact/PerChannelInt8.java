package io.lgc.artifact;

import io.lgc.artifact.container.HalfFloat;

/**
 * Symmetric integer quantisation with one scale per output channel (the tensor's first axis):
 * {@code w ≈ q · scale[channel]} with {@code q} in −127..127 (int8) or −7..7 (int4, still one
 * byte a value: the decoder section's deflate packs the 15 levels). Per channel, because the rows of
 * a trained layer differ in magnitude by orders of magnitude and one scale per tensor would
 * round the small rows to nothing; symmetric, because weights are centred on zero and a zero
 * point would only cost bytes.
 *
 * <p>Every element is reproduced within half a step ({@code scale / 2}) plus the float rounding
 * of the product; a channel of zeros gets scale 1 and reproduces exactly.
 */
final class PerChannelInt8 {
    /** Largest |q| under int8; −128 is never written, so the range is symmetric. */
    static final int LIMIT = 127;
    /** Largest |q| under int4; −8 is never written, as above. */
    static final int INT4_LIMIT = 7;
    /**
     * Under int4 the scale is searched among max/7 · (1 − j/{@value #SHRINK_STEPS}), j = 0..{@value
     * #SHRINK_STEPS}/2: with 15 levels, letting the largest weights clip buys a finer step for all
     * the others and lowers the squared error (by 15-16 % on Fashion-MNIST's stem decoders); with 255 levels it
     * never pays, and int8 keeps max/127.
     */
    static final int SHRINK_STEPS = 32;

    private PerChannelInt8() {
    }

    /** The smallest normal fp16 number; below it fp16 keeps fewer than its 11 significant bits. */
    static final float HALF_MIN_NORMAL = 0x1p-14f;
    /** The largest finite fp16 number. */
    static final float HALF_MAX = 65504f;

    /**
     * Quantised values (same layout as the weights) and one positive, finite scale per channel;
     * {@code halfScales} when every scale is an fp16 number, so that storing them in fp16 loses nothing.
     */
    record Quantized(byte[] values, float[] scales, boolean halfScales) {
    }

    /** int8: {@link #quantize(float[], int, int)} with {@link #LIMIT}. */
    static Quantized quantize(float[] weights, int channels) {
        return quantize(weights, channels, LIMIT);
    }

    /**
     * @param channels size of the first axis; {@code weights.length} must be a multiple of it
     * @param limit {@link #LIMIT} (int8) or {@link #INT4_LIMIT} (int4)
     */
    static Quantized quantize(float[] weights, int channels, int limit) {
        if (limit != LIMIT && limit != INT4_LIMIT) {
            throw new IllegalArgumentException("no quantisation to -" + limit + ".." + limit);
        }
        if (channels <= 0 || weights.length % channels != 0) {
            throw new IllegalArgumentException(weights.length + " weights do not split into " + channels
                    + " channels");
        }
        if (limit == LIMIT && onInt4Grid(weights, channels)) {
            return quantize(weights, channels, INT4_LIMIT);
        }
        int per = weights.length / channels;
        float[] scales = new float[channels];
        for (int c = 0; c < channels; c++) {
            float max = 0;
            for (int i = c * per; i < (c + 1) * per; i++) {
                if (!Float.isFinite(weights[i])) {
                    throw new IllegalArgumentException("weight " + i + " is " + weights[i]
                            + "; only finite weights can be quantised");
                }
                max = Math.max(max, Math.abs(weights[i]));
            }
            scales[c] = scaleFor(max, limit);
        }
        // int4 keeps fp32 scales: its rounding steps train the decoder for its exact grid, and on the fp16 grid
        // they trained one that decoded further from the network (README, Storage precision)
        float[] halfs = limit == INT4_LIMIT ? null : asHalfs(scales);
        boolean half = halfs != null;
        if (half) {
            scales = halfs;
        }
        byte[] q = new byte[weights.length];
        for (int c = 0; c < channels; c++) {
            if (limit == INT4_LIMIT) {
                float grid = gridOf(weights, c * per, (c + 1) * per, scales[c], limit);
                scales[c] = grid > 0 ? grid : leastSquaredErrorScale(weights, c * per, (c + 1) * per, scales[c], limit);
            }
            for (int i = c * per; i < (c + 1) * per; i++) {
                q[i] = level(weights[i], scales[c], limit);
            }
        }
        return new Quantized(q, scales, half);
    }

    /**
     * {@code scales} rounded to the nearest fp16 numbers, or null if one of them would fall outside
     * fp16's normal range. The values are then quantised on the rounded scales, so a file that stores
     * them in fp16 (half the bytes of fp32: at a latent of 32 the int8 mixtures' scales are a sixth of
     * their section) reproduces every weight as exactly as fp32 scales would, on a grid up to 0.05 %
     * coarser or finer.
     */
    static float[] asHalfs(float[] scales) {
        float[] out = new float[scales.length];
        for (int i = 0; i < scales.length; i++) {
            float half = toHalf(scales[i]);
            if (!(half >= HALF_MIN_NORMAL && half <= HALF_MAX)) {
                return null;
            }
            out[i] = half;
        }
        return out;
    }

    private static float toHalf(float value) {
        return HalfFloat.toFloat(HalfFloat.fromFloat(value));
    }

    /** {@code weight / scale} rounded to the nearest level, clamped to −limit..limit. */
    static byte level(float weight, float scale, int limit) {
        long step = Math.round(Math.rint(weight / (double) scale));
        return (byte) Math.max(-limit, Math.min(limit, step));
    }

    /**
     * The scale of the grid from..to already lies on with its largest magnitude at level {@code limit} (what a
     * reader got back from a file: every value {@code q · scale} in float arithmetic), or 0 if there is none.
     * Kept rather than searched again, so that a file read and written again is the same file: the search's
     * candidates start from {@code full}, which lies a float's last bit or two from the grid's own scale.
     */
    private static float gridOf(float[] w, int from, int to, float full, int limit) {
        float down = Math.nextDown(full);
        float up = Math.nextUp(full);
        for (float candidate : new float[] {full, down, up, Math.nextDown(down), Math.nextUp(up)}) {
            if (candidate > 0 && Float.isFinite(candidate) && onGrid(w, from, to, candidate, limit)) {
                return candidate;
            }
        }
        return 0;
    }

    /**
     * Whether every channel of a weight that is not all zeros already lies on an int4 grid, as int4's
     * rounding steps leave a layer that a file stores at int8 beside others at int4 (a mixed decoder): int8
     * then keeps that grid, scales in F32, where its own grid would round every weight again, and the
     * section's deflate packs the 15 levels as it does an int4 file's.
     */
    static boolean onInt4Grid(float[] weights, int channels) {
        int per = weights.length / channels;
        boolean between = false;
        for (int c = 0; c < channels; c++) {
            float max = 0;
            for (int i = c * per; i < (c + 1) * per; i++) {
                max = Math.max(max, Math.abs(weights[i]));
            }
            if (max == 0) {
                continue;
            }
            float grid = Float.isFinite(max) ? gridOf(weights, c * per, (c + 1) * per, scaleFor(max, INT4_LIMIT),
                    INT4_LIMIT) : 0;
            if (grid == 0) {
                return false;
            }
            between |= hasInnerLevel(weights, c * per, (c + 1) * per, grid);
        }
        return between;
    }

    /**
     * Whether a weight lies strictly between 0 and ±7 steps: a channel of one value, or of 0 and one
     * magnitude, lies on an int4 grid by construction, and saying so of it would not mean int4's rounding made it.
     */
    private static boolean hasInnerLevel(float[] w, int from, int to, float scale) {
        for (int i = from; i < to; i++) {
            int level = Math.abs(level(w[i], scale, INT4_LIMIT));
            if (level > 0 && level < INT4_LIMIT) {
                return true;
            }
        }
        return false;
    }

    private static boolean onGrid(float[] w, int from, int to, float scale, int limit) {
        for (int i = from; i < to; i++) {
            if (level(w[i], scale, limit) * scale != w[i]) {
                return false;
            }
        }
        return true;
    }

    /** Of the candidate scales (see {@link #SHRINK_STEPS}), the first with the least squared error over from..to. */
    private static float leastSquaredErrorScale(float[] w, int from, int to, float full, int limit) {
        float best = full;
        double bestError = Double.POSITIVE_INFINITY;
        for (int j = 0; j <= SHRINK_STEPS / 2; j++) {
            float scale = (float) (full * (1 - j / (double) SHRINK_STEPS));
            if (!(scale > 0)) {
                break;
            }
            double error = 0;
            for (int i = from; i < to; i++) {
                double d = w[i] - level(w[i], scale, limit) * scale;
                error += d * d;
            }
            if (error < bestError) {
                best = scale;
                bestError = error;
            }
        }
        return best;
    }

    /** {@link #scaleFor(float, int)} for int8. */
    static float scaleFor(float max) {
        return scaleFor(max, LIMIT);
    }

    /**
     * The float scale for a channel whose largest magnitude is {@code max}: max/limit, rounded
     * down so that limit·scale cannot overflow for max near Float.MAX_VALUE, unless rounding down
     * would push max beyond limit + ½ steps (possible only among subnormals, where it rounds up).
     */
    static float scaleFor(float max, int limit) {
        if (max == 0) {
            return 1f;
        }
        double exact = max / (double) limit;
        float scale = (float) exact;
        if (scale > exact) {
            scale = Math.nextDown(scale);
        }
        if (scale == 0 || max / (double) scale > limit + 0.5) {
            scale = Math.nextUp(scale);
        }
        return scale;
    }

    /** The index of the first scale that is not finite and positive, or −1: a reader refuses such a file. */
    static int firstInvalidScale(float[] scales) {
        for (int i = 0; i < scales.length; i++) {
            if (!(scales[i] > 0) || !Float.isFinite(scales[i])) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the first value beyond −limit..limit, or −1: a reader refuses such a file. */
    static int firstBeyond(byte[] q, int limit) {
        for (int i = 0; i < q.length; i++) {
            if (Math.abs(q[i]) > limit) {
                return i;
            }
        }
        return -1;
    }

    /** {@code q · scale} in float arithmetic, exactly as every reader computes it. */
    static float[] dequantize(byte[] values, float[] scales) {
        int per = scales.length == 0 ? 0 : values.length / scales.length;
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] * scales[i / per];
        }
        return out;
    }
}
