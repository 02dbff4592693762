package io.lgc.model;

import io.lgc.network.Layer;
import io.lgc.network.Architectures;
import io.lgc.network.AutoencoderSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lgc.InputException;
import io.lgc.data.ImageShape;
import io.lgc.data.TableColumns;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which autoencoder and classifier each kind of data gets. */
class AutoencoderKindTest {
    private static final ImageShape IMAGE = new ImageShape(1, 8, 8);
    private static final TableColumns TABLE = TableColumns.labelLast(List.of("a", "b", "c", "d", "e"), "y");

    @Test
    void autoIsConvolutionalForImagesAndDenseForTables() {
        assertThat(AutoencoderKind.AUTO.resolve(IMAGE)).isEqualTo(AutoencoderKind.CONV);
        assertThat(AutoencoderKind.AUTO.resolve(TABLE)).isEqualTo(AutoencoderKind.DENSE);
        assertThat(AutoencoderKind.DENSE.resolve(IMAGE)).isEqualTo(AutoencoderKind.DENSE);
        assertThat(AutoencoderKind.parse(" Dense ")).isEqualTo(AutoencoderKind.DENSE);
        assertThatThrownBy(() -> AutoencoderKind.CONV.resolve(TABLE)).isInstanceOf(InputException.class);
        assertThatThrownBy(() -> AutoencoderKind.parse("rnn")).isInstanceOf(InputException.class)
                .hasMessage("model must be auto, conv or dense, got 'rnn'");
    }

    @Test
    void theTableAutoencoderIsFiveToSixtyFourToThirtyTwoToKAndBackWithALinearOutput() {
        AutoencoderSpec spec = AutoencoderKind.AUTO.spec(TABLE, 3, 32);

        assertThat(spec.encoder().layers()).containsExactly(new Layer.Linear(5, 64), new Layer.Relu(),
                new Layer.Linear(64, 32), new Layer.Relu(), new Layer.Linear(32, 3));
        assertThat(spec.decoder().layers()).containsExactly(new Layer.Linear(3, 32), new Layer.Relu(),
                new Layer.Linear(32, 64), new Layer.Relu(), new Layer.Linear(64, 5));
    }

    @Test
    void denseOnImagesFlattensAndEndsInASigmoidReshapedToTheImage() {
        AutoencoderSpec spec = AutoencoderKind.DENSE.spec(IMAGE, 4, 32);

        assertThat(spec.encoder().layers().get(0)).isEqualTo(new Layer.Reshape(new long[] {64}));
        assertThat(spec.decoder().outputShape()).containsExactly(1, 8, 8);
        assertThat(spec.decoder().layers()).noneMatch(l -> l instanceof Layer.Conv2d);
    }

    @Test
    void theFastClassifierIsTheCnnForImagesAndAnMlpForTables() {
        assertThat(Architectures.classifier(IMAGE, 3).layers()).anyMatch(l -> l instanceof Layer.Conv2d);
        assertThat(Architectures.classifier(TABLE, 3).layers()).containsExactly(new Layer.Linear(5, 64),
                new Layer.Relu(), new Layer.Linear(64, 64), new Layer.Relu(), new Layer.Linear(64, 3));
    }

    @Test
    void tableDefaultsFitTheTable() {
        io.lgc.data.Table small = new io.lgc.data.Table(new float[300 * 5], new int[300], List.of("x"), TABLE);
        assertThat(AutoencoderConfig.defaultLatentDim(small)).as("no wider than the features").isEqualTo(5);
        assertThat(AutoencoderConfig.defaultEpochs(small, 128)).as("1,000 steps of 3 batches").isEqualTo(334);
    }
}
