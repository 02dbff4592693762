package io.lgc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lgc.Parameter;
import io.lgc.ParameterException;
import io.lgc.Progress;
import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.CompressedDataset;
import io.lgc.artifact.Precision;
import io.lgc.artifact.StoragePrecision;
import io.lgc.artifact.container.Codec;
import io.lgc.data.Dataset;
import io.lgc.data.ImageShape;
import io.lgc.eval.SyntheticImages;
import io.lgc.artifact.TinyArtifacts;
import io.lgc.gmm.CovarianceType;
import io.lgc.gmm.GaussianMixture;
import io.lgc.model.AutoencoderConfig;
import io.lgc.model.DecoderTuning;
import io.lgc.model.FeatureMatching;
import io.lgc.model.FitConfig;
import io.lgc.model.LearningRateSchedule;
import io.lgc.model.RoundingTuning;
import io.lgc.network.Architectures;
import io.lgc.pipeline.MeasuredSettings.Choice;
import io.lgc.pipeline.MeasuredSettings.Setting;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A byte budget picks the most accurate measured setting whose file fits, and the file does fit. */
class MeasuredSettingsTest {
    /** Ten classes of 28x28 images, as Fashion-MNIST has, and enough of them for an autoencoder. */
    private static final Dataset FASHION_SHAPED = SyntheticImages.bands(DecoderKind.PCA_BELOW_IMAGES / 10, 10, 28, 5);
    private static final SourceInfo SOURCE = new SourceInfo("bands", "idx", null, 47_040);
    private static final CompressionConfig BASE = new CompressionConfig(
            new AutoencoderConfig(16, 32, new FitConfig(1, 32, 1e-3, 7), 0.1, FeatureMatching.OFF),
            MixtureSettings.fixed(5, CovarianceType.FULL, 1), 7);

    @Test
    void thePredictionBoundsTheFileOfEachKindOfDecoderWhereverItsMixturesMayGoFp16(@TempDir Path dir) {
        Set<Precision> mixturesStoredIn = EnumSet.noneOf(Precision.class);
        int bounded = 0;
        // noise has latents of full rank (mixtures stored in fp16); a basis of bands' is nearly flat (fp32)
        // a source recorded in full (with its hash), and a tuned decoder (its settings go in the header)
        SourceInfo full = new SourceInfo("bands", "idx", "ab".repeat(32), 47_040);
        DecoderTuning off = DecoderTuning.OFF;
        CompressionConfig tuned = BASE.withTuning(new DecoderTuning(1, 4, off.learningRate(), 0.5, 1));
        for (Dataset data : List.of(noise(40), SyntheticImages.bands(40, 10, 28, 5))) {
            for (Object[] c : new Object[][] {{setting(DecoderKind.PCA, 16, 1), SOURCE, BASE},
                    {setting(DecoderKind.PCA, 8, 5), full, BASE},
                    {setting(DecoderKind.AUTOENCODER, 8, 1), SOURCE, BASE},
                    {setting(DecoderKind.AUTOENCODER, 8, 5), full, tuned},
                    {int4(setting(DecoderKind.AUTOENCODER, 8, 5), 0), SOURCE, BASE},
                    {int4(setting(DecoderKind.AUTOENCODER, 8, 5), 2), full, BASE},
                    {keepingInt8(int4(setting(DecoderKind.AUTOENCODER, 8, 5), 2), 0), SOURCE, BASE},
                    {int8Mixtures(setting(DecoderKind.AUTOENCODER, 8, 5)), SOURCE, BASE}}) {
                Setting setting = (Setting) c[0];
                SourceInfo source = (SourceInfo) c[1];
                CompressionConfig base = (CompressionConfig) c[2];
                long predicted = MeasuredSettings.predictedBytes(setting, data, source, base).orElseThrow();
                CompressedDataset file = RoundingStage.apply(Compressor.compress(data, source,
                        setting.applyTo(base), Progress.silent()).dataset(), setting.grid(), setting.rounding(),
                        base.seed(), new StageTimes(), Progress.silent());
                Path written = dir.resolve("file.lgc");
                StoragePrecision own = ArtifactFile.storage(file, setting.grid().stored());
                mixturesStoredIn.add(own.mixtures());
                long bytes = ArtifactFile.write(written, file, MeasuredSettings.storage(file, setting, predicted))
                        .totalBytes();
                if (setting.mixtures() == Precision.INT8) {
                    assertThat(MeasuredSettings.storage(file, setting, predicted).mixtures()).isEqualTo(Precision.INT8);
                }
                if (setting.mixtures() == Precision.INT8
                        || ArtifactFile.fp16MixtureDivergence(file) <= MeasuredSettings.FP16_MIXTURE_MAX_KL) {
                    assertThat(bytes).as(setting.describe()).isLessThanOrEqualTo(predicted);
                    bounded++;
                } // else a budget refuses the file rather than round its mixtures that far
                // only the recorded numbers' digits separate the two: the prediction is not a loose guess
                StoragePrecision sized = MeasuredSettings.predictedStorage(setting);
                long int4Allowance = setting.precision() == Precision.INT4 ? int4Weights(file, setting) * 3 / 8 : 0;
                assertThat(predicted + int4Allowance - ArtifactFile.maxStoredBytes(file, sized))
                        .as(setting.describe()).isBetween(0L, 1_000L);
            }
        }
        assertThat(mixturesStoredIn).containsExactlyInAnyOrder(Precision.FP16, Precision.FP32);
        assertThat(bounded).isGreaterThanOrEqualTo(5); // at least every setting on the noise
    }

