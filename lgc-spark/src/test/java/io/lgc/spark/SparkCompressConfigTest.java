package io.lgc.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lgc.Parameter;
import io.lgc.ParameterException;
import io.lgc.data.Dataset;
import io.lgc.eval.SyntheticImages;
import io.lgc.data.Table;
import io.lgc.model.AutoencoderConfig;
import io.lgc.model.FeatureMatching;
import io.lgc.network.Architectures;
import java.util.List;
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

    @Test
    void theNetworkTakesTheWidthStemAndFeatureEpochsGivenAndOtherwiseLgcCompressDefaults() {
        AutoencoderConfig given = IMAGES.withEpochs(12).withWidth(16).withStem(4).withFeatureEpochs(12)
                .compressionFor(SAMPLE).autoencoder();
        assertThat(given.width()).isEqualTo(16);
        assertThat(given.stem()).isEqualTo(4);
        assertThat(given.featureMatching().epochs()).isEqualTo(12);
        AutoencoderConfig defaults = IMAGES.compressionFor(SAMPLE).autoencoder();
        assertThat(defaults.width()).isEqualTo(AutoencoderConfig.DEFAULT_WIDTH);
        assertThat(defaults.stem()).isEqualTo(Architectures.NO_STEM);
        assertThat(defaults.featureMatching().epochs()).isEqualTo(AutoencoderConfig.DEFAULT_FEATURE_MATCHING.epochs());
    }

    @Test
    void settingsOfAConvolutionalNetworkAreRefusedForATableNamingTheParameter() {
        Table table = new Table(new float[] {0, 1, 1, 0, 2, 2, 3, 1}, new int[] {0, 1, 0, 1}, List.of("a", "b"),
                io.lgc.data.TableColumns.labelLast(List.of("x", "y"), "label"));
        SparkCompressConfig features = SparkCompressConfig.defaults(InputColumns.features("label", List.of()))
                .withSourceName("rows.parquet");
        assertThat(features.compressionFor(table).autoencoder().stem()).isEqualTo(Architectures.NO_STEM);
        assertThatThrownBy(() -> features.withStem(4).compressionFor(table)).isInstanceOf(ParameterException.class)
                .hasMessage("rows.parquet: a table; stem shapes the convolutional autoencoder and applies to images"
                        + " only");
        assertThatThrownBy(() -> features.withFeatureEpochs(1).compressionFor(table))
                .hasMessage("rows.parquet: a table; feature matching (FeatureMatching.epochs) compares a CNN's"
                        + " features of images and applies to images only");
    }

    @Test
    void moreFeatureEpochsThanEpochsAreRefusedBeforeTheSampleIsDrawn() {
        assertThatThrownBy(() -> SparkCompressConfig.requireFeatureEpochs(3, 2))
                .hasMessage("FeatureMatching.epochs (3) cannot exceed epochs (2)");
        assertThatThrownBy(() -> SparkCompressConfig.requireFeatureEpochs(9, 0))
                .hasMessage("FeatureMatching.epochs (9) cannot exceed epochs (8, the default)");
        assertThatThrownBy(() -> IMAGES.withFeatureEpochs(-1)).isInstanceOf(ParameterException.class);
        assertThat(IMAGES.withFeatureEpochs(9).withEpochs(9).compressionFor(SAMPLE).autoencoder().featureMatching()
                .epochs()).isEqualTo(9);
    }
}
