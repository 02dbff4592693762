package io.lgc.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lgc.Parameter;
import io.lgc.ParameterException;
import io.lgc.data.Table;
import io.lgc.data.TableColumns;
import io.lgc.eval.SyntheticImages;
import io.lgc.network.Architectures;
import io.lgc.network.Layer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an autoencoder configuration trains, as resolved for the data. */
class AutoencoderConfigTest {
    private static final FitConfig FIT = new FitConfig(1, 8, 1e-3, 1);

    private static AutoencoderConfig withStem(int stem, AutoencoderKind model) {
        return new AutoencoderConfig(4, 16, stem, FIT, 0.1, FeatureMatching.OFF, model);
    }

    @Test
    void imagesKeepTheStemAndTheirDecoderStartsWithIt() {
        AutoencoderConfig config = withStem(16, AutoencoderKind.AUTO).forData(SyntheticImages.bands(4, 2, 8, 1));
        assertThat(config.stem()).isEqualTo(16);
        assertThat(config.spec(SyntheticImages.bands(4, 2, 8, 1).layout()).decoder().layers().get(3))
                .isEqualTo(new Layer.Conv2d(16, 32, 3, 1, 1));
    }

    @Test
    void theDenseNetworkHasNoStemSoNoneIsKeptOrRecorded() {
        Table table = new Table(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, new int[] {0, 1, 0, 1},
                List.of("a", "b"), TableColumns.labelLast(List.of("x", "y"), "label"));
        assertThat(withStem(16, AutoencoderKind.AUTO).forData(table).stem()).isEqualTo(Architectures.NO_STEM);
        assertThat(withStem(16, AutoencoderKind.DENSE).forData(SyntheticImages.bands(4, 2, 8, 1)).stem())
                .isEqualTo(Architectures.NO_STEM);
    }

    @Test
    void aNegativeOrHugeStemIsRefusedUnderItsName() {
        for (int bad : new int[] {-1, AutoencoderConfig.MAX_STEM + 1}) {
            assertThatThrownBy(() -> withStem(bad, AutoencoderKind.AUTO))
                    .isInstanceOfSatisfying(ParameterException.class,
                            e -> assertThat(e.parameters()).containsExactly(Parameter.STEM))
                    .hasMessageContaining("stem must be 0 (no stem) to 4096, got " + bad);
        }
    }

    @Test
    void latentNoiseOutsideZeroToTenIsRefusedUnderItsName() {
        for (double bad : new double[] {-0.1, AutoencoderConfig.MAX_LATENT_NOISE + 1, Double.NaN}) {
            assertThatThrownBy(() -> withStem(16, AutoencoderKind.AUTO).withLatentNoise(bad))
                    .isInstanceOfSatisfying(ParameterException.class,
                            e -> assertThat(e.parameters()).containsExactly(Parameter.LATENT_NOISE))
                    .hasMessageContaining("latentNoise must be in 0..10, got " + bad);
        }
    }

    @Test
    void latentNoiseIsKeptWhenTheConfigurationIsResolvedOrItsNetworkOrTrainingChanged() {
        AutoencoderConfig noisy = withStem(16, AutoencoderKind.AUTO).withLatentNoise(0.3);
        assertThat(noisy.forData(SyntheticImages.bands(4, 2, 8, 1)).latentNoise()).isEqualTo(0.3);
        assertThat(noisy.withLatentDim(8).latentNoise()).isEqualTo(0.3);
        assertThat(noisy.withNetwork(8, 32, 16).latentNoise()).isEqualTo(0.3);
        assertThat(noisy.withTraining(new FitConfig(3, 8, 1e-3, 1), FeatureMatching.OFF).latentNoise()).isEqualTo(0.3);
        assertThat(withStem(16, AutoencoderKind.AUTO).latentNoise()).isZero();
    }

    @Test
    void aKlWeightOutsideZeroToTenIsRefusedUnderItsNameAndKeptThroughEveryChange() {
        for (double bad : new double[] {-0.1, AutoencoderConfig.MAX_KL_WEIGHT + 1, Double.NaN}) {
            assertThatThrownBy(() -> withStem(16, AutoencoderKind.AUTO).withKlWeight(bad))
                    .isInstanceOfSatisfying(ParameterException.class,
                            e -> assertThat(e.parameters()).containsExactly(Parameter.KL_WEIGHT))
                    .hasMessageContaining("klWeight must be in 0..10, got " + bad);
        }
        AutoencoderConfig variational = withStem(16, AutoencoderKind.AUTO).withKlWeight(0.1);
        assertThat(variational.forData(SyntheticImages.bands(4, 2, 8, 1)).klWeight()).isEqualTo(0.1);
        assertThat(variational.withNetwork(8, 32, 16).klWeight()).isEqualTo(0.1);
        assertThat(variational.withLatentNoise(0.2).klWeight()).isEqualTo(0.1);
        assertThat(variational.withTraining(new FitConfig(3, 8, 1e-3, 1), FeatureMatching.OFF).klWeight())
                .isEqualTo(0.1);
        assertThat(withStem(16, AutoencoderKind.AUTO).klWeight()).isZero();
    }
}