    /**
     * Where the writer by itself keeps mixtures in fp32 (rounding moves a class by more than 1e-4
     * nats), a budget's file stores them in fp16 if, and only if, fp32 would not fit and fp16 moves no
     * class by more than 1e-2 nats.
     */
    @Test
    void mixturesGoFp16ForABudgetOnlyWhenFp32WouldNotFitAndFp16MovesThemLittle() {
        Setting setting = setting(DecoderKind.PCA, 8, 1);
        // fp16 stores a mean of 3.001 as 3.00195: a shift of a twentieth of a standard deviation of 0.02
        CompressedDataset near = withNarrowComponent(0.02);
        assertThat(ArtifactFile.fp16MixtureDivergence(near)).isBetween(1e-4, 1e-2);
        StoragePrecision own = ArtifactFile.storage(near, setting.precision());
        assertThat(own.mixtures()).isEqualTo(Precision.FP32);
        long ownBytes = ArtifactFile.storedBytes(near, own, Codec.AUTO);
        StoragePrecision fp16 = new StoragePrecision(setting.precision(), Precision.FP16);
        assertThat(ArtifactFile.storedBytes(near, fp16, Codec.AUTO)).isLessThan(ownBytes);
        assertThat(MeasuredSettings.storage(near, setting, ownBytes)).isEqualTo(own);
        assertThat(MeasuredSettings.storage(near, setting, ownBytes - 1)).isEqualTo(fp16);
        // with a standard deviation of 0.005 the same rounding is a fifth of one: too far, whatever the budget
        CompressedDataset far = withNarrowComponent(0.005);
        assertThat(ArtifactFile.fp16MixtureDivergence(far)).isGreaterThan(1e-2);
        assertThat(MeasuredSettings.storage(far, setting, 1)).isEqualTo(ArtifactFile.storage(far, setting.precision()));
    }

    /** The tiny artifact with its last class replaced by one narrow component at 3.001 on the first axis. */
    private static CompressedDataset withNarrowComponent(double std) {
        CompressedDataset tiny = TinyArtifacts.tiny(CovarianceType.DIAG, 3);
        int d = tiny.metadata().latentDim();
        double[] mean = new double[d];
        mean[0] = 3.001;
        double[] variances = new double[d];
        Arrays.fill(variances, 1);
        variances[0] = std * std;
        List<GaussianMixture> mixtures = new java.util.ArrayList<>(tiny.mixtures());
        mixtures.set(mixtures.size() - 1, GaussianMixture.fromParameters(CovarianceType.DIAG, new double[] {1},
                new double[][] {mean}, variances));
        return new CompressedDataset(tiny.metadata(), mixtures, tiny.decoderWeights());
    }

    @Test
    void settingsAlreadyTriedArePassedOverUntilNoneIsLeft() {
        Setting first = choose(392_000);
        Setting second = MeasuredSettings.forBudget(392_000, FASHION_SHAPED, SOURCE, BASE, List.of(first))
                .orElseThrow().setting();
        assertThat(second).isEqualTo(MeasuredSettings.ALL.get(MeasuredSettings.ALL.indexOf(first) + 1));
        Setting smallest = choose(20_000);
        assertThat(MeasuredSettings.forBudget(20_000, FASHION_SHAPED, SOURCE, BASE, List.of(smallest))).isEmpty();
        // a choice with a setting to fall back on: once both are tried, the next setting
        Choice withFallback = MeasuredSettings.forBudget(78_400, FASHION_SHAPED, SOURCE, BASE);
        List<Setting> group = withFallback.inOrder().stream().map(Choice::setting).toList();
        assertThat(group).hasSizeGreaterThanOrEqualTo(2);
        Setting next = MeasuredSettings.forBudget(78_400, FASHION_SHAPED, SOURCE, BASE, group).orElseThrow().setting();
        assertThat(MeasuredSettings.ALL.indexOf(next)).isGreaterThan(MeasuredSettings.ALL.indexOf(group.get(0)));
        assertThat(group).doesNotContain(next);
        assertThat(MeasuredSettings.forBudget(20_000, FASHION_SHAPED, SOURCE, BASE, List.of())).contains(
                new Choice(smallest, MeasuredSettings.predictedBytes(smallest, FASHION_SHAPED, SOURCE, BASE)
                        .orElseThrow()));
    }

    @Test
    void aFileThatCameOutLargerThanPredictedIsRefused() {
        Setting pca = setting(DecoderKind.PCA, 8, 1);
        MeasuredSettings.requireFits(20_000, 20_000, pca, "bands");
        assertThatThrownBy(() -> MeasuredSettings.requireFits(20_000, 20_001, pca, "bands"))
                .isInstanceOfSatisfying(ParameterException.class, e -> {
                    assertThat(e.parameters()).containsExactly(Parameter.BUDGET);
                    assertThat(e.getMessage()).isEqualTo("budget 20,000 B: the file of bands came out at 20,001 B"
                            + " (pca, latent 8, 1 component per class, int8; its mixture fits reported warnings, which"
                            + " the header records, or its mixtures need fp32) and no other measured setting fits;"
                            + " nothing was written: give a larger budget");
                });
    }

