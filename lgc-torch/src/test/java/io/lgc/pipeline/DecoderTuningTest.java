package io.lgc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.loss.Loss;
import io.lgc.InputException;
import io.lgc.Progress;
import io.lgc.artifact.CompressedDataset;
import io.lgc.data.Dataset;
import io.lgc.data.LabelledData;
import io.lgc.eval.SyntheticImages;
import io.lgc.model.Batches;
import io.lgc.model.ClassifierTrainer;
import io.lgc.model.DecoderTuning;
import io.lgc.model.FitConfig;
import io.lgc.model.TrainedClassifier;
import io.lgc.network.Architectures;
import io.lgc.synth.SampleBatches;
import io.lgc.synth.SamplingPlan;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The decoder, trained further on samples of the mixtures, is what ships; the mixtures stay as fitted. */
class DecoderTuningTest {
    private static final Dataset DATA = SyntheticImages.bands(40, 3, 8, 1);
    private static final SourceInfo SOURCE = new SourceInfo("bands", "memory", "", 0);

    @Test
    void tuningChangesTheDecoderAndNothingElse() {
        CompressionConfig plain = CompressionConfig.defaultsFor(DATA, 3).withDecoder(DecoderKind.AUTOENCODER);
        CompressedDataset off = compress(plain);
        CompressedDataset on = compress(plain.withTuning(DecoderTuning.steps(20)));
        for (int c = 0; c < 3; c++) {
            assertThat(on.mixtures().get(c).means()).isDeepEqualTo(off.mixtures().get(c).means());
            assertThat(on.mixtures().get(c).covariancesFlat()).isEqualTo(off.mixtures().get(c).covariancesFlat());
        }
        assertThat(on.decoderWeights().keySet()).isEqualTo(off.decoderWeights().keySet());
        assertThat(differing(on.decoderWeights(), off.decoderWeights())).isGreaterThan(0);
        assertThat(on.metadata().provenance().getAsJsonObject("config").getAsJsonObject("decoder_tuning")
                .get("steps").getAsInt()).isEqualTo(20);
        assertThat(off.metadata().provenance().getAsJsonObject("config").has("decoder_tuning")).isFalse();
    }

    @Test
    void theSameSeedTunesTheSameDecoder() {
        CompressionConfig tuned = CompressionConfig.defaultsFor(DATA, 4).withDecoder(DecoderKind.AUTOENCODER)
                .withTuning(DecoderTuning.steps(10));
        assertThat(differing(compress(tuned).decoderWeights(), compress(tuned).decoderWeights())).isZero();
    }

    @Test
    void tunedSamplesAreRecognisedBetterByAClassifierThatTookNoPart() {
        CompressionConfig plain = CompressionConfig.defaultsFor(DATA, 5).withDecoder(DecoderKind.AUTOENCODER);
        CompressedDataset off = compress(plain);
        CompressedDataset on = compress(plain.withTuning(new DecoderTuning(150, 16, 1e-3, 0.0, 2)));
        FitConfig fit = new FitConfig(4, 16, 3e-3, 99);
        try (TrainedClassifier judge = ClassifierTrainer.train(Architectures.smallCnn(DATA.shape(), 3, 16), DATA, fit,
                "judge", Progress.silent())) {
            assertThat(crossEntropy(judge, on)).isLessThan(crossEntropy(judge, off));
        }
    }

    @Test
    void badSettingsAreRefusedByName() {
        assertThatThrownBy(() -> new DecoderTuning(-1, 16, 1e-4, 1, 2)).isInstanceOf(InputException.class)
                .hasMessageContaining("steps");
        assertThatThrownBy(() -> new DecoderTuning(5, 1, 1e-4, 1, 2)).hasMessageContaining("per class");
        assertThatThrownBy(() -> new DecoderTuning(5, 16, 0, 1, 2)).hasMessageContaining("learning rate");
        assertThatThrownBy(() -> new DecoderTuning(5, 16, 1e-4, Double.NaN, 2)).hasMessageContaining("match weight");
        assertThat(DecoderTuning.OFF.enabled()).isFalse();
    }

    private static CompressedDataset compress(CompressionConfig config) {
        return Compressor.compress(DATA, SOURCE, config, Progress.silent()).dataset();
    }

    private static long differing(Map<String, float[]> a, Map<String, float[]> b) {
        long n = 0;
        for (String key : a.keySet()) {
            float[] x = a.get(key);
            float[] y = b.get(key);
            for (int i = 0; i < x.length; i++) {
                n += Float.compare(x[i], y[i]) != 0 ? 1 : 0;
            }
        }
        return n;
    }

    /** The judge's mean cross-entropy on 60 decoded samples per class, each labelled with its class. */
    private static double crossEntropy(TrainedClassifier judge, CompressedDataset artifact) {
        double sum = 0;
        int n = 0;
        try (SampleBatches batches = new SampleBatches(artifact, SamplingPlan.uniform(3, 60, 7, 1.0));
                NDManager manager = NDManager.newBaseManager()) {
            while (batches.hasNext()) {
                LabelledData batch = batches.next();
                int[] order = Batches.identity(batch.size());
                NDArray x = Batches.inputs(manager, batch, order, 0, batch.size());
                NDArray y = Batches.labels(manager, batch, order, 0, batch.size());
                NDArray loss = Loss.softmaxCrossEntropyLoss().evaluate(new NDList(y), new NDList(judge.logits(x)));
                sum += loss.getFloat() * batch.size();
                n += batch.size();
            }
        }
        return sum / n;
    }
}
