package io.lgc.pipeline;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.lgc.Parameter;
import io.lgc.ParameterException;
import io.lgc.Progress;
import io.lgc.artifact.ArtifactMetadata;
import io.lgc.artifact.CompressedDataset;
import io.lgc.data.Dataset;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Of a few compressions of one setting that differ only in their seed, the one whose draws train the best
 * classifier. Two trainings of one setting with other seeds give files half a point to a point apart by the
 * ConvNet protocol at the same classifier seed (bench/results/compression-seed.md), more than any lever measured
 * on the training's side since; which one is the good one shows in a ConvNet trained on its draws and tested on
 * the images compressed, which tells good files from bad as the ConvNet's other seeds do on the test set,
 * though not the best of several good ones (bench/results/training-choice.md: Pearson 0.72 over ten files). Each
 * candidate is a whole compression, finished as it will be written, and judged as it will be stored
 * ({@link DrawJudge}).
 *
 * <p>The choice looks at the real images beyond what the mixtures and decoder hold, so it is no place for
 * differential privacy, whose budget does not count it.
 */
public final class TrainingChoice {
    /** The most trainings a compression may choose from. */
    public static final int MAX_CANDIDATES = 16;

    private TrainingChoice() {
    }

    /** {@code count} from the command line: between 1 and {@link #MAX_CANDIDATES}. */
    public static int requireCount(int count) {
        if (count < 1 || count > MAX_CANDIDATES) {
            throw new ParameterException(Parameter.TRAINING_CANDIDATES, " must be between 1 and " + MAX_CANDIDATES
                    + ", got " + count);
        }
        return count;
    }

    /**
     * The best of {@code count} compressions, {@code candidate} making the one of the given seed: {@code seed,
     * seed + 1, …}, so that candidate 0 is what a single compression would have made. One candidate is returned
     * unjudged; of more, the first of the best scores is kept. The caller records the choice in the kept file
     * ({@link #recorded}).
     *
     * @param storedFile a candidate's file as a reader will get it back (its numbers rounded as the writer stores them)
     * @param real the images being compressed, which the judging classifiers are tested on
     * @param times where the judging's time is added, as "judge training candidates"
     */
    public static <T> DrawJudge.Kept<T> best(int count, long seed, LongFunction<T> candidate,
            Function<T, CompressedDataset> storedFile, Dataset real, DrawJudge judge, StageTimes times,
            Progress progress, DrawJudge.Listener listener) {
        requireCount(count);
        if (count == 1) {
            return new DrawJudge.Kept<>(candidate.apply(seed), 0, new double[0]);
        }
        return judge.keepBest(count, seed, candidate, storedFile, real, "judge training candidates", times, progress,
                listener);
    }

    /**
     * {@code m} with the choice recorded in its provenance as {@code training_candidates}: {@code candidates},
     * {@code first_seed}, {@code chosen} (0-based; the kept file's seed is {@code first_seed} plus it), the
     * judge and the {@code scores}. The kept file's own {@code seed} is already in its configuration.
     */
    public static ArtifactMetadata recorded(ArtifactMetadata m, long firstSeed, int chosen, double[] scores,
            DrawJudge judge) {
        JsonObject provenance = m.provenance().deepCopy();
        JsonObject record = new JsonObject();
        record.addProperty("candidates", scores.length);
        record.addProperty("first_seed", firstSeed);
        record.addProperty("chosen", chosen);
        record.addProperty("judge", judge.describe());
        JsonArray s = new JsonArray();
        for (double score : scores) {
            s.add(Math.round(score * 1e6) / 1e6);
        }
        record.add("scores", s);
        provenance.add("training_candidates", record);
        return m.withProvenance(provenance);
    }

    /** {@code file} with the choice recorded ({@link #recorded}). */
    public static CompressedDataset recorded(CompressedDataset file, long firstSeed, int chosen, double[] scores,
            DrawJudge judge) {
        return new CompressedDataset(recorded(file.metadata(), firstSeed, chosen, scores, judge), file.mixtures(),
                file.decoderWeights());
    }

    /** What a command says of candidate {@code index} (0-based), its judge tested on {@code tested}. */
    public static String scoreSummary(int index, int count, long seed, double score, DrawJudge judge, String tested) {
        return String.format(Locale.ROOT, "training candidate %d/%d (seed %d): %s trained on its draws %s %.2f %% on"
                + " %s", index + 1, count, seed, judge.classifiers() == 1 ? "a " + judge.protocol().cliName()
                + " classifier" : judge.classifiers() + " " + judge.protocol().cliName() + " classifiers",
                judge.classifiers() == 1 ? "scores" : "score", 100 * score, tested);
    }

    /** What a command says of the candidate kept ({@code index}, 0-based, of {@code count}). */
    public static String keptSummary(int index, int count, long firstSeed) {
        return String.format(Locale.ROOT, "training: kept candidate %d of %d (seed %d: the file --seed %d alone"
                + " would write, with the choice recorded)", index + 1, count, firstSeed + index, firstSeed + index);
    }
}
