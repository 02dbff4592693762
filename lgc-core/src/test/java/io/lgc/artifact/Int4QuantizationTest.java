package io.lgc.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Int4QuantizationTest {
    private static float[] gaussian(Random r, int n, double sigma) {
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = (float) (sigma * r.nextGaussian());
        }
        return w;
    }

    private static double squaredError(float[] w, float[] back) {
        double e = 0;
        for (int i = 0; i < w.length; i++) {
            e += (w[i] - (double) back[i]) * (w[i] - (double) back[i]);
        }
        return e;
    }

    /** The squared error of plain rounding at max/7 (no clipping), computed here independently. */
    private static double errorAtMaxOverSeven(float[] w) {
        float max = 0;
        for (float v : w) {
            max = Math.max(max, Math.abs(v));
        }
        double scale = max / 7.0;
        double e = 0;
        for (float v : w) {
            double d = v - Math.rint(v / scale) * scale;
            e += d * d;
        }
        return e;
    }

    @Test
    void everyValueLiesInMinusSevenToSevenAndEachChannelReachesSeven() {
        Random r = new Random(5);
        float[] w = gaussian(r, 6 * 300, 0.05);
        PerChannelInt8.Quantized q = PerChannelInt8.quantize(w, 6, PerChannelInt8.INT4_LIMIT);
        for (int c = 0; c < 6; c++) {
            int max = 0;
            for (int i = c * 300; i < (c + 1) * 300; i++) {
                assertThat((int) q.values()[i]).isBetween(-7, 7);
                max = Math.max(max, Math.abs(q.values()[i]));
            }
            assertThat(max).as("channel %d", c).isEqualTo(7);
        }
    }

    @Test
    void lettingTheLargestWeightsClipLowersTheErrorOfAGaussianLayer() {
        float[] w = gaussian(new Random(7), 2000, 1.0);
        PerChannelInt8.Quantized q = PerChannelInt8.quantize(w, 1, PerChannelInt8.INT4_LIMIT);
        double searched = squaredError(w, PerChannelInt8.dequantize(q.values(), q.scales()));
        assertThat(searched).isLessThan(0.9 * errorAtMaxOverSeven(w));
        assertThat(q.scales()[0]).isLessThan(PerChannelInt8.scaleFor(max(w), PerChannelInt8.INT4_LIMIT));
    }

    @Test
    void theSearchNeverDoesWorseThanMaxOverSevenAndKeepsUnclippedValuesWithinHalfAStep() {
        Random r = new Random(11);
        for (int trial = 0; trial < 100; trial++) {
            int per = 1 + r.nextInt(60);
            float[] w = gaussian(r, per, Math.pow(10, r.nextInt(12) - 6));
            PerChannelInt8.Quantized q = PerChannelInt8.quantize(w, 1, PerChannelInt8.INT4_LIMIT);
            float[] back = PerChannelInt8.dequantize(q.values(), q.scales());
            assertThat(squaredError(w, back)).as("trial %d", trial)
                    .isLessThanOrEqualTo(errorAtMaxOverSeven(w) * (1 + 1e-5) + 1e-30); // float scales
            float scale = q.scales()[0];
            for (int i = 0; i < per; i++) {
                if (Math.abs(w[i]) <= 7 * scale) {
                    assertThat(Math.abs((double) back[i] - w[i])).isLessThanOrEqualTo(scale / 2.0 + Math.ulp(w[i]));
                } else {
                    assertThat(back[i]).isEqualTo(Math.signum(w[i]) * 7 * scale);
                }
            }
        }
    }

    @Test
    void valuesOnTheGridAndZerosAreReproducedExactly() {
        float[] w = {0.7f, -0.2f, 0.1f, 0f, /* channel 1: */ 0f, 0f, -0f, 0f};
        PerChannelInt8.Quantized q = PerChannelInt8.quantize(w, 2, PerChannelInt8.INT4_LIMIT);
        assertThat(q.values()).containsExactly(7, -2, 1, 0, 0, 0, 0, 0);
        float[] back = PerChannelInt8.dequantize(q.values(), q.scales());
        assertThat(back[0]).isCloseTo(0.7f, org.assertj.core.data.Offset.offset(1e-7f));
        assertThat(back[4]).isZero();
        assertThat(q.scales()[1]).isPositive().isFinite();
    }

    @Test
    void whatAReaderGetsBackIsQuantisedAgainToTheSameLevelsAndScales() {
        Random r = new Random(13);
        for (int trial = 0; trial < 200; trial++) {
            int channels = 1 + r.nextInt(8);
            int per = 1 + r.nextInt(80);
            float[] w = gaussian(r, channels * per, Math.pow(10, r.nextInt(12) - 6));
            PerChannelInt8.Quantized once = PerChannelInt8.quantize(w, channels, PerChannelInt8.INT4_LIMIT);
            float[] back = PerChannelInt8.dequantize(once.values(), once.scales());
            PerChannelInt8.Quantized twice = PerChannelInt8.quantize(back, channels, PerChannelInt8.INT4_LIMIT);
            assertThat(twice.scales()).as("trial %d", trial).containsExactly(once.scales());
            assertThat(twice.values()).as("trial %d", trial).containsExactly(once.values());
        }
    }

    @Test
    void onlyTheInt8AndInt4RangesExist() {
        assertThatThrownBy(() -> PerChannelInt8.quantize(new float[] {1f}, 1, 15))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-15..15");
    }

    private static float max(float[] w) {
        float m = 0;
        for (float v : w) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
