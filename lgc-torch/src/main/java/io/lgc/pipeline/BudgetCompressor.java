package io.lgc.pipeline;

import io.lgc.Numbers;
import io.lgc.Parameter;
import io.lgc.ParameterException;
import io.lgc.Progress;
import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.CompressedDataset;
import io.lgc.artifact.Precision;
import io.lgc.artifact.StoragePrecision;
import io.lgc.artifact.container.Codec;
import io.lgc.data.Dataset;
import io.lgc.synth.SamplingPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Compression to a byte budget, as {@code lgc compress --budget} does it: the most accurate setting
 * measured on Fashion-MNIST ({@link MeasuredSettings}) predicted to fit, or a better one on the same
 * network tried first; when a file comes out larger (a setting predicted larger, mixtures that fp16
 * would move too far, fits with warnings), the next setting on the same network, its mixtures refitted (and
 * its rounding steps run again where that setting's grid differs),
 * then the next measured setting, trained anew, until one fits or none is left (a
 * {@link ParameterException} naming {@link Parameter#BUDGET}).
 */
public final class BudgetCompressor {
    private BudgetCompressor() {
    }

    /**
     * What the search does, as it does it; every method does nothing by default.
     */
    public interface Listener {
        /** {@code choice} is about to be trained ({@code retry}: after an earlier setting came out too large). */
        default void choosing(MeasuredSettings.Choice choice, boolean retry) {
        }

        /**
         * The file came out at {@code bytes}; the same trained network is finished as {@code next}: its mixtures
         * refitted, its rounding steps run for {@code next}'s grid.
         */
        default void refitting(long bytes, MeasuredSettings.Setting next) {
        }

        /** The file came out at {@code bytes} for the reason {@code why}; the next measured setting is trained. */
        default void trainingNext(long bytes, String why) {
        }

        /** The file that fits stores its mixtures other than the writer's own rule would: at {@code stored}. */
        default void mixturesStored(StoragePrecision stored, MeasuredSettings.Setting setting, double movedNats) {
        }

        /** The decoder was sharpened with these gains, ring by ring ({@link SharpeningStage#summary}). */
        default void sharpened(double[] gains) {
        }

        /** Rounding candidate {@code index} (0-based) of {@code count} scored {@code score} ({@link RoundingChoice}). */
        default void candidateScored(int index, int count, double score) {
        }

        /** Of {@code count} rounding candidates, {@code index} (0-based) was kept. */
        default void candidateKept(int index, int count) {
        }
    }

    /**
     * How the measured settings are applied.
     *
     * @param training whether a setting trains as long as it was measured, or as {@code base} says
     * @param sharpen sharpen every setting's decoder, not only the settings measured sharpened
     * @param spread the spread the file recommends, or null for the spread its setting was measured at
     * @param roundingCandidates rounding paths the file is chosen from ({@link RoundingChoice}; 1: one path)
     */
    public record Options(MeasuredSettings.Training training, boolean sharpen, Double spread,
            int roundingCandidates) {
        /** As {@code lgc compress --budget B} does with no other option. */
        public static final Options AS_MEASURED = new Options(MeasuredSettings.Training.AS_MEASURED, false, null, 1);

        public Options {
            Objects.requireNonNull(training, "training");
            RoundingChoice.requireCount(roundingCandidates);
        }
    }

    /** The file that fits, and how it is to be stored to fit. */
    public record Budgeted(CompressionResult result, StoragePrecision storage, MeasuredSettings.Setting setting) {
    }

    /**
     * The compression of {@code images} whose file, stored as {@link Budgeted#storage()} says, takes at
     * most {@code budget} bytes; {@code base} gives everything the settings leave open (seed, training
     * beyond what a setting fixes), {@code dataName} how an error names the images. Trains one network or
     * more; nothing is written.
     */
    public static Budgeted compress(Dataset images, SourceInfo source, String dataName, long budget,
            CompressionConfig base, Options options, Progress progress, Listener listener) {
        List<MeasuredSettings.Setting> tried = new ArrayList<>();
        MeasuredSettings.Choice choice = MeasuredSettings.forBudget(budget, images, source, base, List.of(),
                options.training()).orElseThrow();
        while (true) {
            listener.choosing(choice, !tried.isEmpty());
            List<MeasuredSettings.Choice> group = choice.inOrder();
            List<CompressionConfig> configs = group.stream().map(c -> c.setting().applyTo(base, options.training()))
                    .toList();
            List<CompressionResult> results = new ArrayList<>();
            Compressor.compressEach(images, source, configs.get(0),
                    configs.stream().map(CompressionConfig::mixtures).toList(), progress, results::add);
            long bytes = 0;
            CompressedDataset trained = null;
            for (int i = 0; i < group.size(); i++) {
                MeasuredSettings.Setting chosen = group.get(i).setting();
                Finished made = finished(results.get(i), chosen, budget, images, base, options, progress, listener);
                trained = made.result().dataset();
                CompressedDataset candidate = trained;
                StoragePrecision stored = storable(base, () -> MeasuredSettings.storage(candidate, chosen, budget));
                bytes = storable(base, () -> ArtifactFile.storedBytes(candidate, stored, Codec.AUTO));
                if (bytes <= budget) {
                    if (!stored.equals(made.writerRule())) {
                        listener.mixturesStored(stored, chosen,
                                ArtifactFile.mixtureDivergence(candidate, stored.mixtures()));
                    }
                    return new Budgeted(made.result(), stored, chosen);
                }
                tried.add(chosen);
                if (i + 1 < group.size()) {
                    listener.refitting(bytes, group.get(i + 1).setting());
                }
            }
            MeasuredSettings.Setting last = group.get(group.size() - 1).setting();
            Optional<MeasuredSettings.Choice> next = MeasuredSettings.forBudget(budget, images, source, base, tried,
                    options.training());
            if (next.isEmpty()) {
                throw MeasuredSettings.tooLarge(budget, bytes, last, dataName);
            }
            double moved = last.mixtures() == Precision.INT8 ? 0 : ArtifactFile.fp16MixtureDivergence(trained);
            listener.trainingNext(bytes, moved > MeasuredSettings.FP16_MIXTURE_MAX_KL
                    ? String.format(java.util.Locale.ROOT, "its mixtures stay fp32: fp16 would move a class by %.1e"
                            + " nats", moved)
                    : "its mixture fits reported warnings, which the header records");
            choice = next.orElseThrow();
        }
    }

    /** A trained setting as its file would hold it, and the storage the writer's own rule gives it. */
    private record Finished(CompressionResult result, StoragePrecision writerRule) {
    }

    /**
     * A trained setting as its file would hold it: its decoder trained for the storage grid, the spread
     * recorded, and sharpened where the setting or the options say; of several rounding paths (options'
     * {@code roundingCandidates}), the one {@link RoundingChoice} keeps.
     */
    private static Finished finished(CompressionResult result, MeasuredSettings.Setting setting, long budget,
            Dataset images, CompressionConfig base, Options options, Progress progress, Listener listener) {
        StoragePrecision writerRule = storable(base, () -> ArtifactFile.storage(result.dataset(),
                setting.grid().stored()));
        int candidates = setting.rounding().enabled() ? options.roundingCandidates() : 1;
        RoundingChoice.Chosen chosen = RoundingChoice.best(candidates, base.seed(),
                roundingSeed -> candidate(result, setting, images, base, options, writerRule, roundingSeed,
                        progress, listener),
                file -> storable(base, () -> MeasuredSettings.storage(file, setting, budget)), images, result.times(),
                progress, listener::candidateScored);
        if (candidates > 1) {
            listener.candidateKept(chosen.index(), candidates);
        }
        return new Finished(new CompressionResult(chosen.file(), result.times(), result.warnings(),
                result.latents()), writerRule);
    }

    /**
     * The file of a trained setting whose rounding steps draw with {@code roundingSeed}: the spread recorded,
     * and sharpened where the setting or the options say.
     */
    private static CompressedDataset candidate(CompressionResult result, MeasuredSettings.Setting setting,
            Dataset images, CompressionConfig base, Options options, StoragePrecision writerRule, long roundingSeed,
            Progress progress, Listener listener) {
        CompressedDataset file = RoundingStage.apply(result.dataset(), setting.grid(), setting.rounding(),
                roundingSeed, result.times(), progress);
        double spread = options.spread() != null ? options.spread() : setting.drawSpread();
        if (spread > 0) {
            file = file.withDrawSpread(spread);
        }
        if (options.sharpen() || setting.sharpen()) {
            CompressedDataset plain = file;
            SharpeningStage.Sharpened s = result.times().time("sharpen", () -> SharpeningStage.apply(plain, images,
                    writerRule, SamplingPlan.defaultSpread(plain.metadata()), base.seed()));
            listener.sharpened(s.gains());
            file = s.dataset();
        }
        return file;
    }

    /**
     * A step that stores the trained weights: weights beyond what the precision holds (ArtifactFile's
     * documented IllegalArgumentException) mean the training ran away, which a lower learning rate avoids.
     */
    private static <T> T storable(CompressionConfig base, Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(e.getMessage(), " (weights this large mean training ran away: try a lower ",
                    Parameter.LEARNING_RATE, ", such as ",
                    Numbers.plain(base.autoencoder().fit().learningRate() / 10), ")");
        }
    }
}