    @Test
    void choosesTheMostAccurateSettingThatFits() {
        // eleven int8 components behind the latent of 64, trained 24 epochs: predicted at about 371,000 B (the
        // file: 336,004 B)
        Setting int8K11 = setting(DecoderKind.AUTOENCODER, 64, 11, 32, 16);
        assertThat(int8K11.mixtures()).isEqualTo(Precision.INT8);
        assertThat(int8K11.epochs()).isEqualTo(24);
        assertThat(int8K11.featureEpochs()).isEqualTo(9);
        assertThat(choose(392_000)).isEqualTo(int8K11);
        // predicted over 360,000 B, but expected to fit (87 % of its prediction), with ten components on the
        // same network to fall back on, predicted to fit
        Choice k11Over = MeasuredSettings.forBudget(360_000, FASHION_SHAPED, SOURCE, BASE);
        assertThat(k11Over.setting()).isEqualTo(int8K11);
        assertThat(k11Over.predictedBytes()).isGreaterThan(360_000);
        assertThat(k11Over.then()).extracting(Choice::setting).containsExactly(int8K11.withComponents(10));
        assertThat(k11Over.then().get(0).predictedBytes()).isLessThanOrEqualTo(360_000);
        assertThat(choose(300_000)).isEqualTo(setting(DecoderKind.AUTOENCODER, 64, 5, 32, 16));
        // the latent-32 file of 247,516 B (no stem, 8 epochs) gives way to a smaller, more accurate one (below)
        assertThat(choose(250_000).teacherWidth()).isEqualTo(32);
        assertThat(choose(250_000).fashionAccuracy()).isGreaterThan(setting(DecoderKind.AUTOENCODER, 32, 5)
                .fashionAccuracy());
        // the stem's network trained 24 epochs is more accurate than the default network of 108 KB, and smaller;
        // with ten int8 components a class more accurate still, predicted at about 85,200 B (the file: 76,804 B)
        Setting stemK10 = setting(DecoderKind.AUTOENCODER, 16, 10, 32, 16);
        assertThat(stemK10.mixtures()).isEqualTo(Precision.INT8);
        assertThat(stemK10.epochs()).isEqualTo(24);
        // a latent of 32 behind the stem, its decoder at int4, drawn at spread 1.4 and sharpened, is more accurate
        // still: predicted at about 88,500 B (the file: 68,846 B), expected to fit from 87 % of that, with four and three
        // components on its network behind it
        Setting int4K5 = new Setting(DecoderKind.AUTOENCODER, 32, 5, 32, 16, Precision.INT4, 300, Precision.INT8, 24,
                9, 0.8414, 68_846, 1.4, true);
        assertThat(MeasuredSettings.ALL).contains(int4K5);
        long int4K5Bytes = MeasuredSettings.predictedBytes(int4K5, FASHION_SHAPED, SOURCE, BASE).orElseThrow();
        assertThat(int4K5Bytes).isBetween(87_000L, 90_000L);
        // and that setting with its stem's convolution kept at int8, the rounding steps' rate decayed and a stronger
        // teacher is more accurate again: predicted at about 92,000 B (the file: 75,584 B), where it fits; below,
        // with its network finished all at int4 to fall back on, and that finish's fewer components where it is not
        // predicted to fit either; another network than the measured all-int4 setting's (another teacher)
        Setting mixed = taught(keepingInt8(int4K5, 3), 32, 6);
        assertThat(MeasuredSettings.ALL).anySatisfy(s -> assertThat(s.withComponents(5)).isEqualTo(
                mixed.withComponents(5)));
        Setting measuredMixed = MeasuredSettings.ALL.stream()
                .filter(s -> s.withComponents(5).equals(mixed.withComponents(5))).findFirst().orElseThrow();
        assertThat(mixed.sharesNetwork(int4K5)).isFalse();
        Setting finished = mixed.allInt4();
        assertThat(finished.int8Layers()).isEmpty();
        assertThat(finished.sharesNetwork(mixed)).isTrue();
        assertThat(finished.teacherWidth()).isEqualTo(32);
        long mixedBytes = MeasuredSettings.predictedBytes(mixed, FASHION_SHAPED, SOURCE, BASE).orElseThrow();
        assertThat(mixedBytes).isBetween(int4K5Bytes + 3_456, int4K5Bytes + 3_600);
        long finishedBytes = MeasuredSettings.predictedBytes(finished, FASHION_SHAPED, SOURCE, BASE).orElseThrow();
        assertThat(finishedBytes).isBetween(int4K5Bytes - 20, int4K5Bytes + 20); // the header names another rate
        for (long budget : new long[] {156_800, 100_000, mixedBytes, mixedBytes - 1, int4K5Bytes, 78_400,
                (long) Math.ceil(int4K5Bytes * 0.87)}) {
            Choice choice = MeasuredSettings.forBudget(budget, FASHION_SHAPED, SOURCE, BASE);
            assertThat(choice.setting()).as("budget %d", budget).isEqualTo(measuredMixed);
            assertThat(choice.then()).extracting(c -> c.setting().withComponents(5))
                    .allMatch(s -> s.equals(finished.withComponents(5)));
            assertThat(choice.then()).extracting(c -> c.setting().components())
                    .containsExactlyElementsOf(budget >= mixedBytes ? List.of()
                            : budget >= finishedBytes ? List.of(5) : List.of(5, 4, 3));
        }
        // where neither it nor its all-int4 finish is expected to fit, nor is the measured all-int4 setting
        assertThat(MeasuredSettings.forBudget((long) Math.ceil(finishedBytes * 0.87) - 1, FASHION_SHAPED, SOURCE, BASE)
                .setting().latentDim()).isEqualTo(16);
        // below that, the stem's ten-component file is tried first, on the network of the five-component file
        // predicted to fit (at about 76,300 B), which is written if its own file comes out larger
        Setting stem = setting(DecoderKind.AUTOENCODER, 16, 5, 32, 16);
        assertThat(stem.epochs()).isEqualTo(24);
        long stemBytes = MeasuredSettings.predictedBytes(stem, FASHION_SHAPED, SOURCE, BASE).orElseThrow();
        long stemK10Bytes = MeasuredSettings.predictedBytes(stemK10, FASHION_SHAPED, SOURCE, BASE).orElseThrow();
        assertThat(stemBytes).isBetween(75_000L, 77_000L);
        assertThat(stemK10Bytes).isBetween(84_000L, 86_000L);
        for (long budget : new long[] {(long) Math.ceil(Math.min(int4K5Bytes, finishedBytes) * 0.87) - 1, stemBytes}) {
            Choice choice = MeasuredSettings.forBudget(budget, FASHION_SHAPED, SOURCE, BASE);
            assertThat(choice.setting()).as("budget %d", budget).isEqualTo(stemK10);
            assertThat(choice.predictedBytes()).isEqualTo(stemK10Bytes);
            assertThat(choice.then()).containsExactly(new Choice(stem, stemBytes));
        }
        // below the five-component file's prediction the ten-component one is still expected to fit, with its own
        // network's mixtures refitted with fewer components, down to six (predicted to fit), behind it
        Choice below = MeasuredSettings.forBudget(stemBytes - 1, FASHION_SHAPED, SOURCE, BASE);
        assertThat(below.setting()).isEqualTo(stemK10);
        assertThat(below.then()).extracting(c -> c.setting().components()).containsExactly(9, 8, 7, 6);
        assertThat(below.then()).extracting(Choice::setting).allMatch(s -> s.sharesNetwork(stemK10)
                && Double.isNaN(s.fashionAccuracy()));
        // the five-component stem file (65,554 B) where the ten-component one is not expected to fit, with its fewer
        // components behind it; the ten-component one, on the same network, is tried first (a refit)
        Choice stemExpected = MeasuredSettings.forBudget(68_000, FASHION_SHAPED, SOURCE, BASE);
        assertThat(stemExpected.setting()).isEqualTo(stemK10);
        assertThat(stemExpected.then().get(0).setting()).isEqualTo(stem);
        assertThat(stemExpected.then().subList(1, stemExpected.then().size())).isNotEmpty()
                .allMatch(c -> c.setting().equals(stem.withComponents(c.setting().components())));
        // the stem's network at int4 is more accurate than width 16 at int8, and smaller
        Setting int4Stem = setting(DecoderKind.AUTOENCODER, 16, 5, 32, 16, Precision.INT4);
        assertThat(int4Stem.rounding().steps()).isEqualTo(300);
        assertThat(choose(60_000)).isEqualTo(int4Stem); // predicted at 57,990 B here (the file: 47,803 B)
        assertThat(choose(57_000)).isEqualTo(int4Stem);
        assertThat(choose(50_000)).isEqualTo(setting(DecoderKind.PCA, 32, 1));
        assertThat(choose(39_200)).isEqualTo(setting(DecoderKind.PCA, 16, 1));
        assertThat(choose(20_000)).isEqualTo(setting(DecoderKind.PCA, 8, 1));
    }

