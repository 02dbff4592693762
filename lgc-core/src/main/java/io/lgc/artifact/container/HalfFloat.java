package io.lgc.artifact.container;

/**
 * IEEE 754 binary16 conversions. Java 17 has no Float.floatToFloat16 (added in 20), and the
 * format promises round-to-nearest-even, so the bit manipulation is done here.
 */
public final class HalfFloat {
    private static final int FLOAT_EXP_INF = 0x7f800000;
    /** 65520 = halfway between the largest half (65504) and 2^16; ties round to even = infinity. */
    private static final int FLOAT_HALF_OVERFLOW = 0x477ff000;
    /** 2^-14, the smallest normal half. */
    private static final int FLOAT_HALF_MIN_NORMAL = 0x38800000;
    /** 2^-25, half of the smallest subnormal half; it and anything below round to zero. */
    private static final int FLOAT_HALF_ZERO_LIMIT = 0x33000000;

    private HalfFloat() {
    }

    /** The binary16 bits nearest to {@code value}, ties to even; NaN stays (quiet) NaN. */
    public static short fromFloat(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int abs = bits & 0x7fffffff;
        if (abs >= FLOAT_EXP_INF) {
            boolean nan = abs != FLOAT_EXP_INF;
            return (short) (sign | 0x7c00 | (nan ? 0x200 | ((abs >>> 13) & 0x3ff) : 0));
        }
        if (abs >= FLOAT_HALF_OVERFLOW) {
            return (short) (sign | 0x7c00);
        }
        if (abs >= FLOAT_HALF_MIN_NORMAL) {
            return (short) (sign | roundNormal(abs));
        }
        if (abs <= FLOAT_HALF_ZERO_LIMIT) {
            return (short) sign;
        }
        return (short) (sign | roundSubnormal(abs));
    }

    /** Rebias the exponent and drop 13 mantissa bits; a carry may correctly bump the exponent. */
    private static int roundNormal(int abs) {
        int exponent = (abs >>> 23) - 127 + 15;
        int mantissa = abs & 0x7fffff;
        int half = (exponent << 10) | (mantissa >>> 13);
        return roundShifted(half, mantissa & 0x1fff, 0x1000);
    }

    /** The result is round(value * 2^24) subnormal steps; 0x400 (smallest normal) is correct on carry. */
    private static int roundSubnormal(int abs) {
        int exponent = abs >>> 23;
        int significand = (abs & 0x7fffff) | 0x800000;
        int shift = 126 - exponent; // 14..24 in this range
        int steps = significand >>> shift;
        return roundShifted(steps, significand & ((1 << shift) - 1), 1 << (shift - 1));
    }

    private static int roundShifted(int truncated, int remainder, int halfway) {
        if (remainder > halfway || (remainder == halfway && (truncated & 1) == 1)) {
            return truncated + 1;
        }
        return truncated;
    }

    /** The exact float value of binary16 bits (every half is representable as a float). */
    public static float toFloat(short half) {
        int h = half & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        if (exponent == 0) {
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        if (exponent == 31) {
            return Float.intBitsToFloat(sign | FLOAT_EXP_INF | (mantissa << 13));
        }
        return Float.intBitsToFloat(sign | ((exponent - 15 + 127) << 23) | (mantissa << 13));
    }
}
