package io.lgc.artifact.container;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HalfFloatTest {

    @Test
    void everyHalfSurvivesTheTripThroughFloat() {
        for (int h = 0; h < 0x10000; h++) {
            float f = HalfFloat.toFloat((short) h);
            short back = HalfFloat.fromFloat(f);
            if (Float.isNaN(f)) {
                assertThat(Float.isNaN(HalfFloat.toFloat(back))).as("NaN 0x%04x", h).isTrue();
            } else {
                assertThat(back & 0xffff).as("half 0x%04x", h).isEqualTo(h);
            }
        }
    }

    @Test
    void knownValues() {
        assertThat(HalfFloat.toFloat((short) 0x3c00)).isEqualTo(1f);
        assertThat(HalfFloat.toFloat((short) 0xc000)).isEqualTo(-2f);
        assertThat(HalfFloat.toFloat((short) 0x7bff)).isEqualTo(65504f);
        assertThat(HalfFloat.toFloat((short) 0x0001)).isEqualTo(0x1p-24f);
        assertThat(HalfFloat.toFloat((short) 0x0400)).isEqualTo(0x1p-14f);
        assertThat(HalfFloat.fromFloat(0.1f)).isEqualTo((short) 0x2e66);
        assertThat(HalfFloat.fromFloat(-0f)).isEqualTo((short) 0x8000);
        assertThat(HalfFloat.fromFloat(Float.POSITIVE_INFINITY)).isEqualTo((short) 0x7c00);
        assertThat(HalfFloat.fromFloat(Float.NEGATIVE_INFINITY)).isEqualTo((short) 0xfc00);
        assertThat(HalfFloat.fromFloat(1e6f)).isEqualTo((short) 0x7c00);
        assertThat(HalfFloat.fromFloat(Float.MIN_VALUE)).isEqualTo((short) 0);
        assertThat(Float.isNaN(HalfFloat.toFloat(HalfFloat.fromFloat(Float.NaN)))).isTrue();
        // a NaN whose payload lives only in the low mantissa bits must not turn into infinity
        assertThat(Float.isNaN(HalfFloat.toFloat(HalfFloat.fromFloat(Float.intBitsToFloat(0x7f800001))))).isTrue();
    }

    /**
     * Between every pair of neighbouring halves (normal, subnormal, and the last one towards
     * infinity) the float just below the midpoint rounds down, just above rounds up, and the
     * midpoint itself rounds to the neighbour with an even mantissa.
     */
    @Test
    void roundsToNearestWithTiesToEven() {
        for (int h = 0; h < 0x7c00; h++) {
            double low = HalfFloat.toFloat((short) h);
            double high = h == 0x7bff ? 65536.0 : HalfFloat.toFloat((short) (h + 1));
            float mid = (float) ((low + high) / 2); // exact: halves have 11 significant bits
            int even = (h & 1) == 0 ? h : h + 1;
            for (int sign : new int[] {0, 0x8000}) {
                float s = sign == 0 ? 1f : -1f;
                assertThat(HalfFloat.fromFloat(s * mid) & 0xffff).as("tie above 0x%04x", h).isEqualTo(even | sign);
                assertThat(HalfFloat.fromFloat(s * Math.nextDown(mid)) & 0xffff).isEqualTo(h | sign);
                assertThat(HalfFloat.fromFloat(s * Math.nextUp(mid)) & 0xffff).isEqualTo((h + 1) | sign);
            }
        }
    }
}
