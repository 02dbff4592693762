package io.lgc.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonParser;
import io.lgc.InputException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FrequencyRingsTest {
    @Test
    void aFrequencyAndItsNegativeShareARingNumberedByItsRoundedRadius() {
        // 28 x 28: frequencies fold to 0..14 a side, the corner (14, 14) at radius 19.8, ring 20
        assertThat(FrequencyRings.count(28, 28)).isEqualTo(21);
        assertThat(FrequencyRings.ring(0, 0, 28, 28)).isZero();
        assertThat(FrequencyRings.ring(3, 0, 28, 28)).isEqualTo(3);
        assertThat(FrequencyRings.ring(25, 0, 28, 28)).isEqualTo(3); // -3
        assertThat(FrequencyRings.ring(1, 27, 28, 28)).isEqualTo(1); // radius 1.41
        assertThat(FrequencyRings.ring(2, 26, 28, 28)).isEqualTo(3); // radius 2.83
        assertThat(FrequencyRings.ring(14, 14, 28, 28)).isEqualTo(20);
        // odd and unequal sides: 5 x 7 folds to 0..2 and 0..3, the corner at radius 3.6
        assertThat(FrequencyRings.count(5, 7)).isEqualTo(5);
        assertThat(FrequencyRings.ring(3, 4, 5, 7)).isEqualTo(4);
        assertThat(FrequencyRings.count(1, 1)).isEqualTo(1);
        assertThat(FrequencyRings.ringIndex(2, 3)).containsExactly(0, 1, 1, 1, 1, 1);
    }

    @Test
    void ringPowersAddUpToTheImagesEnergyTimesTheirSize() {
        // Parseval: the transform's power over all frequencies is h·w times the sum of squared values
        int n = 3;
        int c = 2;
        int h = 6;
        int w = 5;
        SplittableRandom random = new SplittableRandom(9);
        float[] x = new float[n * c * h * w];
        double energy = 0;
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
            energy += (double) x[i] * x[i];
        }
        double[] power = FrequencyRings.ringPower(x, n, c, h, w);
        assertThat(power).hasSize(FrequencyRings.count(h, w));
        assertThat(java.util.Arrays.stream(power).sum()).isCloseTo(energy * h * w, within(1e-6 * energy * h * w));
    }

    @Test
    void aPureWaveHasItsPowerOnItsOwnRing() {
        int h = 28;
        int w = 28;
        float[] x = new float[h * w];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                x[i * w + j] = (float) (0.5 + 0.25 * Math.cos(2 * Math.PI * (3.0 * i / h + 4.0 * j / w)));
            }
        }
        double[] power = FrequencyRings.ringPower(x, 1, 1, h, w);
        // the mean 0.5 on ring 0: (0.5·784)²; the wave at (±3, ±4), radius 5: two coefficients of 0.125·784
        assertThat(power[0]).isCloseTo(Math.pow(0.5 * h * w, 2), within(1e-2)); // float inputs
        assertThat(power[5]).isCloseTo(2 * Math.pow(0.125 * h * w, 2), within(1e-3));
        for (int r = 1; r < power.length; r++) {
            if (r != 5) {
                assertThat(power[r]).as("ring %d", r).isCloseTo(0, within(1e-3));
            }
        }
    }

    @Test
    void theLayerTakesImagesWithAsManyRingsAsItHasGainsAndNothingElse() {
        Layer.FrequencyGain gain = new Layer.FrequencyGain(21);
        assertThat(gain.outputShape(new long[] {3, 28, 28})).containsExactly(3, 28, 28);
        assertThat(gain.parameterShapes()[0]).containsExactly(21);
        assertThatThrownBy(() -> gain.outputShape(new long[] {1, 27, 28})).isInstanceOf(InputException.class)
                .hasMessageContaining("frequency_gain with 21 rings");
        assertThatThrownBy(() -> gain.outputShape(new long[] {784})).isInstanceOf(InputException.class);
        assertThatThrownBy(() -> new Layer.FrequencyGain(0)).isInstanceOf(InputException.class);
        assertThatThrownBy(() -> new Layer.FrequencyGain(FrequencyRings.count(600, 600)).outputShape(
                new long[] {1, 600, 600})).isInstanceOf(InputException.class).hasMessageContaining("at most 512");
        NetworkSpec spec = new NetworkSpec(new long[] {4}, List.of(new Layer.Linear(4, 16),
                new Layer.Reshape(new long[] {1, 4, 4}), new Layer.FrequencyGain(FrequencyRings.count(4, 4))));
        NetworkSpec back = NetworkSpec.fromJson(JsonParser.parseString(spec.toJson().toString()).getAsJsonObject());
        assertThat(back).isEqualTo(spec);
        assertThat(back.parameterShapes()).containsKey("layers.2.gain");
    }
}
