package io.lgc.artifact;

/**
 * Symmetric int8 quantisation with one scale per output channel (the tensor's first axis):
 * {@code w ≈ q · scale[channel]} with {@code q} in −127..127. Per channel, because the rows of
 * a trained layer differ in magnitude by orders of magnitude and one scale per tensor would
 * round the small rows to nothing; symmetric, because weights are centred on zero and a zero
 * point would only cost bytes.
 *
 * <p>Every element is reproduced within half a step ({@code scale / 2}) plus the float rounding
 * of the product; a channel of zeros gets scale 1 and reproduces exactly.
 */
final class PerChannelInt8 {
    /** Largest |q|; −128 is never written, so the range is symmetric. */
    static final int LIMIT = 127;

    private PerChannelInt8() {
    }

    /** Quantised values (same layout as the weights) and one positive, finite scale per channel. */
    record Quantized(byte[] values, float[] scales) {
    }

    /** @param channels size of the first axis; {@code weights.length} must be a multiple of it */
    static Quantized quantize(float[] weights, int channels) {
        if (channels <= 0 || weights.length % channels != 0) {
            throw new IllegalArgumentException(weights.length + " weights do not split into " + channels
                    + " channels");
        }
        int per = weights.length / channels;
        byte[] q = new byte[weights.length];
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
            float scale = scaleFor(max);
            scales[c] = scale;
            for (int i = c * per; i < (c + 1) * per; i++) {
                long step = Math.round(Math.rint(weights[i] / (double) scale));
                q[i] = (byte) Math.max(-LIMIT, Math.min(LIMIT, step));
            }
        }
        return new Quantized(q, scales);
    }

    /**
     * The float scale for a channel whose largest magnitude is {@code max}: max/127, rounded
     * down so that 127·scale cannot overflow for max near Float.MAX_VALUE, unless rounding down
     * would push max beyond 127.5 steps (possible only among subnormals, where it rounds up).
     */
    static float scaleFor(float max) {
        if (max == 0) {
            return 1f;
        }
        double exact = max / (double) LIMIT;
        float scale = (float) exact;
        if (scale > exact) {
            scale = Math.nextDown(scale);
        }
        if (scale == 0 || max / (double) scale > LIMIT + 0.5) {
            scale = Math.nextUp(scale);
        }
        return scale;
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
