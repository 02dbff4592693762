package io.lgc.pipeline;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.lgc.InputException;
import io.lgc.Numbers;
import io.lgc.Parameter;
import io.lgc.ParameterException;
import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.ArtifactMetadata;
import io.lgc.artifact.CompressedDataset;
import io.lgc.artifact.ImageFormat;
import io.lgc.artifact.PixelScaling;
import io.lgc.artifact.Precision;
import io.lgc.artifact.StoragePrecision;
import io.lgc.artifact.container.Codec;
import io.lgc.data.Dataset;
import io.lgc.gmm.CovarianceType;
import io.lgc.gmm.GaussianMixture;
import io.lgc.model.AutoencoderConfig;
import io.lgc.model.EpochLosses;
import io.lgc.model.FeatureMatching;
import io.lgc.model.FitConfig;
import io.lgc.model.LearningRateSchedule;
import io.lgc.model.PcaCodec;
import io.lgc.model.RoundingTuning;
import io.lgc.network.Architectures;
import io.lgc.network.FrequencyRings;
import io.lgc.network.Layer;
import io.lgc.network.NetworkSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The setting for a file of at most so many bytes: of the settings measured on Fashion-MNIST, the
 * most accurate one whose file for the data at hand fits. The size is predicted before anything is
 * trained, from the data's own image shape, classes and provenance: the file's size before
 * compression (but int4 weights at {@value #INT4_PREDICTED_BITS} bits), with the mixtures in fp16 (a file
 * for a budget is stored so where the writer's own, stricter rule would keep them in fp32: {@link
 * #storage}), or int8 for a setting measured so, and every recorded number at its longest,
 * which the written file exceeds only if a class's fit reports warnings or its mixtures need fp32 (a
 * caller checks the real size before writing, as {@code lgc compress --budget} does).
 */
public final class MeasuredSettings {
    private static final int NO_STEM = Architectures.NO_STEM;

    /**
     * The measured settings, most accurate first: `./lgc sweep fashion-mnist/train --test
     * fashion-mnist/test --precisions int8 --per-class 3000` (fast protocol, classifier seed 1;
     * bench/results/fashion-mnist-sweep.json), and the autoencoder of width 16 measured the same way
     * (`./lgc compress fashion-mnist/train --width 16 --seed 1`, 3,000 samples per class at spread 1,
     * `./lgc evaluate --protocol fast --epochs 10 --seed 1`: 80.70 %), and with a decoder stem of 16
     * (`--stem 16`, the same way: 82.78 %, bench/results/measured-settings/stem-16-fast-seed1.json; with the
     * autoencoder trained 24 epochs, `--epochs 24 --feature-epochs 9`, 83.34 %, stem-16-long-fast-seed1.json,
     * which replaces it: the ConvNet protocol's seeds agree), and
     * that network stored at int4 after 300 rounding steps (`--stem 16 --precision int4 --rounding-steps 300`,
     * the same way: 81.38 %, bench/results/measured-settings/stem-16-int4-fast-seed1.json), and a latent of
     * 64 behind the stem (`--latent-dim 64 --stem 16 --mixture-precision fp16`, the same way: 86.23 %,
     * bench/results/measured-settings/latent-dim-64-stem-16-fast-seed1.json; its mixtures in fp16 move a
     * class by 1.1e-3 nats, so a budget stores them so only where fp32 would not fit), and that network
     * with eleven components per class stored as int8 mixtures and its autoencoder trained three times as long
     * (`--latent-dim 64 --stem 16 --components 11 --mixture-precision int8 --epochs 24 --feature-epochs 9`, the
     * same way: 87.60 %, bench/results/measured-settings/latent-dim-64-stem-16-K11-int8-long-fast-seed1.json,
     * against 87.13 % with the default 8 epochs, latent-dim-64-stem-16-K11-int8-fast-seed1.json, which it
     * replaces: same bytes, and the ConvNet protocol's 3 seeds agree; int8 moves a class by about 6e-2 nats;
     * eleven is the most components whose file is predicted to fit 392,000 B), and the stem's long network
     * with ten components per class stored as int8 mixtures (`--stem 16 --components 10 --mixture-precision
     * int8 --epochs 24 --feature-epochs 9`, the same way: 83.79 %,
     * bench/results/measured-settings/stem-16-long-K10-int8-fast-seed1.json; the ConvNet protocol's 3 seeds
     * agree, bench/results/ab.md `l16-long-K10`; its file is 76,804 B but predicted at 85,220 B, so a budget of
     * 78,400 B tries it first on the network of the five-component one, predicted to fit, and keeps it), and a
     * latent of 32 behind the stem with its decoder at int4 after 300 rounding steps and five int8 components a
     * class, trained 24 epochs, drawn at spread 1.4 (`--latent-dim 32 --stem 16 --precision int4
     * --mixture-precision int8 --components 5 --epochs 24 --feature-epochs 9`, reconstructed at `--spread 1.4`:
     * 84.17 %, bench/results/measured-settings/latent-dim-32-stem-16-K5-int4-long-spread-1.4-fast-seed1.json,
     * where at spread 1.0 it scored 83.57 %; the ConvNet protocol's 3 seeds put it 0.58 points above the
     * ten-component stem file, ahead at each seed, 85.65 ± 0.60 % against 85.07 ± 0.36 %, ab.md
     * `l32-int4-K5-spread-1.4`, and the file `--budget 78400` writes at 85.61 ± 0.64 %, ab.md `budget-78400`;
     * its file, 68,677 B with the recorded spread, is predicted at 88,355 B, over 78,400, but expected to fit:
     * {@link #EXPECTED_SHARE}), which is measured sharpened (`--sharpen`, {@link SharpeningStage}: 68,846 B,
     * 85.81 ± 0.41 % by the ConvNet protocol, +0.21 ± 0.24 over the same draws of the plain file, and 84.14 %
     * by the fast one, bench/results/sharpen.md; `--budget 78400` wrote it so until that network, trained with
     * the fast protocol's own CNN (width 32, 6 epochs) as its feature-matching teacher, its stem's convolution
     * kept at int8 and its rounding steps' rate decayed by a cosine (`--int8-layers 3 --rounding-schedule cosine
     * --teacher-width 32 --teacher-epochs 6`), replaced it: 75,584 B, 84.85 % by the fast protocol (which
     * flatters it: its classifier is the teacher's architecture),
     * bench/results/measured-settings/latent-dim-32-stem-16-K5-mixed-teacher-32-fast-seed1.json, and by the
     * ConvNet protocol over three compressions 85.84 ± 0.20 % against the all-int4 setting's 85.52 ± 0.37 %,
     * bench/results/teacher.md). Every other number was measured at spread 1.0, unsharpened.
     * The ConvNet protocol ranks the four it judged (pca k32 K1, width 16, autoencoder k16 K5 and k32
     * K5) in the same order, and puts width 16 3.3 points above pca k32 K1 (3 seeds) where the fast
     * CNN has them level.
     */
    public static final List<Setting> ALL = List.of(
            new Setting(DecoderKind.AUTOENCODER, 64, 11, 32, 16, Precision.INT8, 0, Precision.INT8, 24, 9, 0.8760,
                    336_004),
            new Setting(DecoderKind.AUTOENCODER, 64, 5, 32, 16, Precision.INT8, 0, 0.8623, 292_225),
            new Setting(DecoderKind.AUTOENCODER, 32, 5, 32, 16, Precision.INT4, 300, Precision.INT8, 24, 9, 0.8485,
                    75_584, 1.4, true, List.of(3), LearningRateSchedule.COSINE, 32, 6),
            new Setting(DecoderKind.AUTOENCODER, 32, 5, 32, NO_STEM, Precision.INT8, 0, 0.8445, 247_516),
            new Setting(DecoderKind.AUTOENCODER, 32, 5, 32, 16, Precision.INT4, 300, Precision.INT8, 24, 9, 0.8414,
                    68_846, 1.4, true),
            new Setting(DecoderKind.AUTOENCODER, 16, 10, 32, 16, Precision.INT8, 0, Precision.INT8, 24, 9, 0.8379,
                    76_804),
            new Setting(DecoderKind.AUTOENCODER, 16, 5, 32, 16, Precision.INT8, 0, Precision.FP16, 24, 9, 0.8334,
                    68_924),
            new Setting(DecoderKind.AUTOENCODER, 16, 5, 32, NO_STEM, Precision.INT8, 0, 0.8299, 108_478),
            new Setting(DecoderKind.AUTOENCODER, 32, 1, 32, NO_STEM, Precision.INT8, 0, 0.8195, 152_801),
            new Setting(DecoderKind.AUTOENCODER, 16, 5, 32, 16, Precision.INT4, 300, 0.8138, 47_803),
            new Setting(DecoderKind.PCA, 32, 5, 32, NO_STEM, Precision.INT8, 0, 0.8087, 137_068),
            new Setting(DecoderKind.AUTOENCODER, 16, 5, 16, NO_STEM, Precision.INT8, 0, 0.8070, 75_087),
            new Setting(DecoderKind.PCA, 32, 1, 32, NO_STEM, Precision.INT8, 0, 0.8068, 53_132),
            new Setting(DecoderKind.AUTOENCODER, 8, 5, 32, NO_STEM, Precision.INT8, 0, 0.8005, 73_727),
            new Setting(DecoderKind.AUTOENCODER, 16, 1, 32, NO_STEM, Precision.INT8, 0, 0.7986, 96_858),
            new Setting(DecoderKind.AUTOENCODER, 8, 1, 32, NO_STEM, Precision.INT8, 0, 0.7520, 70_176),
            new Setting(DecoderKind.PCA, 16, 1, 32, NO_STEM, Precision.INT8, 0, 0.7458, 22_753),
            new Setting(DecoderKind.PCA, 16, 5, 32, NO_STEM, Precision.INT8, 0, 0.7290, 48_590),
            new Setting(DecoderKind.PCA, 8, 5, 32, NO_STEM, Precision.INT8, 0, 0.6258, 22_096),
            new Setting(DecoderKind.PCA, 8, 1, 32, NO_STEM, Precision.INT8, 0, 0.6161, 14_462));

    /**
     * The most (nats, per class) that storing a budget's mixtures in fp16 may move them: a hundred
     * times the writer's own limit, still a tenth of what refitting a 16-dimensional full-covariance
     * class from other samples of it moves it (about 0.1 nats).
     */
    public static final double FP16_MIXTURE_MAX_KL = 1e-2;

    /** The longest a double prints, so that no recorded number outgrows the prediction. */
    private static final double LONGEST_DOUBLE = -2.2250738585072014E-308;

    /**
     * The bits an int4 weight is predicted to take in the file. Stored a byte each, uncompressed, they
     * would be predicted at 8; on Fashion-MNIST's stem decoder the section's Huffman coding gives them
     * about 3.9 (their entropy is 3.6), the scales, fp16 biases and tensor headers beside them counted at
     * their uncompressed size as before. 5 leaves room for decoders whose weights spread more evenly
     * over the 15 levels (at most about 4 bits) and for the codes' tables.
     */
    static final int INT4_PREDICTED_BITS = 5;

    private MeasuredSettings() {
    }

    /**
     * One setting and what it measured on Fashion-MNIST.
     *
     * @param width the convolutional autoencoder's filters (unused by PCA)
     * @param stem the convolutional decoder's stem, or {@link Architectures#NO_STEM} (unused by PCA)
     * @param roundingSteps the decoder's training for its storage grid after the mixtures are fitted
     *     ({@link RoundingTuning}; 0 for none)
     * @param mixtures fp16: the mixtures stored as {@link #storage} says (the prediction sizes them in
     *     fp16); int8: always stored at int8, as the setting was measured
     * @param fashionAccuracy test accuracy of the fast CNN trained on its reconstruction (drawn at
     *     {@code drawSpread}, or 1.0 where that is 0); NaN for a setting no one measured (see {@link #withComponents})
     * @param fashionBytes its file's size there
     * @param drawSpread the spread its file is drawn at best, recorded in the file (header {@code spread}); 0 for
     *     none, the readers' default
     * @param sharpen whether its decoder ends in a frequency gain ({@link SharpeningStage}), as measured
     * @param int8Layers the layers of an int4 decoder kept at int8 ({@link DecoderGrid}); empty for none
     * @param roundingSchedule how the rounding steps' learning rate moves over them ({@link RoundingTuning#schedule})
     * @param teacherWidth the filters of the feature-matching teacher it was measured with ({@link FeatureMatching});
     *     0 for the caller's teacher
     * @param teacherEpochs that teacher's training epochs; 0 with {@code teacherWidth} 0
     */
    public record Setting(DecoderKind decoder, int latentDim, int components, int width, int stem,
            Precision precision, int roundingSteps, Precision mixtures, int epochs, int featureEpochs,
            double fashionAccuracy, long fashionBytes, double drawSpread, boolean sharpen, List<Integer> int8Layers,
            LearningRateSchedule roundingSchedule, int teacherWidth, int teacherEpochs) {
        public Setting {
            int8Layers = List.copyOf(new TreeSet<>(int8Layers));
            Objects.requireNonNull(roundingSchedule, "roundingSchedule");
            if (!int8Layers.isEmpty() && (precision != Precision.INT4 || decoder != DecoderKind.AUTOENCODER)) {
                throw new IllegalArgumentException("layers kept at int8 are an int4 autoencoder decoder's, not "
                        + decoder.cliName() + " at " + precision.label());
            }
            if (roundingSchedule != LearningRateSchedule.CONSTANT && roundingSteps == 0) {
                throw new IllegalArgumentException("a rounding schedule without rounding steps");
            }
            if (teacherWidth != 0 || teacherEpochs != 0) {
                if (!FeatureMatching.validTeacherWidth(teacherWidth) || teacherEpochs <= 0 || featureEpochs == 0) {
                    throw new IllegalArgumentException("a setting's own teacher has a valid width and epochs and"
                            + " feature-matching epochs to teach, got width " + teacherWidth + ", " + teacherEpochs
                            + " epochs and " + featureEpochs + " feature-matching epochs");
                }
            }
            if (drawSpread != 0 && !ArtifactMetadata.validDrawSpread(drawSpread)) {
                throw new IllegalArgumentException("a setting's spread is 0 (none) or one a file may record, got "
                        + drawSpread);
            }
            if (epochs < 0 || featureEpochs < 0 || featureEpochs > epochs
                    || epochs > 0 && decoder != DecoderKind.AUTOENCODER) {
                throw new IllegalArgumentException("a setting's own training is an autoencoder's epochs with no more"
                        + " feature-matching epochs than epochs, got " + epochs + " and " + featureEpochs);
            }
            if (roundingSteps > 0 && !precision.isQuantized()) {
                throw new IllegalArgumentException("rounding steps for " + precision.label() + ", which rounds nothing");
            }
            if (mixtures != Precision.FP16 && mixtures != Precision.INT8) {
                throw new IllegalArgumentException("a setting's mixtures are fp16 (as the writer and budget decide)"
                        + " or int8, not " + mixtures);
            }
        }

        /** A setting trained with the caller's feature-matching teacher. */
        public Setting(DecoderKind decoder, int latentDim, int components, int width, int stem, Precision precision,
                int roundingSteps, Precision mixtures, int epochs, int featureEpochs, double fashionAccuracy,
                long fashionBytes, double drawSpread, boolean sharpen, List<Integer> int8Layers,
                LearningRateSchedule roundingSchedule) {
            this(decoder, latentDim, components, width, stem, precision, roundingSteps, mixtures, epochs, featureEpochs,
                    fashionAccuracy, fashionBytes, drawSpread, sharpen, int8Layers, roundingSchedule, 0, 0);
        }

        /** A setting whose decoder has one grid, rounded (if at all) at a constant rate. */
        public Setting(DecoderKind decoder, int latentDim, int components, int width, int stem, Precision precision,
                int roundingSteps, Precision mixtures, int epochs, int featureEpochs, double fashionAccuracy,
                long fashionBytes, double drawSpread, boolean sharpen) {
            this(decoder, latentDim, components, width, stem, precision, roundingSteps, mixtures, epochs, featureEpochs,
                    fashionAccuracy, fashionBytes, drawSpread, sharpen, List.of(), LearningRateSchedule.CONSTANT);
        }

        /** A setting whose decoder is not sharpened. */
        public Setting(DecoderKind decoder, int latentDim, int components, int width, int stem, Precision precision,
                int roundingSteps, Precision mixtures, int epochs, int featureEpochs, double fashionAccuracy,
                long fashionBytes, double drawSpread) {
            this(decoder, latentDim, components, width, stem, precision, roundingSteps, mixtures, epochs, featureEpochs,
                    fashionAccuracy, fashionBytes, drawSpread, false);
        }

        /** A setting whose file recommends no spread. */
        public Setting(DecoderKind decoder, int latentDim, int components, int width, int stem, Precision precision,
                int roundingSteps, Precision mixtures, int epochs, int featureEpochs, double fashionAccuracy,
                long fashionBytes) {
            this(decoder, latentDim, components, width, stem, precision, roundingSteps, mixtures, epochs, featureEpochs,
                    fashionAccuracy, fashionBytes, 0);
        }

        /** A setting whose mixtures are stored as {@link #storage} decides. */
        public Setting(DecoderKind decoder, int latentDim, int components, int width, int stem, Precision precision,
                int roundingSteps, double fashionAccuracy, long fashionBytes) {
            this(decoder, latentDim, components, width, stem, precision, roundingSteps, Precision.FP16,
                    fashionAccuracy, fashionBytes);
        }

        /** A setting trained for as many epochs as the caller's configuration says. */
        public Setting(DecoderKind decoder, int latentDim, int components, int width, int stem, Precision precision,
                int roundingSteps, Precision mixtures, double fashionAccuracy, long fashionBytes) {
            this(decoder, latentDim, components, width, stem, precision, roundingSteps, mixtures, 0, 0,
                    fashionAccuracy, fashionBytes);
        }

        /**
         * This setting's network with {@code k} components a class, which no one measured: what a budget falls back
         * on, refitting the same trained network, where this setting's file may not fit and no measured setting
         * on its network does.
         */
        public Setting withComponents(int k) {
            return new Setting(decoder, latentDim, k, width, stem, precision, roundingSteps, mixtures, epochs,
                    featureEpochs, Double.NaN, 0, drawSpread, sharpen, int8Layers, roundingSchedule, teacherWidth,
                    teacherEpochs);
        }

        /**
         * This setting's network with every decoder layer on int4's grid, which no one measured: what a budget
         * falls back on first where a file with layers kept at int8 would not fit (a rounding pass, not a
         * training); this setting itself where it keeps none.
         */
        public Setting allInt4() {
            return int8Layers.isEmpty() ? this : new Setting(decoder, latentDim, components, width, stem, precision,
                    roundingSteps, mixtures, epochs, featureEpochs, Double.NaN, 0, drawSpread, sharpen, List.of(),
                    roundingSchedule, teacherWidth, teacherEpochs);
        }

        /** The training for the storage grid this setting was measured with. */
        public RoundingTuning rounding() {
            return RoundingTuning.steps(roundingSteps).withSchedule(roundingSchedule);
        }

        /** The grid its decoder's weights are stored on: {@code precision}'s, but for the layers kept at int8. */
        public DecoderGrid grid() {
            return int8Layers.isEmpty() ? DecoderGrid.uniform(precision) : DecoderGrid.int4Keeping(int8Layers);
        }

        /**
         * {@code base} with this setting's decoder, latent dimension, width, stem and components, and its
         * epochs and teacher where it was measured with its own.
         */
        public CompressionConfig applyTo(CompressionConfig base) {
            return applyTo(base, Training.AS_MEASURED);
        }

        /**
         * As {@link #applyTo(CompressionConfig)}, keeping {@code base}'s epochs and teacher when {@code training}
         * says so.
         */
        public CompressionConfig applyTo(CompressionConfig base, Training training) {
            AutoencoderConfig ae = base.autoencoder();
            boolean own = epochs > 0 && training.ownEpochs();
            FitConfig fit = own ? ae.fit().withEpochs(epochs) : ae.fit();
            FeatureMatching matching = own ? ae.featureMatching().withEpochs(featureEpochs) : ae.featureMatching();
            if (teacherWidth > 0 && training.ownTeacher()) {
                matching = matching.withTeacher(teacherWidth, teacherEpochs);
            }
            AutoencoderConfig trained = ae.withNetwork(latentDim, width, stem).withTraining(fit, matching);
            MixtureSettings mixtures = MixtureSettings.fixed(components, base.mixtures().covarianceType(),
                    base.mixtures().nInit());
            return new CompressionConfig(decoder, trained, mixtures, base.seed(), base.tuning());
        }

        /** As the command line would say it: "pca, latent 32, 1 component per class, int8". */
        public String describe() {
            return decoder.cliName() + ", latent " + latentDim + ", " + components
                    + (components == 1 ? " component" : " components") + " per class"
                    + (decoder == DecoderKind.AUTOENCODER ? ", width " + width : "")
                    + (decoder == DecoderKind.AUTOENCODER && stem != NO_STEM ? ", stem " + stem : "")
                    + ", " + precision.label()
                    + (int8Layers.isEmpty() ? "" : " with " + (int8Layers.size() == 1 ? "layer " : "layers ")
                            + int8Layers.stream().map(String::valueOf).collect(Collectors.joining(", ")) + " at int8")
                    + (roundingSteps > 0 ? " (" + roundingSteps + " rounding steps"
                            + (roundingSchedule == LearningRateSchedule.CONSTANT ? ""
                                    : ", " + roundingSchedule.id() + " rate") + ")" : "")
                    + (mixtures == Precision.INT8 ? ", int8 mixtures" : "")
                    + (epochs > 0 ? ", " + epochs + " epochs" : "")
                    + (teacherWidth > 0 ? ", teacher of width " + teacherWidth + " trained " + teacherEpochs
                            + (teacherEpochs == 1 ? " epoch" : " epochs") : "")
                    + (drawSpread > 0 ? ", drawn at spread " + Numbers.plain(drawSpread) : "")
                    + (sharpen ? ", sharpened" : "");
        }

        /**
         * Whether {@code other} trains the same network as this setting (decoder, latent, width, stem,
         * precision, rounding steps, epochs and teacher alike), so that one training serves both and they differ
         * only in their mixtures, or in what the rounding steps after the mixtures make of it: the layers kept at
         * int8 and the steps' schedule, which cost a rounding pass, not a training.
         */
        public boolean sharesNetwork(Setting other) {
            return decoder == other.decoder && latentDim == other.latentDim && width == other.width
                    && stem == other.stem && precision == other.precision && roundingSteps == other.roundingSteps
                    && epochs == other.epochs && featureEpochs == other.featureEpochs
                    && teacherWidth == other.teacherWidth && teacherEpochs == other.teacherEpochs;
        }
    }

    /**
     * Whose epochs and teacher a chosen setting trains with: its own, where it was measured with them, or the
     * caller's (the user gave them).
     *
     * @param ownEpochs a setting measured with its own epochs and feature-matching epochs trains for them
     * @param ownTeacher a setting measured with its own feature-matching teacher trains that one
     */
    public record Training(boolean ownEpochs, boolean ownTeacher) {
        /** Each setting trains as it was measured. */
        public static final Training AS_MEASURED = new Training(true, true);
        /** The caller's epochs, feature-matching epochs and teacher, always. */
        public static final Training AS_GIVEN = new Training(false, false);
    }

    /**
     * The chosen setting and the size predicted for its file, and the settings to try in turn on the
     * same trained network should its file come out larger than the budget ({@code then}: empty when
     * the prediction fits the budget; otherwise they share its network and the last one's prediction
     * fits).
     */
    public record Choice(Setting setting, long predictedBytes, List<Choice> then) {
        public Choice {
            then = List.copyOf(then);
            for (Choice next : then) {
                if (!next.setting().sharesNetwork(setting) || !next.then().isEmpty()) {
                    throw new IllegalArgumentException(next.setting().describe() + " cannot follow "
                            + setting.describe() + " on its network");
                }
            }
        }

        /** A setting predicted to fit, with nothing to fall back on. */
        public Choice(Setting setting, long predictedBytes) {
            this(setting, predictedBytes, List.of());
        }

        /** This setting and those to try after it, in order, each without followers. */
        public List<Choice> inOrder() {
            List<Choice> all = new ArrayList<>();
            all.add(new Choice(setting, predictedBytes));
            all.addAll(then);
            return all;
        }
    }

    /**
     * The most accurate measured setting whose file for {@code data} is predicted to fit in
     * {@code budget} bytes, or, where a more accurate setting shares its network, that one first (with
     * the fitting one to fall back on: trying it costs a mixture fit, not a training, and the prediction
     * counts every number at its longest and nothing for compression, so a file predicted larger often
     * fits); and a more accurate autoencoder setting predicted over the budget that no measured setting on its
     * network would follow is still tried where it is expected to fit ({@link #EXPECTED_SHARE}), with its
     * network's mixtures refitted with fewer components to fall back on (and a more accurate setting on the same
     * network, such as another grid for its rounding steps, tried before it). {@code base} supplies what the
     * budget does not choose (epochs, seed, covariance type, …). Data that {@link DecoderKind#auto} gives the
     * PCA basis (fewer than {@value DecoderKind#PCA_BELOW_IMAGES} images) is offered the basis's settings only:
     * there an autoencoder decodes far worse than Fashion-MNIST's ranking says (README, small datasets). A
     * {@link ParameterException} naming the budget when nothing fits.
     */
    public static Choice forBudget(long budget, Dataset data, SourceInfo source, CompressionConfig base) {
        return forBudget(budget, data, source, base, List.of()).orElseThrow();
    }

    /**
     * {@link #forBudget(long, Dataset, SourceInfo, CompressionConfig)} passing over the settings
     * already {@code tried} (whose files came out larger than predicted, see {@link #requireFits}):
     * empty when some were tried and no other fits; the exception when none was tried and none fits.
     */
    public static Optional<Choice> forBudget(long budget, Dataset data, SourceInfo source,
            CompressionConfig base, List<Setting> tried) {
        return forBudget(budget, data, source, base, tried, Training.AS_MEASURED);
    }

    /** As above, each setting trained for the epochs {@code training} says. */
    public static Optional<Choice> forBudget(long budget, Dataset data, SourceInfo source,
            CompressionConfig base, List<Setting> tried, Training training) {
        if (budget <= 0) {
            throw new ParameterException(Parameter.BUDGET, " must be a positive number of bytes, got " + budget);
        }
        long smallest = Long.MAX_VALUE;
        Setting smallestSetting = null;
        boolean basisOnly = DecoderKind.auto(data) == DecoderKind.PCA;
        List<Choice> larger = new ArrayList<>(); // applicable settings predicted over the budget, best first
        for (Setting setting : ALL) {
            if ((basisOnly && setting.decoder() != DecoderKind.PCA) || tried.contains(setting)) {
                continue;
            }
            OptionalLong bytes = predictedBytes(setting, data, source, base, training);
            if (bytes.isEmpty()) {
                continue;
            }
            if (bytes.getAsLong() <= budget) {
                return Optional.of(withSameNetworkFirst(new Choice(setting, bytes.getAsLong()), larger));
            }
            Choice over = new Choice(setting, bytes.getAsLong());
            if (!sharesWithAMeasuredFit(setting, budget, data, source, base, tried, training)) {
                Optional<Choice> fewer = withFewerComponents(over, budget, data, source, base, tried, training);
                if (fewer.isPresent()) {
                    return Optional.of(withSameNetworkFirst(fewer.orElseThrow(), larger));
                }
            }
            larger.add(over);
            if (bytes.getAsLong() < smallest) {
                smallest = bytes.getAsLong();
                smallestSetting = setting;
            }
        }
        if (!tried.isEmpty()) {
            return Optional.empty();
        }
        if (smallestSetting == null) {
            throw new ParameterException(Parameter.BUDGET, ": no measured setting applies to " + source.given()
                    + " (" + data.shape() + " images, fewest per class " + Arrays.stream(data.classCounts()).min()
                    .orElse(0) + ")");
        }
        throw new ParameterException(Parameter.BUDGET, " " + bytes(budget) + " is too small for "
                + source.given() + ": the smallest measured setting (" + smallestSetting.describe() + ") needs "
                + bytes(smallest));
    }

    /**
     * Whether a measured setting ranked below {@code setting} trains its network and is predicted to fit: the
     * ranking reaches it, and it is tried after {@code setting} ({@link #withSameNetworkFirst}).
     */
    private static boolean sharesWithAMeasuredFit(Setting setting, long budget, Dataset data, SourceInfo source,
            CompressionConfig base, List<Setting> tried, Training training) {
        for (Setting other : ALL.subList(ALL.indexOf(setting) + 1, ALL.size())) {
            if (other.sharesNetwork(setting) && !tried.contains(other)) {
                OptionalLong bytes = predictedBytes(other, data, source, base, training);
                if (bytes.isPresent() && bytes.getAsLong() <= budget) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The share of its prediction an autoencoder setting's file is expected to come to: on Fashion-MNIST the
     * files with int8 mixtures or an int4 decoder came to 0.78 to 0.86 of theirs (latent 64, eleven int8
     * components: 320,067 of 371,104 B; the ten-component stem file 70,521 of 85,520 B; the latent-32 int4 file
     * 68,677 of 88,355 B; that network with its stem's convolution kept at int8 and a stronger teacher 75,584 of
     * 92,125 B), the stem file with fp16 mixtures 0.86, the latent-64 one with fp16 mixtures about
     * 0.93. A setting predicted over the budget is tried when this share of its prediction fits (or, for one with
     * layers kept at int8, of its all-int4 finish's); where its file then comes out larger, that finish and
     * fewer components on the same network follow.
     */
    static final double EXPECTED_SHARE = 0.87;

    /**
     * An autoencoder setting predicted over the budget but expected to fit ({@link #EXPECTED_SHARE}) with, to
     * fall back on, its own network's mixtures refitted with one component a class fewer at a time, down to
     * the most components predicted to fit; for a setting with decoder layers kept at int8, its network finished
     * all at int4 ({@link Setting#allInt4}) first, then that finish's fewer components, and it is tried where
     * either it or that finish is expected to fit. Empty where none is expected to fit or even one component
     * does not fit. Each refit costs a mixture fit (and the rounding steps), not a training; no one measured
     * them, so they are there for data whose files come out larger than Fashion-MNIST's.
     */
    private static Optional<Choice> withFewerComponents(Choice over, long budget, Dataset data, SourceInfo source,
            CompressionConfig base, List<Setting> tried, Training training) {
        Setting setting = over.setting();
        if (setting.decoder() != DecoderKind.AUTOENCODER) {
            return Optional.empty(); // a basis's int8 values barely compress: its files come out as predicted
        }
        Setting refitted = setting.allInt4();
        boolean mixed = !refitted.equals(setting);
        OptionalLong refittedBytes = mixed ? predictedBytes(refitted, data, source, base, training)
                : OptionalLong.of(over.predictedBytes());
        boolean expected = over.predictedBytes() * EXPECTED_SHARE <= budget
                || refittedBytes.isPresent() && refittedBytes.getAsLong() * EXPECTED_SHARE <= budget;
        if (!expected) {
            return Optional.empty();
        }
        List<Choice> then = new ArrayList<>();
        if (mixed && refittedBytes.isPresent() && !tried.contains(refitted)) {
            then.add(new Choice(refitted, refittedBytes.getAsLong()));
            if (refittedBytes.getAsLong() <= budget) {
                return Optional.of(new Choice(setting, over.predictedBytes(), then));
            }
        }
        for (int k = setting.components() - 1; k >= 1; k--) {
            Setting fewer = refitted.withComponents(k);
            OptionalLong bytes = predictedBytes(fewer, data, source, base, training);
            if (bytes.isEmpty() || tried.contains(fewer)) {
                continue;
            }
            then.add(new Choice(fewer, bytes.getAsLong()));
            if (bytes.getAsLong() <= budget) {
                return Optional.of(new Choice(setting, over.predictedBytes(), then));
            }
        }
        return Optional.empty();
    }

    /**
     * {@code fits}, or the best of the {@code larger} autoencoder settings that share its network, with the
     * rest and {@code fits} (and what it falls back on) to follow. The prediction ran 10 to 11 % over the
     * autoencoder files measured
     * (85,220 B for the ten-component stem file's 76,804 B, 76,007 B for the five-component one's 68,924 B;
     * with fp16 scales and section about, which it does not count, about 20 %: that file is 70,521 B now),
     * and a refit costs seconds where the training took minutes (another grid for the rounding steps, a
     * minute or two). Not a basis: its int8 values barely compress, so its files come out close to their
     * predictions.
     */
    private static Choice withSameNetworkFirst(Choice fits, List<Choice> larger) {
        List<Choice> sharing = new ArrayList<>();
        for (Choice c : larger) {
            if (c.setting().decoder() == DecoderKind.AUTOENCODER && c.setting().sharesNetwork(fits.setting())) {
                sharing.add(c);
            }
        }
        if (sharing.isEmpty()) {
            return fits;
        }
        List<Choice> then = new ArrayList<>(sharing.subList(1, sharing.size()));
        then.addAll(fits.inOrder());
        return new Choice(sharing.get(0).setting(), sharing.get(0).predictedBytes(), then);
    }

    /**
     * The precisions to store a trained file of {@code setting} at for {@code budget}: the writer's own
     * choice ({@link ArtifactFile#storage}) when that fits; else the mixtures in fp16, as the prediction
     * assumes, where the writer would keep them in fp32 because rounding moves a class by more than
     * its strict limit, as long as it moves none by more than {@link #FP16_MIXTURE_MAX_KL}.
     * IllegalArgumentException as {@link ArtifactFile#write}.
     */
    public static StoragePrecision storage(CompressedDataset trained, Setting setting, long budget) {
        if (setting.mixtures() == Precision.INT8) {
            return predictedStorage(setting);
        }
        StoragePrecision own = ArtifactFile.storage(trained, setting.grid().stored());
        StoragePrecision predicted = predictedStorage(setting);
        if (own.equals(predicted) || ArtifactFile.storedBytes(trained, own, Codec.AUTO) <= budget
                || !(ArtifactFile.fp16MixtureDivergence(trained) <= FP16_MIXTURE_MAX_KL)) {
            return own; // where fp16 would move a class further, the caller finds the file too large and says so
        }
        return predicted;
    }

    /**
     * What a prediction sizes the sections at: int8 mixtures for a setting measured so, else mixtures
     * in fp16 wherever the decoder is not fp32.
     */
    public static StoragePrecision predictedStorage(Setting setting) {
        Precision precision = setting.grid().stored();
        return new StoragePrecision(precision, setting.mixtures() == Precision.INT8 ? Precision.INT8
                : precision == Precision.FP32 ? Precision.FP32 : Precision.FP16);
    }

    /**
     * Refuses a file that came out larger than its budget, which the prediction allows only when a
     * class's fit reported warnings (they are recorded in the header) or its mixtures need fp32; for
     * a caller that has no other setting left to try.
     */
    public static void requireFits(long budget, long actualBytes, Setting setting, String sourceName) {
        if (actualBytes > budget) {
            throw tooLarge(budget, actualBytes, setting, sourceName);
        }
    }

    /** The refusal of {@link #requireFits}, for a caller that has already compared the sizes. */
    public static ParameterException tooLarge(long budget, long actualBytes, Setting setting, String sourceName) {
        return new ParameterException(Parameter.BUDGET, " " + bytes(budget) + ": the file of " + sourceName
                + " came out at " + bytes(actualBytes) + " (" + setting.describe() + "; its mixture fits reported"
                + " warnings, which the header records, or its mixtures need fp32) and no other measured setting"
                + " fits; nothing was written: give a larger budget");
    }

    /**
     * The predicted size of {@code setting}'s file for {@code data}, or empty where the setting
     * cannot apply: a convolutional decoder for sides not divisible by 4, a basis larger than the
     * image or of images larger than {@link PcaCodec#MAX_VALUES}, a decoder whose activations no
     * reader accepts, a class with fewer records than components, or a sharpened setting for images
     * larger than a frequency gain takes.
     */
    public static OptionalLong predictedBytes(Setting setting, Dataset data, SourceInfo source,
            CompressionConfig base) {
        return predictedBytes(setting, data, source, base, Training.AS_MEASURED);
    }

    /** As above, the setting trained for the epochs {@code training} says (they set the header's length). */
    public static OptionalLong predictedBytes(Setting setting, Dataset data, SourceInfo source,
            CompressionConfig base, Training training) {
        int fewest = Arrays.stream(data.classCounts()).min().orElse(0);
        boolean pca = setting.decoder() == DecoderKind.PCA;
        if (fewest < Math.max(2, setting.components())
                || pca && (setting.latentDim() > data.shape().size() || data.shape().size() > PcaCodec.MAX_VALUES)
                || setting.sharpen() && !FrequencyRings.takes(data.shape().height(), data.shape().width())) {
            return OptionalLong.empty();
        }
        CompressionConfig config = setting.applyTo(base, training);
        AutoencoderConfig ae = config.autoencoder().forData(data);
        NetworkSpec decoder;
        try {
            decoder = setting.decoder() == DecoderKind.PCA ? PcaCodec.decoder(data.shape(), setting.latentDim())
                    : ae.spec(data.layout()).decoder();
            ArtifactFile.requireReadableDecoder(decoder, source.given());
        } catch (InputException e) {
            return OptionalLong.empty(); // this architecture does not fit these images, or no reader takes it
        }
        if (!decoder.weightedLayers().containsAll(setting.int8Layers())) {
            return OptionalLong.empty(); // a layer kept at int8 that this decoder lacks
        }
        boolean tuned = config.tuning().enabled() && setting.decoder() == DecoderKind.AUTOENCODER;
        List<EpochLosses> history = new ArrayList<>();
        if (setting.decoder() == DecoderKind.AUTOENCODER) {
            for (int e = 1; e <= ae.fit().epochs(); e++) {
                history.add(new EpochLosses(e, -LONGEST_DOUBLE, -LONGEST_DOUBLE, 0));
            }
        }
        ArtifactMetadata metadata = new ArtifactMetadata(data.classNames(), data.classCounts(),
                new ImageFormat(data.shape(), PixelScaling.UINT8), setting.latentDim(),
                config.mixtures().covarianceType(), decoder, longestReport(data, setting.components()),
                Compressor.provenance(source, config, ae, tuned, history));
        if (setting.rounding().enabled()) {
            metadata = RoundingStage.recorded(metadata, setting.grid(), setting.rounding());
        }
        if (setting.drawSpread() > 0) {
            metadata = metadata.withDrawSpread(setting.drawSpread());
        }
        if (setting.sharpen()) {
            metadata = SharpeningStage.withGainLayer(metadata);
        }
        CompressedDataset dry = new CompressedDataset(metadata, unitMixtures(data.numClasses(), setting.components(),
                setting.latentDim(), config.mixtures().covarianceType()), someWeights(metadata.decoder()));
        long uncompressed = ArtifactFile.maxStoredBytes(dry, predictedStorage(setting));
        return OptionalLong.of(setting.precision() == Precision.INT4
                ? uncompressed - int4WeightCount(decoder, setting.grid()) * (8 - INT4_PREDICTED_BITS) / 8
                : uncompressed);
    }

    /** The decoder's weights on int4's grid: all, but those of layers kept at int8. */
    private static long int4WeightCount(NetworkSpec decoder, DecoderGrid grid) {
        return decoder.parameterShapes().entrySet().stream()
                .filter(e -> e.getKey().endsWith(".weight") && grid.of(e.getKey()) == Precision.INT4)
                .mapToLong(e -> Layer.product(e.getValue())).sum();
    }

    private static String bytes(long n) {
        return String.format(java.util.Locale.ROOT, "%,d B", n);
    }

    /** The mixture report with every class's numbers at their longest and no warnings. */
    private static JsonObject longestReport(Dataset data, int components) {
        JsonArray classes = new JsonArray();
        int[] counts = data.classCounts();
        for (int c = 0; c < data.numClasses(); c++) {
            JsonObject entry = new JsonObject();
            entry.addProperty("class", data.classNames().get(c));
            entry.addProperty("components", components);
            entry.addProperty("samples", counts[c]);
            entry.addProperty("converged", false);
            entry.addProperty("iterations", Integer.MAX_VALUE);
            entry.addProperty("lower_bound", LONGEST_DOUBLE);
            entry.add("warnings", new JsonArray());
            classes.add(entry);
        }
        JsonObject report = new JsonObject();
        report.add("classes", classes);
        return report;
    }

    /** Standard normal components at the origin: their storage size is all that matters here. */
    private static List<GaussianMixture> unitMixtures(int classes, int k, int d, CovarianceType type) {
        int[] shape = GaussianMixture.covarianceShape(type, k, d);
        double[] covariances = new double[Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
        int values = covariances.length;
        int matrixSize = type == CovarianceType.FULL || type == CovarianceType.TIED ? d * d : 0;
        for (int i = 0; i < values; i++) {
            covariances[i] = matrixSize == 0 || (i % matrixSize) % (d + 1) == 0 ? 1 : 0;
        }
        double[] weights = new double[k];
        Arrays.fill(weights, 1.0 / k);
        GaussianMixture unit = GaussianMixture.fromParameters(type, weights, new double[k][d], covariances);
        List<GaussianMixture> all = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            all.add(unit);
        }
        return all;
    }

    /** Weights of the decoder's shapes (random, so that no storage step treats them as special). */
    private static Map<String, float[]> someWeights(NetworkSpec decoder) {
        SplittableRandom random = new SplittableRandom(0);
        Map<String, float[]> weights = new LinkedHashMap<>();
        decoder.parameterShapes().forEach((name, shape) -> {
            float[] values = new float[(int) Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) random.nextDouble(-1, 1);
            }
            weights.put(name, values);
        });
        return weights;
    }
}
