package io.lgc.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import com.google.gson.JsonObject;
import io.lgc.artifact.ArtifactMetadata;
import io.lgc.artifact.CompressedDataset;
import io.lgc.artifact.TableFormat;
import io.lgc.artifact.TinyArtifacts;
import io.lgc.data.FeatureScaling;
import io.lgc.gmm.CovarianceType;
import io.lgc.gmm.GaussianMixture;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LgcDatasetTest {
    /** Class c's rows are 2·e_c plus noise of std 0.5, in units of their own (mean 0, std 1). */
    private static CompressedDataset separatedTable(int[] classCounts) {
        List<GaussianMixture> mixtures = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            double[] mean = new double[TinyArtifacts.LATENT];
            mean[c] = 2;
            double[] variances = new double[TinyArtifacts.LATENT];
            Arrays.fill(variances, 0.25);
            mixtures.add(GaussianMixture.fromParameters(CovarianceType.DIAG, new double[] {1}, new double[][] {mean},
                    variances));
        }
        ArtifactMetadata meta = new ArtifactMetadata(TinyArtifacts.CLASSES, classCounts,
                new TableFormat(TinyArtifacts.TABLE, new FeatureScaling(new double[3], new double[] {1, 1, 1})),
                TinyArtifacts.LATENT, CovarianceType.DIAG, TinyArtifacts.firstThreeDecoder(), new JsonObject(),
                new JsonObject());
        return new CompressedDataset(meta, mixtures, TinyArtifacts.firstThreeWeights());
    }

    @Test
    void easyTrainFitsAClassifierOnTheArtifactAloneWithNoFilesWritten() throws Exception {
        CompressedDataset artifact = separatedTable(new int[] {100, 100, 100});
        SequentialBlock mlp = new SequentialBlock().add(Linear.builder().setUnits(16).build())
                .add(Activation::relu).add(Linear.builder().setUnits(3).build());
        try (LgcDataset train = LgcDataset.builder(artifact).setSamplesPerEpoch(1200).optBatchSize(32).optSeed(1)
                        .build();
                LgcDataset validation = LgcDataset.builder(artifact).setSamplesPerEpoch(600).optBatchSize(100)
                        .optSeed(2).build();
                Model model = Model.newInstance("mlp")) {
            model.setBlock(mlp);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.01f)).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, 3));
                EasyTrain.fit(trainer, 3, train, null);
                // chance is 1/3; a label that did not match its row would leave it there
                assertThat(accuracy(trainer, validation)).isGreaterThan(0.9);
            }
        }
    }

    @Test
    void anEpochHoldsExactlyTheSamplesAskedForWithASmallerLastBatch() throws Exception {
        try (LgcDataset data = LgcDataset.builder(TinyArtifacts.tiny()).setSamplesPerEpoch(70).optBatchSize(32)
                .build(); NDManager manager = NDManager.newBaseManager()) {
            List<Integer> sizes = new ArrayList<>();
            for (Batch batch : data.getData(manager)) {
                sizes.add(batch.getSize());
                assertThat(batch.getLabels().singletonOrThrow().getShape()).isEqualTo(new Shape(batch.getSize()));
                batch.close();
            }
            assertThat(sizes).containsExactly(32, 32, 6);
        }
    }

    @Test
    void imagesAreBatchChannelsHeightWidthInTheUnitRangeOnUint8Steps() throws Exception {
        try (LgcDataset data = LgcDataset.builder(TinyArtifacts.tiny()).setSamplesPerEpoch(50).optBatchSize(50)
                .build(); NDManager manager = NDManager.newBaseManager()) {
            Batch batch = data.getData(manager).iterator().next();
            NDArray x = batch.getData().singletonOrThrow();
            assertThat(x.getShape()).isEqualTo(new Shape(50, 2, 4, 4));
            for (float v : x.toFloatArray()) {
                assertThat(v).isBetween(0f, 1f);
                float steps = v * 255;
                assertThat(Math.abs(steps - Math.round(steps))).isLessThan(1e-3f);
            }
            batch.close();
        }
    }

    @Test
    void theSameSeedGivesTheSameEpochsAndEpochsAndSeedsDiffer() throws Exception {
        CompressedDataset artifact = TinyArtifacts.tiny();
        try (LgcDataset a = LgcDataset.builder(artifact).setSamplesPerEpoch(40).optBatchSize(40).optSeed(5).build();
                LgcDataset b = LgcDataset.builder(artifact).setSamplesPerEpoch(40).optBatchSize(40).optSeed(5).build();
                LgcDataset other = LgcDataset.builder(artifact).setSamplesPerEpoch(40).optBatchSize(40).optSeed(6)
                        .build();
                NDManager manager = NDManager.newBaseManager()) {
            float[] a1 = firstBatch(a, manager);
            float[] a2 = firstBatch(a, manager);
            assertThat(firstBatch(b, manager)).containsExactly(a1);
            assertThat(firstBatch(b, manager)).containsExactly(a2);
            assertThat(a2).isNotEqualTo(a1);
            assertThat(firstBatch(other, manager)).isNotEqualTo(a1);
        }
    }

    @Test
    void itDrawsAtTheSpreadTheFileRecommendsUnlessToldOtherwise() throws Exception {
        CompressedDataset wide = TinyArtifacts.tiny().withDrawSpread(2.5);
        try (LgcDataset byFile = LgcDataset.builder(wide).setSamplesPerEpoch(40).optBatchSize(40).build();
                LgcDataset given = LgcDataset.builder(TinyArtifacts.tiny()).setSamplesPerEpoch(40).optBatchSize(40)
                        .optSpread(2.5).build();
                LgcDataset toldOtherwise = LgcDataset.builder(wide).setSamplesPerEpoch(40).optBatchSize(40)
                        .optSpread(SamplingPlan.DEFAULT_SPREAD).build();
                LgcDataset plain = LgcDataset.builder(TinyArtifacts.tiny()).setSamplesPerEpoch(40).optBatchSize(40)
                        .build();
                NDManager manager = NDManager.newBaseManager()) {
            float[] drawn = firstBatch(byFile, manager);
            assertThat(firstBatch(given, manager)).containsExactly(drawn);
            float[] atDefault = firstBatch(toldOtherwise, manager);
            assertThat(firstBatch(plain, manager)).containsExactly(atDefault);
            assertThat(atDefault).isNotEqualTo(drawn);
        }
    }

    @Test
    void labelsFollowTheSourcesClassShares() throws Exception {
        try (LgcDataset data = LgcDataset.builder(separatedTable(new int[] {100, 300, 600})).setSamplesPerEpoch(20_000)
                .optBatchSize(1000).build(); NDManager manager = NDManager.newBaseManager()) {
            int[] counts = new int[3];
            for (Batch batch : data.getData(manager)) {
                for (float label : batch.getLabels().singletonOrThrow().toFloatArray()) {
                    counts[(int) label]++;
                }
                batch.close();
            }
            assertThat(counts[0] / 20_000.0).isCloseTo(0.1, org.assertj.core.data.Offset.offset(0.015));
            assertThat(counts[1] / 20_000.0).isCloseTo(0.3, org.assertj.core.data.Offset.offset(0.015));
            assertThat(counts[2] / 20_000.0).isCloseTo(0.6, org.assertj.core.data.Offset.offset(0.015));
        }
    }

    @Test
    void anUnboundedEpochKeepsDrawing() throws Exception {
        try (LgcDataset data = LgcDataset.builder(TinyArtifacts.tiny()).optUnbounded().optBatchSize(8).build();
                NDManager manager = NDManager.newBaseManager()) {
            var batches = data.getData(manager).iterator();
            for (int i = 0; i < 50; i++) {
                assertThat(batches.hasNext()).isTrue();
                batches.next().close();
            }
            assertThat(data.samplesPerEpoch()).isEqualTo(-1);
        }
    }

    @Test
    void aDatasetWithoutASizeOrWithBadOptionsIsRefusedByName() {
        LgcDataset.Builder builder = LgcDataset.builder(TinyArtifacts.tiny());
        assertThatThrownBy(builder::build).hasMessageContaining("samplesPerEpoch");
        assertThatThrownBy(() -> builder.setSamplesPerEpoch(0)).hasMessageContaining("samplesPerEpoch must be > 0, got 0");
        assertThatThrownBy(() -> builder.optBatchSize(-3)).hasMessageContaining("batchSize must be > 0, got -3");
        assertThatThrownBy(() -> builder.optSpread(Double.NaN)).hasMessageContaining("spread");
    }

    private static double accuracy(Trainer trainer, LgcDataset data) throws Exception {
        long right = 0;
        long all = 0;
        for (Batch batch : data.getData(trainer.getManager())) {
            NDArray predicted = trainer.evaluate(batch.getData()).singletonOrThrow().argMax(1);
            float[] labels = batch.getLabels().singletonOrThrow().toFloatArray();
            long[] classes = predicted.toLongArray();
            for (int i = 0; i < labels.length; i++) {
                right += classes[i] == (long) labels[i] ? 1 : 0;
            }
            all += labels.length;
            batch.close();
        }
        return (double) right / all;
    }

    private static float[] firstBatch(LgcDataset data, NDManager manager) throws Exception {
        Batch batch = data.getData(manager).iterator().next();
        float[] values = batch.getData().singletonOrThrow().toFloatArray();
        batch.close();
        return values;
    }
}
