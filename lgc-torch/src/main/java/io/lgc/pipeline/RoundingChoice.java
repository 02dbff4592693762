package io.lgc.pipeline;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.lgc.Parameter;
import io.lgc.ParameterException;
import io.lgc.Progress;
import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.ArtifactMetadata;
import io.lgc.artifact.CompressedDataset;
import io.lgc.artifact.StoragePrecision;
import io.lgc.data.Dataset;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Of a few files that differ only in the path their decoder's rounding steps took, the one whose draws
 * train the best classifier. Files of one setting whose rounding took other paths score up to 0.6
 * points apart at the same classifier seed (bench/results/mixed-precision.md), and which path is the good
 * one shows only in a classifier trained on the draws. So each candidate is judged as a receiver would use
 * it: draws decoded from the file as it will be stored (its weights and mixtures rounded as the writer rounds
 * them) at its spread train a fast-protocol classifier (two seeds, the same for every candidate), which is
 * tested on the real images being compressed. Those images trained the
 * autoencoder too, which lifts every candidate's score alike; it is the order that matters.
 *
 * <p>The choice looks at the real images beyond what the mixtures and decoder hold, so it is no place for
 * differential privacy, whose budget does not count it.
 */
public final class RoundingChoice {
    /** The most candidates a compression may round. */
    public static final int MAX_CANDIDATES = 16;

    private RoundingChoice() {
    }

    /** The file chosen, which candidate it was (0-based), and every candidate's score (a fraction). */
    public record Chosen(CompressedDataset file, int index, double[] scores) {
        public Chosen {
            scores = scores.clone();
        }

        @Override
        public double[] scores() {
            return scores.clone();
        }
    }

    /** Told each candidate's score as it is known. */
    public interface Listener {
        void scored(int index, int count, double score);
    }

    /** What a command says of candidate {@code index} (0-based), its judges tested on {@code tested}. */
    public static String scoreSummary(int index, int count, double score, String tested) {
        return String.format(java.util.Locale.ROOT, "rounding candidate %d/%d: classifiers trained on its draws score"
                + " %.2f %% on %s", index + 1, count, 100 * score, tested);
    }

    /** What a command says of the candidate kept ({@code index}, 0-based, of {@code count}). */
    public static String keptSummary(int index, int count) {
        return String.format(java.util.Locale.ROOT, "rounding: kept candidate %d of %d (its rounding steps drew with"
                + " --seed + %d)", index + 1, count, index);
    }

    /** {@code count} from the command line: between 1 and {@link #MAX_CANDIDATES}. */
    public static int requireCount(int count) {
        if (count < 1 || count > MAX_CANDIDATES) {
            throw new ParameterException(Parameter.ROUNDING_CANDIDATES, " must be between 1 and " + MAX_CANDIDATES
                    + ", got " + count);
        }
        return count;
    }

    /**
     * The best of {@code count} candidates, {@code candidate} making the one whose rounding steps draw with the
     * given seed: {@code seed, seed + 1, …}, so that candidate 0 is the file a single rounding would have made.
     * One candidate is returned unjudged and unchanged; of more, the first of the best scores is kept, its
     * metadata recording the choice ({@link #recorded}).
     *
     * @param storage how the writer will store a candidate, which is judged as a reader gets it back
     * @param real the images being compressed, which the judging classifiers are tested on
     * @param times where the judging's time is added, as "judge rounding candidates"
     */
    public static Chosen best(int count, long seed, LongFunction<CompressedDataset> candidate,
            Function<CompressedDataset, StoragePrecision> storage, Dataset real, StageTimes times, Progress progress,
            Listener listener) {
        return best(count, seed, candidate, storage, real, DrawJudge.FAST_PAIR, times, progress, listener);
    }

    /** As above, judged by {@code judge}. */
    static Chosen best(int count, long seed, LongFunction<CompressedDataset> candidate,
            Function<CompressedDataset, StoragePrecision> storage, Dataset real, DrawJudge judge, StageTimes times,
            Progress progress, Listener listener) {
        requireCount(count);
        if (count == 1) {
            return new Chosen(candidate.apply(seed), 0, new double[0]);
        }
        DrawJudge.Kept<CompressedDataset> kept = judge.keepBest(count, seed, candidate,
                file -> ArtifactFile.asStored(file, storage.apply(file)), real, "judge rounding candidates", times,
                progress, (i, n, s, score) -> listener.scored(i, n, score));
        CompressedDataset best = kept.kept();
        return new Chosen(new CompressedDataset(recorded(best.metadata(), kept.index(), kept.scores()), best.mixtures(),
                best.decoderWeights()), kept.index(), kept.scores());
    }

    /**
     * {@code m} with the choice recorded under {@code rounding_tuning} (where {@link RoundingStage} recorded the
     * tuning): {@code candidates}, {@code chosen} (0-based; its rounding seed is the compression seed plus it)
     * and {@code scores}.
     */
    static ArtifactMetadata recorded(ArtifactMetadata m, int chosen, double[] scores) {
        JsonObject provenance = m.provenance().deepCopy();
        JsonObject holder = provenance.has("config") ? provenance.getAsJsonObject("config") : provenance;
        if (!holder.has("rounding_tuning")) {
            throw new IllegalArgumentException("candidates differ in their rounding; this file records none");
        }
        JsonObject record = holder.getAsJsonObject("rounding_tuning");
        record.addProperty("candidates", scores.length);
        record.addProperty("chosen", chosen);
        JsonArray s = new JsonArray();
        for (double score : scores) {
            s.add(Math.round(score * 1e6) / 1e6);
        }
        record.add("scores", s);
        return m.withProvenance(provenance);
    }
}
