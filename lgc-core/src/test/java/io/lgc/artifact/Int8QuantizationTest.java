package io.lgc.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Int8QuantizationTest {
    /** Half a quantisation step, plus the float rounding of q·scale. */
    private static void assertWithinHalfAStep(float[] w, float[] back, float[] scales) {
        int per = w.length / scales.length;
        for (int i = 0; i < w.length; i++) {
            double bound = scales[i / per] / 2.0 + Math.ulp(Math.abs(w[i]));
            assertThat(Math.abs((double) back[i] - w[i])).as("element %d", i).isLessThanOrEqualTo(bound);
        }
    }

    /** Gaussian weights, each channel at its own magnitude, 10^-decades .. 10^(decades - 1). */
    private static float[] channelsOfRandomMagnitude(Random r, int channels, int per, int decades) {
        float[] w = new float[channels * per];
        for (int c = 0; c < channels; c++) {
            double magnitude = Math.pow(10, r.nextInt(2 * decades) - decades);
            for (int i = c * per; i < (c + 1) * per; i++) {
                w[i] = (float) (magnitude * r.nextGaussian());
            }
        }
        return w;
    }

    @Test
    void eachChannelGetsItsOwnScaleAndItsLargestMagnitudeMapsTo127() {
        float[] w = {0.5f, -1.0f, 0.25f, /* channel 1: */ 0.001f, 0.002f, -0.004f};
        PerChannelInt8.Quantized q = PerChannelInt8.quantize(w, 2);

        assertThat(q.scales()[0]).isCloseTo(1.0f / 127, org.assertj.core.data.Percentage.withPercentage(1e-4));
        assertThat(q.scales()[1]).isCloseTo(0.004f / 127, org.assertj.core.data.Percentage.withPercentage(1e-4));
        assertThat(q.values()).containsExactly(64, -127, 32, 32, 64, -127);
        assertWithinHalfAStep(w, PerChannelInt8.dequantize(q.values(), q.scales()), q.scales());
    }

    @Test
    void aSmallChannelKeepsItsPrecisionNextToALargeOne() {
        // with one scale per tensor, channel 1 would round to zeros
        float[] w = {1000f, -500f, 1e-3f, -2e-3f};
        PerChannelInt8.Quantized q = PerChannelInt8.quantize(w, 2);
        float[] back = PerChannelInt8.dequantize(q.values(), q.scales());
        assertThat(back[2]).isCloseTo(1e-3f, org.assertj.core.data.Offset.offset(2e-3f / 254));
        assertThat(back[3]).isCloseTo(-2e-3f, org.assertj.core.data.Offset.offset(2e-3f / 254));
    }

    @Test
    void aChannelOfZerosGetsAPositiveScaleAndStaysExactlyZero() {
        float[] w = {0f, -0f, 0f, 3f, 1f, -3f};
        PerChannelInt8.Quantized q = PerChannelInt8.quantize(w, 2);
        assertThat(q.scales()[0]).isPositive().isFinite();
        float[] back = PerChannelInt8.dequantize(q.values(), q.scales());
        assertThat(back[0]).isZero();
        assertThat(back[1]).isZero();
        assertThat(back[2]).isZero();
    }

    @Test
    void extremeMagnitudesNeitherOverflowNorUnderflow() {
        float[] w = {Float.MAX_VALUE, -Float.MAX_VALUE, 1f,
            Float.MIN_VALUE, -Float.MIN_VALUE, 0f,
            200 * Float.MIN_VALUE, -3 * Float.MIN_VALUE, Float.MIN_NORMAL,
            1e-40f, 5e-41f, -1e-40f};
        PerChannelInt8.Quantized q = PerChannelInt8.quantize(w, 4);
        float[] back = PerChannelInt8.dequantize(q.values(), q.scales());

        for (float s : q.scales()) {
            assertThat(s).isPositive().isFinite();
        }
        for (float v : back) {
            assertThat(v).isFinite();
        }
        assertThat(back[0]).isPositive().isGreaterThan(Float.MAX_VALUE * 0.99f);
        assertThat(back[1]).isEqualTo(-back[0]);
        assertThat(back[3]).isPositive(); // the smallest subnormal is not lost
        assertWithinHalfAStep(w, back, q.scales());
    }

    @Test
    void minus128IsNeverWritten() {
        float[] w = {-1f, -0.99999f, 1f, -1.0000001f};
        PerChannelInt8.Quantized q = PerChannelInt8.quantize(w, 1);
        for (byte b : q.values()) {
            assertThat((int) b).isBetween(-127, 127);
        }
    }

    @Test
    void randomLayersStayWithinHalfAStepAndUseTheFullRange() {
        Random r = new Random(3);
        for (int trial = 0; trial < 200; trial++) {
            int channels = 1 + r.nextInt(8);
            int per = 1 + r.nextInt(50);
            float[] w = channelsOfRandomMagnitude(r, channels, per, 15);
            PerChannelInt8.Quantized q = PerChannelInt8.quantize(w, channels);
            assertWithinHalfAStep(w, PerChannelInt8.dequantize(q.values(), q.scales()), q.scales());
            for (int c = 0; c < channels; c++) {
                int max = 0;
                for (int i = 0; i < per; i++) {
                    max = Math.max(max, Math.abs(q.values()[c * per + i]));
                }
                assertThat(max).as("trial %d channel %d", trial, c).isEqualTo(127);
            }
        }
    }

    @Test
    void aWeightAlreadyOnAnInt4GridKeepsItExactlyWithFp32Scales() {
        Random r = new Random(5);
        for (int trial = 0; trial < 100; trial++) {
            int channels = 1 + r.nextInt(8);
            // eight or more weights a channel: a grid of only 0 and ±7 steps is not taken for int4's (below)
            int per = 8 + r.nextInt(40);
            float[] w = channelsOfRandomMagnitude(r, channels, per, 4);
            PerChannelInt8.Quantized int4 = PerChannelInt8.quantize(w, channels, PerChannelInt8.INT4_LIMIT);
            float[] onGrid = PerChannelInt8.dequantize(int4.values(), int4.scales());
            PerChannelInt8.Quantized q = PerChannelInt8.quantize(onGrid, channels);
            assertThat(PerChannelInt8.dequantize(q.values(), q.scales())).as("trial %d", trial).containsExactly(onGrid);
            assertThat(q.values()).as("trial %d", trial).containsExactly(int4.values());
            assertThat(q.halfScales()).isFalse();
        }
    }

    @Test
    void channelsOfOneMagnitudeAreNotTakenForAnInt4Grid() {
        // 0.7 and -0.7 lie on every grid whose largest level is 7: nothing says int4 made them
        PerChannelInt8.Quantized q = PerChannelInt8.quantize(new float[] {0.7f, 0f, -0.7f, 0f}, 2);
        assertThat(q.values()).containsExactly(127, 0, -127, 0);
    }

    @Test
    void nonFiniteWeightsAreRefused() {
        assertThatThrownBy(() -> PerChannelInt8.quantize(new float[] {1f, Float.NaN}, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> PerChannelInt8.quantize(new float[] {Float.POSITIVE_INFINITY, 0f}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Infinity");
        assertThatThrownBy(() -> PerChannelInt8.quantize(new float[3], 2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