    @Test
    void theChoiceOrWhatItFallsBackOnFitsItsBudgetAndNoMoreAccurateSettingDoes() {
        for (long budget : new long[] {20_000, 39_200, 50_000, 57_000, 60_000, 68_000, 76_000, 78_400, 156_800,
                250_000, 300_000, 360_000, 392_000}) {
            Choice choice = MeasuredSettings.forBudget(budget, FASHION_SHAPED, SOURCE, BASE);
            List<Choice> inOrder = choice.inOrder();
            Choice fits = inOrder.get(inOrder.size() - 1);
            assertThat(fits.predictedBytes()).as("budget %d", budget).isLessThanOrEqualTo(budget);
            for (Choice tried : inOrder.subList(0, inOrder.size() - 1)) {
                assertThat(tried.predictedBytes()).isGreaterThan(budget);
                assertThat(tried.setting().sharesNetwork(fits.setting())).isTrue();
            }
            // the head is measured; every measured setting ranked above it is predicted over the budget, and
            // the first tried is expected to fit or shares its network with one that is
            assertThat(MeasuredSettings.ALL).contains(choice.setting());
            assertThat(inOrder).anySatisfy(c -> assertThat(c.predictedBytes() * MeasuredSettings.EXPECTED_SHARE)
                    .isLessThanOrEqualTo(budget));
            for (Setting better : MeasuredSettings.ALL.subList(0, MeasuredSettings.ALL.indexOf(choice.setting()))) {
                assertThat(MeasuredSettings.predictedBytes(better, FASHION_SHAPED, SOURCE, BASE).orElseThrow())
                        .as(better.describe()).isGreaterThan(budget);
            }
        }
    }

