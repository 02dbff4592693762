package io.lgc.pipeline;

import io.lgc.Progress;
import io.lgc.artifact.ArtifactMetadata;
import io.lgc.artifact.CompressedDataset;
import io.lgc.data.Dataset;
import io.lgc.data.Subsets;
import io.lgc.eval.Evaluator;
import io.lgc.eval.Protocol;
import io.lgc.synth.DatasetSink;
import io.lgc.synth.Reconstructor;
import io.lgc.synth.SamplingPlan;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * How a candidate file is judged as a receiver would use it: draws decoded from the file (as it will be
 * stored) at its spread train {@code classifiers} classifiers of {@code protocol} (seeds {@code seed, seed + 1,
 * …}, the same for every candidate), which are tested on real images; their mean accuracy is the file's score.
 * The real images are the ones being compressed: they trained the autoencoder too, which lifts every candidate
 * alike, and the test set is never looked at.
 *
 * @param drawsPerClass the most draws a class, as the measured reconstructions draw ({@code --per-class 3000})
 * @param epochs the classifiers' epochs; 0 for the protocol's own for that many draws
 */
public record DrawJudge(Protocol protocol, int classifiers, int drawsPerClass, int epochs) {
    /** The judges of rounding paths: two fast-protocol CNNs (bench/results/rounding-choice.md). */
    public static final DrawJudge FAST_PAIR = new DrawJudge(Protocol.FAST, 2, 3000, 0);
    /**
     * The judge of trained networks: one ConvNet-protocol classifier, which tells good compressions of one
     * setting from bad as the ConvNet's other seeds do on the test set (bench/results/training-choice.md).
     */
    public static final DrawJudge CONVNET = new DrawJudge(Protocol.CONVNET, 1, 3000, 0);
    /** The most draws in all: many classes draw fewer each, at least {@link #FEWEST_DRAWS_PER_CLASS}. */
    static final int MOST_DRAWS = 30_000;
    static final int FEWEST_DRAWS_PER_CLASS = 10;
    /** The most real images a classifier is tested on (a seeded subset of more). */
    static final int MOST_TEST_IMAGES = 60_000;

    public DrawJudge {
        Objects.requireNonNull(protocol, "protocol");
        if (classifiers < 1 || drawsPerClass < 1 || epochs < 0) {
            throw new IllegalArgumentException("a judge needs classifiers and draws (got " + classifiers + ", "
                    + drawsPerClass + ") and epochs >= 0 (got " + epochs + ")");
        }
    }

    /** Told each candidate's score as it is known; {@code seed} is the one the candidate was made with. */
    public interface Listener {
        void scored(int index, int count, long seed, double score);
    }

    /** The candidate kept, which it was (0-based: made with the first seed plus it), and every score (a fraction). */
    public record Kept<T>(T kept, int index, double[] scores) {
        public Kept {
            scores = scores.clone();
        }

        @Override
        public double[] scores() {
            return scores.clone();
        }
    }

    /**
     * Of {@code count} candidates, {@code candidate} making the one of each seed {@code seed, seed + 1, …}, the
     * first of the best scores. Each is judged as {@code storedFile} says a reader gets it back, on {@code real}
     * ({@link #testImages}), with the classifiers and draws seeded {@code seed} for every candidate alike; the
     * judging's time is added to {@code times} as {@code stage}. Only the best so far is held.
     */
    <T> Kept<T> keepBest(int count, long seed, LongFunction<T> candidate, Function<T, CompressedDataset> storedFile,
            Dataset real, String stage, StageTimes times, Progress progress, Listener listener) {
        Dataset test = testImages(real, seed);
        double[] scores = new double[count];
        T best = null;
        int bestIndex = -1;
        for (int i = 0; i < count; i++) {
            T made = candidate.apply(seed + i);
            CompressedDataset stored = storedFile.apply(made);
            scores[i] = times.time(stage, () -> score(stored, test, seed, progress));
            listener.scored(i, count, seed + i, scores[i]);
            if (best == null || scores[i] > scores[bestIndex]) {
                best = made;
                bestIndex = i;
            }
        }
        return new Kept<>(best, bestIndex, scores);
    }

    /** What it is, for a file's record and a command's words: "convnet x1". */
    public String describe() {
        return String.format(Locale.ROOT, "%s x%d", protocol.cliName(), classifiers);
    }

    /** Mean test accuracy, on {@code test}, of the classifiers trained on {@code storedFile}'s draws. */
    public double score(CompressedDataset storedFile, Dataset test, long seed, Progress progress) {
        Dataset draws = draws(storedFile, seed, drawsPerClass);
        int e = epochs > 0 ? epochs : protocol.defaultEpochs(draws.size());
        double sum = 0;
        for (int j = 0; j < classifiers; j++) {
            sum += Evaluator.evaluate(draws, test, protocol, e, seed + j, progress).accuracy();
        }
        return sum / classifiers;
    }

    /**
     * The draws a receiver would decode from {@code file}: as many a class as it has images (what {@code lgc
     * reconstruct} draws by default), at most {@code most} and {@link #MOST_DRAWS} over all classes, at least
     * {@link #FEWEST_DRAWS_PER_CLASS}.
     */
    static Dataset draws(CompressedDataset file, long seed, int most) {
        ArtifactMetadata m = file.metadata();
        int[] counts = m.classCounts();
        int[] perClass = new int[counts.length];
        for (int c = 0; c < counts.length; c++) {
            perClass[c] = Math.max(FEWEST_DRAWS_PER_CLASS, Math.min(counts[c], Math.min(most,
                    MOST_DRAWS / counts.length)));
        }
        SamplingPlan plan = new SamplingPlan(perClass, seed, SamplingPlan.defaultSpread(m));
        DatasetSink sink = new DatasetSink(m, (int) plan.total());
        Reconstructor.reconstruct(file, plan, sink, Progress.silent());
        return sink.dataset();
    }

    /** {@code real}, or a seeded subset of {@link #MOST_TEST_IMAGES} of it. */
    static Dataset testImages(Dataset real, long seed) {
        return testImages(real, seed, MOST_TEST_IMAGES);
    }

    /** {@code real}, or a seeded subset of {@code most} of its images, in their order. */
    static Dataset testImages(Dataset real, long seed, int most) {
        return real.size() <= most ? real : Subsets.random(real, most, seed);
    }
}
