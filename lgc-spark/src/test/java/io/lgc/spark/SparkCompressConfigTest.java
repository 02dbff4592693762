package io.lgc.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lgc.Parameter;
import io.lgc.ParameterException;
import io.lgc.data.Dataset;
import io.lgc.eval.SyntheticImages;
import io.lgc.model.FeatureMatching;
import org.junit.jupiter.api.Test;

/** The settings lgc-spark compress derives for the training sample. */
class SparkCompressConfigTest {
    private static final Dataset SAMPLE = SyntheticImages.stripes(4, 1);
    private static final SparkCompressConfig IMAGES = SparkCompressConfig.defaults(InputColumns.images("label",
            "image"));

    @Test
    void aFeatureWeightOfZeroTurnsFeatureMatchingOff() {
        assertThat(IMAGES.compressionFor(SAMPLE).autoencoder().featureMatching().enabled()).isTrue();
        FeatureMatching off = IMAGES.withFeatureWeight(0).compressionFor(SAMPLE).autoencoder().featureMatching();
        assertThat(off.enabled()).isFalse();
        assertThat(IMAGES.withFeatureWeight(0.5).withEpochs(2).compressionFor(SAMPLE).autoencoder().featureMatching()
                .weight()).isEqualTo(0.5);
    }

    @Test
    void aNegativeOrInfiniteFeatureWeightIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> IMAGES.withFeatureWeight(-0.5)).isInstanceOf(ParameterException.class)
                .satisfies(e -> assertThat(((ParameterException) e).parameters()).containsExactly(
                        Parameter.FEATURE_WEIGHT))
                .hasMessage("FeatureMatching.weight must be 0 or more, got -0.5");
        assertThatThrownBy(() -> IMAGES.withFeatureWeight(Double.POSITIVE_INFINITY))
                .isInstanceOf(ParameterException.class);
    }
}
