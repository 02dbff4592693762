package io.lgc.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.lgc.InputException;
import io.lgc.Parameter;
import io.lgc.ParameterException;
import io.lgc.data.ReadOptions;
import io.lgc.eval.baseline.ByteBudget;
import io.lgc.gmm.CovarianceType;
import io.lgc.model.AutoencoderConfig;
import io.lgc.model.AutoencoderKind;
import io.lgc.model.FeatureMatching;
import io.lgc.model.FitConfig;
import io.lgc.pipeline.MixtureSettings;
import io.lgc.synth.SamplingPlan;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A Java caller who sets a bad value on a config record is told the name it used (the record
 * component, builder or method parameter), never the command line's flag for it.
 */
class ConfigErrorNamesTest {
    private static final FitConfig FIT = new FitConfig(2, 64, 1e-3, 1);

    static Stream<Arguments> badConfigs() {
        return Stream.of(
                bad(() -> new AutoencoderConfig(5000, 32, FIT, 0.05, FeatureMatching.OFF),
                        "latentDim must be in 1..4096, got 5000", Parameter.LATENT_DIM),
                bad(() -> new FitConfig(0, 64, 1e-3, 1), "epochs must be positive, got 0", Parameter.EPOCHS),
                bad(() -> new FitConfig(2, 0, 1e-3, 1), "batchSize must be positive, got 0", Parameter.BATCH_SIZE),
                bad(() -> new FitConfig(2, 64, -1, 1), "learningRate must be a positive number, got -1.0",
                        Parameter.LEARNING_RATE),
                bad(() -> new AutoencoderConfig(8, 32, FIT, 0.05, new FeatureMatching(0.1, 3, 1, 16)),
                        "FeatureMatching.epochs (3) cannot exceed epochs (2)", Parameter.FEATURE_EPOCHS,
                        Parameter.EPOCHS),
                bad(() -> new FeatureMatching(-1, 1, 1, 16), "FeatureMatching.weight must be >= 0, got -1.0",
                        Parameter.FEATURE_WEIGHT),
                bad(() -> new MixtureSettings(3, 2, CovarianceType.FULL, 1),
                        "minComponents..maxComponents range must satisfy 1 <= MIN <= MAX, got 3-2",
                        Parameter.COMPONENT_RANGE),
                bad(() -> MixtureSettings.fixed(2, CovarianceType.FULL, 0), "nInit must be positive, got 0",
                        Parameter.N_INIT),
                bad(() -> MixtureSettings.parse("many", CovarianceType.FULL, 1),
                        "components must be a number, 'auto' or 'auto:MIN-MAX', got 'many'", Parameter.COMPONENTS),
                bad(() -> AutoencoderKind.parse("rnn"), "model must be auto, conv or dense, got 'rnn'",
                        Parameter.MODEL),
                bad(() -> SamplingPlan.uniform(2, 3, 1, 0), "spread must be a positive number, got 0.0",
                        Parameter.SPREAD),
                bad(() -> new ByteBudget(0), "bytes must be positive, got 0", Parameter.BYTES),
                bad(() -> ReadOptions.builder().channels(2).build(),
                        "ReadOptions.channels must be 1 (grayscale) or 3 (RGB), got 2", Parameter.CHANNELS));
    }

    private static Arguments bad(ThrowingCallable call, String message, Parameter... named) {
        return Arguments.of(call, message, List.of(named));
    }

    @ParameterizedTest
    @MethodSource("badConfigs")
    void theMessageNamesTheJavaParameterAndNoFlag(ThrowingCallable call, String message, List<Parameter> named) {
        Throwable thrown = catchThrowable(call);

        assertThat(thrown).isInstanceOf(InputException.class).hasMessage(message);
        assertThat(thrown.getMessage()).doesNotContain("--");
        assertThat(thrown).isInstanceOfSatisfying(ParameterException.class,
                e -> assertThat(e.parameters()).containsExactlyElementsOf(named));
    }
}