    @Test
    void aBasisPredictedOverTheBudgetIsNotTriedFirst() {
        // the basis with five components a class shares the one-component basis's network, but a basis's int8
        // values barely compress: a file predicted over the budget comes out over it
        for (long budget : new long[] {50_000, 20_000}) {
            Choice choice = MeasuredSettings.forBudget(budget, FASHION_SHAPED, SOURCE, BASE);
            assertThat(choice.setting().decoder()).isEqualTo(DecoderKind.PCA);
            assertThat(choice.setting().components()).isEqualTo(1);
            assertThat(choice.then()).isEmpty();
        }
        assertThat(setting(DecoderKind.PCA, 8, 5).sharesNetwork(setting(DecoderKind.PCA, 8, 1))).isTrue();
        assertThat(MeasuredSettings.predictedBytes(setting(DecoderKind.PCA, 8, 5), FASHION_SHAPED, SOURCE, BASE)
                .orElseThrow()).isGreaterThan(20_000);
    }

    @Test
    void settingsShareANetworkWhenOnlyTheirMixturesDiffer() {
        Setting stemK10 = setting(DecoderKind.AUTOENCODER, 16, 10, 32, 16);
        Setting stem = setting(DecoderKind.AUTOENCODER, 16, 5, 32, 16);
        assertThat(stemK10.sharesNetwork(stem)).isTrue(); // 10 int8 components a class against 5 in fp16
        assertThat(setting(DecoderKind.PCA, 32, 5).sharesNetwork(setting(DecoderKind.PCA, 32, 1))).isTrue();
        assertThat(stem.sharesNetwork(setting(DecoderKind.AUTOENCODER, 16, 5, 32, 16, Precision.INT4))).isFalse();
        // another grid for the rounding steps (a layer kept at int8, the rate decayed) is a rounding pass, not a training
        Setting int4Stem = setting(DecoderKind.AUTOENCODER, 16, 5, 32, 16, Precision.INT4);
        assertThat(keepingInt8(int4Stem, 3).sharesNetwork(int4Stem)).isTrue();
        assertThat(keepingInt8(int4Stem, 3).sharesNetwork(stem)).isFalse();
        assertThat(stem.sharesNetwork(setting(DecoderKind.AUTOENCODER, 16, 5))).isFalse(); // no stem, 8 epochs
        assertThat(setting(DecoderKind.PCA, 32, 5).sharesNetwork(setting(DecoderKind.AUTOENCODER, 32, 5))).isFalse();
        assertThatThrownBy(() -> new Choice(stem, 1, List.of(new Choice(setting(DecoderKind.AUTOENCODER, 16, 5), 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot follow");
    }

    @Test
    void theMeasuredSettingsAreRankedByAccuracy() {
        double[] accuracies = MeasuredSettings.ALL.stream().mapToDouble(Setting::fashionAccuracy).toArray();
        double[] sorted = accuracies.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertThat(accuracies[i]).isEqualTo(sorted[sorted.length - 1 - i]);
        }
    }

    @Test
    void aBudgetNothingFitsIsRefusedWithWhatTheSmallestNeeds() {
        assertThatThrownBy(() -> choose(5_000)).isInstanceOfSatisfying(ParameterException.class, e -> {
            assertThat(e.parameters()).containsExactly(Parameter.BUDGET);
            assertThat(e.getMessage()).startsWith("budget 5,000 B is too small for bands: the smallest measured"
                    + " setting (pca, latent 8, 1 component per class, int8) needs ");
        });
        assertThatThrownBy(() -> choose(0)).isInstanceOf(ParameterException.class)
                .hasMessage("budget must be a positive number of bytes, got 0");
    }

    @Test
    void settingsTheDataCannotTakeAreSkipped() {
        // sides not divisible by 4: no convolutional autoencoder, so the best basis is chosen
        Dataset odd = SyntheticImages.bands(DecoderKind.PCA_BELOW_IMAGES / 10, 10, 30, 5);
        assertThat(MeasuredSettings.forBudget(1_000_000, odd, SOURCE, BASE).setting())
                .isEqualTo(setting(DecoderKind.PCA, 32, 5));
        // 96x96 RGB images are beyond what a basis can be fitted to
        Dataset large = SyntheticImages.bands(6, 10, 96, 5);
        large = new Dataset(new byte[large.pixels().length * 3], large.labels(), large.classNames(),
                new ImageShape(3, 96, 96));
        assertThat(MeasuredSettings.forBudget(100_000_000, large, SOURCE, BASE).setting().decoder())
                .isEqualTo(DecoderKind.AUTOENCODER);
        assertThat(MeasuredSettings.predictedBytes(setting(DecoderKind.PCA, 8, 1), large, SOURCE, BASE)).isEmpty();
        // three records per class cannot hold five components (and so few images take the basis)
        Dataset few = SyntheticImages.bands(3, 10, 28, 5);
        assertThat(MeasuredSettings.forBudget(1_000_000, few, SOURCE, BASE).setting())
                .isEqualTo(setting(DecoderKind.PCA, 32, 1));
    }

    @Test
    void aSmallImageSetIsOfferedTheBasisOnlyWhichDecodesItBetter() {
        Dataset small = SyntheticImages.bands(DecoderKind.PCA_BELOW_IMAGES / 10 - 1, 10, 28, 5);
        assertThat(MeasuredSettings.forBudget(392_000, small, SOURCE, BASE).setting())
                .isEqualTo(setting(DecoderKind.PCA, 32, 5));
        assertThat(MeasuredSettings.forBudget(78_400, small, SOURCE, BASE).setting())
                .isEqualTo(setting(DecoderKind.PCA, 32, 1));
        assertThat(choose(392_000)).isEqualTo(setting(DecoderKind.AUTOENCODER, 64, 11, 32, 16));
    }

    /** Ten classes of 28x28 images of uniform noise. */
    private static Dataset noise(int perClass) {
        SplittableRandom random = new SplittableRandom(11);
        byte[] pixels = new byte[perClass * 10 * 784];
        int[] labels = new int[perClass * 10];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) random.nextInt(256);
        }
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 10;
        }
        return new Dataset(pixels, labels, SyntheticImages.names(10), new ImageShape(1, 28, 28));
    }

