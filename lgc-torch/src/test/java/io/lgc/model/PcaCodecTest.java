package io.lgc.model;

import io.lgc.network.NetworkSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.lgc.InputException;
import io.lgc.data.Dataset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The PCA codec: encode then decode is the best rank-k reconstruction, and the shipped decoder computes it. */
class PcaCodecTest {
    private static final Dataset BARS = TinyData.bars(30, 3, 7);

    @Test
    void decoderWeightsMapLatentsBackToTheSamples() {
        PcaCodec pca = PcaCodec.fit(BARS, 8, 1);
        double[][] z = pca.encode(BARS);
        Map<String, float[]> w = pca.decoderWeights();
        float[] weight = w.get("layers.0.weight");
        float[] bias = w.get("layers.0.bias");
        int d = BARS.shape().size();
        double worst = 0;
        double baseline = 0;
        for (int s = 0; s < BARS.size(); s++) {
            for (int j = 0; j < d; j++) {
                double x = (BARS.pixels()[s * d + j] & 0xFF) / 255.0;
                double y = bias[j];
                for (int a = 0; a < 8; a++) {
                    y += weight[j * 8 + a] * z[s][a];
                }
                worst = Math.max(worst, Math.abs(y - x));
                baseline = Math.max(baseline, Math.abs(bias[j] - x));
            }
        }
        // 3 bars + noise: 8 axes keep the bars, so the error is the pixel noise, far below the mean's.
        assertThat(worst).isLessThan(0.5 * baseline);
    }

    @Test
    void latentsAreCentredAndOrderedByVariance() {
        PcaCodec pca = PcaCodec.fit(BARS, 4, 1);
        double[][] z = pca.encode(BARS);
        for (int a = 0; a < 4; a++) {
            double mean = 0;
            double var = 0;
            for (double[] row : z) {
                mean += row[a] / z.length;
            }
            for (double[] row : z) {
                var += (row[a] - mean) * (row[a] - mean) / (z.length - 1);
            }
            assertThat(mean).isCloseTo(0.0, within(1e-9));
            assertThat(var).isCloseTo(pca.variances()[a], within(1e-9 * pca.variances()[0]));
        }
        assertThat(pca.variances()[0]).isGreaterThanOrEqualTo(pca.variances()[1]);
    }

    @Test
    void decoderSpecIsOneLinearLayerIntoTheImageShape() {
        PcaCodec pca = PcaCodec.fit(BARS, 5, 1);
        NetworkSpec spec = pca.decoder();
        assertThat(spec.inputShape()).containsExactly(5);
        assertThat(spec.outputShape()).containsExactly(1, 12, 12);
        assertThat(spec.parameterShapes().get("layers.0.weight")).containsExactly(144, 5);
        assertThat(pca.history()).isEmpty();
    }

    @Test
    void sameSeedGivesTheSameBasis() {
        assertThat(PcaCodec.fit(BARS, 6, 3).decoderWeights().get("layers.0.weight"))
                .containsExactly(PcaCodec.fit(BARS, 6, 3).decoderWeights().get("layers.0.weight"));
    }

    @Test
    void latentDimensionAboveTheSampleSizeIsAnInputError() {
        assertThatThrownBy(() -> PcaCodec.fit(BARS, 145, 1)).isInstanceOf(InputException.class)
                .hasMessageContaining("144");
    }
}
