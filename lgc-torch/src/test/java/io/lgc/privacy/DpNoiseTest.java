package io.lgc.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DpNoiseTest {
    @Test
    void secureNoiseIsFreshEachTime() {
        double[] a = new double[8];
        double[] b = new double[8];
        DpNoise.secure().addTo(a, 1);
        DpNoise.secure().addTo(b, 1);
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void replayableNoiseRepeatsForTheSameSeedOnly() {
        double[] a = new double[8];
        double[] again = new double[8];
        double[] other = new double[8];
        DpNoise.replayable(5).addTo(a, 1);
        DpNoise.replayable(5).addTo(again, 1);
        DpNoise.replayable(6).addTo(other, 1);
        assertThat(again).containsExactly(a);
        assertThat(other).isNotEqualTo(a);
    }

    @Test
    void theNoiseHasTheStandardDeviationAsked() {
        double[] v = new double[200_000];
        DpNoise.secure().addTo(v, 3);
        double sum = 0;
        double squares = 0;
        for (double x : v) {
            sum += x;
            squares += x * x;
        }
        double mean = sum / v.length;
        // standard errors: 3 / sqrt(2e5) = 0.0067 for the mean, about 0.005 for the sd
        assertThat(mean).isCloseTo(0, within(0.05));
        assertThat(Math.sqrt(squares / v.length - mean * mean)).isCloseTo(3, within(0.05));
    }

    @Test
    void aSymmetricMatrixGetsOneDrawPerFreeEntryAndStaysSymmetric() {
        double[][] m = new double[3][3];
        DpNoise.replayable(1).addSymmetric(m, 2);
        double[] draws = new double[6];
        DpNoise.replayable(1).addTo(draws, 2);
        // upper triangle, row by row: (0,0) (0,1) (0,2) (1,1) (1,2) (2,2)
        assertThat(new double[] {m[0][0], m[0][1], m[0][2], m[1][1], m[1][2], m[2][2]}).containsExactly(draws);
        assertThat(m[1][0]).isEqualTo(m[0][1]);
        assertThat(m[2][1]).isEqualTo(m[1][2]);
    }

    @Test
    void onlyTheReplayableNoiseSaysItCanBeRemoved() {
        assertThat(DpNoise.replayable(1).description()).contains("can remove the noise");
        assertThat(DpNoise.secure().description()).contains("SecureRandom").doesNotContain("remove");
    }
}