    private static Setting choose(long budget) {
        return MeasuredSettings.forBudget(budget, FASHION_SHAPED, SOURCE, BASE).setting();
    }

    @Test
    void aSettingMeasuredWithInt8MixturesSaysSoAndIsSizedSo() {
        Setting fp16 = setting(DecoderKind.AUTOENCODER, 16, 5);
        Setting int8 = int8Mixtures(fp16);
        assertThat(int8.describe()).isEqualTo(fp16.describe() + ", int8 mixtures");
        assertThat(MeasuredSettings.predictedStorage(int8)).isEqualTo(new StoragePrecision(Precision.INT8,
                Precision.INT8));
        assertThat(MeasuredSettings.predictedStorage(fp16)).isEqualTo(new StoragePrecision(Precision.INT8,
                Precision.FP16));
        // 10 classes x 5 components x 136 factor values: 2 bytes each in fp16, 1 and a 4-byte scale a row in int8
        long saved = MeasuredSettings.predictedBytes(fp16, FASHION_SHAPED, SOURCE, BASE).orElseThrow()
                - MeasuredSettings.predictedBytes(int8, FASHION_SHAPED, SOURCE, BASE).orElseThrow();
        assertThat(saved).isBetween(50L * (136 - 4 * 16) - 1_000, 50L * (136 - 4 * 16));
        assertThatThrownBy(() -> new Setting(DecoderKind.AUTOENCODER, 16, 5, 32, 16, Precision.INT8, 0, Precision.FP32,
                0.8, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fp16");
    }

    @Test
    void aSettingMeasuredWithItsOwnEpochsTrainsForThemUnlessTheCallerGaveSome() {
        Setting longer = setting(DecoderKind.AUTOENCODER, 16, 5, 32, 16); // the stem's network, 24 epochs, 9 matching
        Setting plain = new Setting(longer.decoder(), longer.latentDim(), longer.components(), longer.width(),
                longer.stem(), longer.precision(), 0, Precision.FP16, 0, 0, longer.fashionAccuracy(),
                longer.fashionBytes());
        AutoencoderConfig measured = longer.applyTo(BASE).autoencoder();
        assertThat(measured.fit().epochs()).isEqualTo(24);
        assertThat(measured.featureMatching().epochs()).isEqualTo(9);
        assertThat(measured.fit()).isEqualTo(new FitConfig(24, 32, 1e-3, 7)); // the rest is the caller's
        AutoencoderConfig given = longer.applyTo(BASE, MeasuredSettings.Training.AS_GIVEN).autoencoder();
        assertThat(given.fit()).isEqualTo(BASE.autoencoder().fit());
        assertThat(given.featureMatching()).isEqualTo(BASE.autoencoder().featureMatching());
        assertThat(plain.applyTo(BASE).autoencoder().fit()).isEqualTo(BASE.autoencoder().fit());
        assertThat(longer.describe()).isEqualTo(plain.describe() + ", 24 epochs");
        // the header records two losses an epoch, each predicted at its longest (23 characters and a comma)
        long asMeasured = MeasuredSettings.predictedBytes(longer, FASHION_SHAPED, SOURCE, BASE).orElseThrow();
        long asGiven = MeasuredSettings.predictedBytes(longer, FASHION_SHAPED, SOURCE, BASE,
                MeasuredSettings.Training.AS_GIVEN).orElseThrow();
        assertThat(asMeasured - asGiven).isBetween(23L * 2 * 24, 23L * 2 * 24 + 8);
        assertThat(asGiven).isEqualTo(MeasuredSettings.predictedBytes(plain, FASHION_SHAPED, SOURCE, BASE)
                .orElseThrow());
        assertThatThrownBy(() -> new Setting(DecoderKind.AUTOENCODER, 16, 5, 32, 16, Precision.INT8, 0,
                Precision.FP16, 8, 9, 0.8, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Setting(DecoderKind.PCA, 16, 5, 32, 16, Precision.INT8, 0,
                Precision.FP16, 8, 3, 0.8, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSettingMeasuredWithItsOwnTeacherLearnsFromItUnlessTheCallerGaveOne() {
        Setting longer = setting(DecoderKind.AUTOENCODER, 16, 5, 32, 16); // 24 epochs, 9 matching, the caller's teacher
        Setting taught = taught(longer, 32, 6);
        FeatureMatching callers = BASE.autoencoder().featureMatching();
        assertThat(longer.applyTo(BASE).autoencoder().featureMatching().teacherWidth())
                .isEqualTo(callers.teacherWidth());
        FeatureMatching measured = taught.applyTo(BASE).autoencoder().featureMatching();
        assertThat(measured).isEqualTo(callers.withEpochs(9).withTeacher(32, 6));
        // the user's teacher, or all of the user's training, where the user gave them
        assertThat(taught.applyTo(BASE, new MeasuredSettings.Training(true, false)).autoencoder().featureMatching())
                .isEqualTo(callers.withEpochs(9));
        assertThat(taught.applyTo(BASE, MeasuredSettings.Training.AS_GIVEN).autoencoder().featureMatching())
                .isEqualTo(callers);
        assertThat(taught.applyTo(BASE, new MeasuredSettings.Training(false, true)).autoencoder().featureMatching())
                .isEqualTo(callers.withTeacher(32, 6));
        assertThat(taught.describe()).isEqualTo(longer.describe().replace(", 24 epochs",
                ", 24 epochs, teacher of width 32 trained 6 epochs"));
        // another teacher trains another network; fewer components refit the same one
        assertThat(taught.sharesNetwork(longer)).isFalse();
        assertThat(taught.sharesNetwork(taught(longer, 32, 2))).isFalse();
        assertThat(taught.withComponents(3).sharesNetwork(taught)).isTrue();
        assertThat(taught.withComponents(3).teacherWidth()).isEqualTo(32);
        // a teacher's width and epochs go into the header at the caller's teacher's lengths (16 and 2): same size
        assertThat(MeasuredSettings.predictedBytes(taught, FASHION_SHAPED, SOURCE, BASE))
                .isEqualTo(MeasuredSettings.predictedBytes(longer, FASHION_SHAPED, SOURCE, BASE));
        assertThatThrownBy(() -> taught(longer, 24, 6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("width 24");
        assertThatThrownBy(() -> taught(longer, 32, 0)).isInstanceOf(IllegalArgumentException.class);
        Setting untaught = new Setting(DecoderKind.AUTOENCODER, 16, 5, 32, 16, Precision.INT8, 0, Precision.INT8, 8, 0,
                0.8, 1);
        assertThatThrownBy(() -> taught(untaught, 32, 6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 feature-matching epochs");
    }

    /** {@code s} measured with a teacher of {@code width} filters trained {@code epochs} epochs. */
    private static Setting taught(Setting s, int width, int epochs) {
        return new Setting(s.decoder(), s.latentDim(), s.components(), s.width(), s.stem(), s.precision(),
                s.roundingSteps(), s.mixtures(), s.epochs(), s.featureEpochs(), s.fashionAccuracy(), s.fashionBytes(),
                s.drawSpread(), s.sharpen(), s.int8Layers(), s.roundingSchedule(), width, epochs);
    }

    @Test
    void aSettingMeasuredAtAnotherSpreadSaysSoAndIsSizedWithIt() {
        Setting plain = setting(DecoderKind.AUTOENCODER, 16, 5, 32, 16);
        Setting wide = new Setting(plain.decoder(), plain.latentDim(), plain.components(), plain.width(),
                plain.stem(), plain.precision(), plain.roundingSteps(), plain.mixtures(), plain.epochs(),
                plain.featureEpochs(), plain.fashionAccuracy(), plain.fashionBytes(), 1.4);
        assertThat(plain.drawSpread()).isZero();
        assertThat(wide.describe()).isEqualTo(plain.describe() + ", drawn at spread 1.4");
        assertThat(wide.sharesNetwork(plain)).isTrue();
        assertThat(wide.withComponents(3).drawSpread()).isEqualTo(1.4);
        // the header's "spread":1.4 and its comma
        assertThat(MeasuredSettings.predictedBytes(wide, FASHION_SHAPED, SOURCE, BASE).orElseThrow()
                - MeasuredSettings.predictedBytes(plain, FASHION_SHAPED, SOURCE, BASE).orElseThrow())
                .isEqualTo("\"spread\":1.4,".length());
        for (double bad : new double[] {-1, 100.5, Double.NaN}) {
            assertThatThrownBy(() -> new Setting(DecoderKind.AUTOENCODER, 16, 5, 32, 16, Precision.INT8, 0,
                    Precision.FP16, 0, 0, 0.8, 1, bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("spread");
        }
    }

    @Test
    void aSharpenedSettingSaysSoAndIsSizedWithItsGainLayer() {
        Setting plain = setting(DecoderKind.AUTOENCODER, 16, 5, 32, 16);
        Setting sharp = new Setting(plain.decoder(), plain.latentDim(), plain.components(), plain.width(),
                plain.stem(), plain.precision(), plain.roundingSteps(), plain.mixtures(), plain.epochs(),
                plain.featureEpochs(), plain.fashionAccuracy(), plain.fashionBytes(), 0, true);
        assertThat(plain.sharpen()).isFalse();
        assertThat(sharp.describe()).isEqualTo(plain.describe() + ", sharpened");
        assertThat(sharp.sharesNetwork(plain)).isTrue();
        assertThat(sharp.withComponents(3).sharpen()).isTrue();
        // 21 fp16 gains, their tensor's entry, the layer in the header and the stage in the provenance
        long more = MeasuredSettings.predictedBytes(sharp, FASHION_SHAPED, SOURCE, BASE).orElseThrow()
                - MeasuredSettings.predictedBytes(plain, FASHION_SHAPED, SOURCE, BASE).orElseThrow();
        assertThat(more).isBetween(21L * 2 + 30, 400L);
    }

    @Test
    void aSettingWithLayersKeptAtInt8SaysSoRoundsForItsGridAndIsSizedWithThem() {
        Setting int4K5 = MeasuredSettings.ALL.stream().filter(s -> s.precision() == Precision.INT4
                && s.latentDim() == 32 && s.int8Layers().isEmpty()).findFirst().orElseThrow();
        Setting mixed = keepingInt8(int4K5, 3);
        assertThat(mixed.describe()).contains("int4 with layer 3 at int8 (300 rounding steps, cosine rate)");
        assertThat(int4K5.describe()).contains("int4 (300 rounding steps)").doesNotContain("at int8");
        assertThat(mixed.rounding()).isEqualTo(RoundingTuning.steps(300).withSchedule(LearningRateSchedule.COSINE));
        assertThat(int4K5.rounding().schedule()).isEqualTo(LearningRateSchedule.CONSTANT);
        assertThat(mixed.grid().int8Layers()).containsExactly(3);
        assertThat(mixed.grid().of("layers.3.weight")).isEqualTo(Precision.INT8);
        assertThat(mixed.grid().of("layers.0.weight")).isEqualTo(Precision.INT4);
        assertThat(mixed.withComponents(3).int8Layers()).containsExactly(3);
        assertThat(mixed.withComponents(3).roundingSchedule()).isEqualTo(LearningRateSchedule.COSINE);
        // an int8 file whose other layers lie on int4's grid; the stem's 9,216 weights counted at 8 bits, not 5
        assertThat(MeasuredSettings.predictedStorage(mixed).decoder()).isEqualTo(Precision.INT8);
        assertThat(MeasuredSettings.predictedStorage(int4K5).decoder()).isEqualTo(Precision.INT4);
        long more = MeasuredSettings.predictedBytes(mixed, FASHION_SHAPED, SOURCE, BASE).orElseThrow()
                - MeasuredSettings.predictedBytes(int4K5, FASHION_SHAPED, SOURCE, BASE).orElseThrow();
        assertThat(more).isBetween(9_216L * 3 / 8, 9_216L * 3 / 8 + 100); // and the header's record of them
        // a layer the data's decoder does not have, or one without weights, is no setting for it
        assertThat(MeasuredSettings.predictedBytes(keepingInt8(int4K5, 99), FASHION_SHAPED, SOURCE, BASE)).isEmpty();
        assertThatThrownBy(() -> keepingInt8(setting(DecoderKind.AUTOENCODER, 16, 5, 32, 16), 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("int4");
        assertThatThrownBy(() -> keepingInt8(setting(DecoderKind.PCA, 16, 1), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pca");
        assertThatThrownBy(() -> new Setting(DecoderKind.AUTOENCODER, 16, 5, 32, 16, Precision.INT8, 0, Precision.INT8,
                24, 9, 0.8, 1, 0, false, List.of(), LearningRateSchedule.COSINE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without rounding steps");
    }

    /** {@code s} with its mixtures stored at int8, as such a setting is measured. */
    private static Setting int8Mixtures(Setting s) {
        return new Setting(s.decoder(), s.latentDim(), s.components(), s.width(), s.stem(), s.precision(),
                s.roundingSteps(), Precision.INT8, s.fashionAccuracy(), s.fashionBytes());
    }

    /** {@code s} stored at int4 after {@code roundingSteps} (the header records them). */
    private static Setting int4(Setting s, int roundingSteps) {
        return new Setting(s.decoder(), s.latentDim(), s.components(), s.width(), s.stem(), Precision.INT4,
                roundingSteps, s.fashionAccuracy(), s.fashionBytes());
    }

    /** {@code s} with the decoder's layer {@code layer} kept at int8 and its rounding steps' rate decayed. */
    private static Setting keepingInt8(Setting s, int layer) {
        return new Setting(s.decoder(), s.latentDim(), s.components(), s.width(), s.stem(), s.precision(),
                s.roundingSteps(), s.mixtures(), s.epochs(), s.featureEpochs(), s.fashionAccuracy(), s.fashionBytes(),
                s.drawSpread(), s.sharpen(), List.of(layer), LearningRateSchedule.COSINE);
    }

    /** The decoder weights (not biases) of {@code file} on int4's grid: the prediction counts them at 5 bits. */
    private static long int4Weights(CompressedDataset file, Setting setting) {
        return file.decoderWeights().entrySet().stream()
                .filter(e -> e.getKey().endsWith(".weight") && setting.grid().of(e.getKey()) == Precision.INT4)
                .mapToLong(e -> e.getValue().length).sum();
    }

    private static Setting setting(DecoderKind decoder, int latent, int components) {
        return setting(decoder, latent, components, 32);
    }

    private static Setting setting(DecoderKind decoder, int latent, int components, int width) {
        return setting(decoder, latent, components, width, Architectures.NO_STEM);
    }

    private static Setting setting(DecoderKind decoder, int latent, int components, int width, int stem) {
        return setting(decoder, latent, components, width, stem, Precision.INT8);
    }

    private static Setting setting(DecoderKind decoder, int latent, int components, int width, int stem,
            Precision precision) {
        return MeasuredSettings.ALL.stream()
                .filter(s -> s.decoder() == decoder && s.latentDim() == latent && s.components() == components
                        && s.width() == width && s.stem() == stem && s.precision() == precision)
                .findFirst().orElseThrow();
    }
}
