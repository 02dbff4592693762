package io.lgc.privacy;

import io.lgc.Progress;
import io.lgc.artifact.CompressedDataset;
import io.lgc.data.Dataset;
import io.lgc.data.LabelledData;
import io.lgc.data.Table;
import io.lgc.synth.SampleBatches;
import io.lgc.synth.SamplingPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Measures how close an artifact's samples come to the records it was made from: distances to the
 * closest record against a holdout that played no part in it, copies, and a membership-inference
 * attack. Seeded: one artifact, data and seed give one result.
 */
public final class PrivacyAudit {
    /** Bootstrap rounds of the attack's interval. */
    public static final int BOOTSTRAP_ROUNDS = 200;
    static final int CLOSEST_PAIRS = 16;

    private PrivacyAudit() {
    }

    /**
     * Audits {@code artifact}, made from {@code train}, against {@code holdout}, with {@code samples}
     * decoded samples drawn in the artifact's class proportions.
     */
    public static AuditResult run(CompressedDataset artifact, LabelledData train, LabelledData holdout,
            AuditSettings settings, Progress progress) {
        int samples = settings.samples();
        long seed = settings.seed();
        SplittableRandom random = new SplittableRandom(seed);
        LabelledData drawn = draw(artifact, samples, random.nextLong());
        // Equally many records on both sides: more records would sit closer to any sample by number alone.
        int records = Math.min(train.size(), holdout.size());
        int[] memberIndex = subset(train.size(), records, random.split());
        Rows members = new Rows(train.subset(memberIndex));
        Rows unseen = new Rows(holdout.subset(subset(holdout.size(), records, random.split())));
        Rows synthetic = new Rows(drawn);

        Measured pixels = measure("pixels", synthetic, members, unseen, "", seed, progress);
        AuditResult.Space p = pixels.space();
        AuditResult.Space features = drawn instanceof Dataset images && RandomFeatures.applies(images.shape())
                ? featureSpace(images, (Dataset) members.data(), (Dataset) unseen.data(), seed, progress) : null;
        return new AuditResult(drawn.size(), members.count(), p.dcrTrain(), p.dcrHoldout(), p.holdoutToTrain(),
                p.shareCloserToTrain(), p.baselineProtection(), p.nndrMedian(), p.exactCopies(), p.nearCopies(),
                closestPairs(pixels.toMembers(), memberIndex), List.of(p.distanceAttack(),
                        densityAttack(artifact, members.data(), unseen.data(), settings, progress)), features);
    }

    /** A space's measures, and the samples' nearest training records in it. */
    private record Measured(AuditResult.Space space, Nearest toMembers) {
    }

    private static AuditResult.Space featureSpace(Dataset samples, Dataset members, Dataset unseen, long seed,
            Progress progress) {
        try (RandomFeatures net = RandomFeatures.of(samples.shape(), seed)) {
            String name = "features of a randomly initialised ConvNet (seed " + seed + ", " + net.dim() + " values)";
            return measure(name, net.features(samples), net.features(members), net.features(unseen), " (features)",
                    seed, progress).space();
        }
    }

    private static Measured measure(String name, Rows synthetic, Rows members, Rows unseen, String suffix, long seed,
            Progress progress) {
        Nearest toMembers = Nearest.of(synthetic, members, "audit: samples to training" + suffix, progress);
        Nearest toHoldout = Nearest.of(synthetic, unseen, "audit: samples to holdout" + suffix, progress);
        Nearest holdoutToMembers = Nearest.of(unseen, members, "audit: holdout to training" + suffix, progress);
        Nearest membersToSamples = Nearest.of(members, synthetic, "audit: training to samples" + suffix, progress);
        Nearest holdoutToSamples = Nearest.of(unseen, synthetic, "audit: holdout to samples" + suffix, progress);

        int n = synthetic.count();
        double nearLimit = Stats.quantile(holdoutToMembers.first(), 0.01);
        int exact = 0;
        int near = 0;
        double closer = 0;
        double[] ratios = new double[n];
        for (int i = 0; i < n; i++) {
            double t = toMembers.first()[i];
            double h = toHoldout.first()[i];
            closer += t < h ? 1 : t == h ? 0.5 : 0;
            exact += t == 0 ? 1 : 0;
            near += t < nearLimit ? 1 : 0;
            double second = toMembers.second()[i];
            ratios[i] = second == 0 ? 1 : Double.isInfinite(second) ? 0 : t / second;
        }
        AuditResult.Quantiles dcrTrain = quantiles(toMembers.first());
        AuditResult.Quantiles holdoutQuantiles = quantiles(holdoutToMembers.first());
        double protection = holdoutQuantiles.median() == 0 ? Double.POSITIVE_INFINITY
                : dcrTrain.median() / holdoutQuantiles.median();
        return new Measured(new AuditResult.Space(name, dcrTrain, quantiles(toHoldout.first()), holdoutQuantiles,
                closer / n, protection, Stats.quantile(ratios, 0.5), exact, near,
                distanceAttack(membersToSamples, holdoutToSamples, seed)), toMembers);
    }

    /**
     * The decoded samples {@link #run} compares with the records, drawn again from the same seed:
     * {@link AuditResult.Pair#sample()} indexes them.
     */
    public static LabelledData drawnSamples(CompressedDataset artifact, AuditSettings settings) {
        return draw(artifact, settings.samples(), new SplittableRandom(settings.seed()).nextLong());
    }

    /**
     * The file's own density at each record, through an encoder learned from the file alone
     * ({@link InverseEncoder}): a mixture fitted to its records assigns them more density than
     * unseen ones when it has memorised them.
     */
    private static AuditResult.Attack densityAttack(CompressedDataset artifact, LabelledData members,
            LabelledData nonMembers, AuditSettings settings, Progress progress) {
        double[] m;
        double[] n;
        try (InverseEncoder encoder = InverseEncoder.train(artifact, settings.encoderSamples(),
                settings.encoderEpochs(), settings.seed(), progress)) {
            m = logDensity(artifact, encoder.encode(members));
            n = logDensity(artifact, encoder.encode(nonMembers));
        }
        double[] interval = RocAuc.bootstrapInterval(m, n, BOOTSTRAP_ROUNDS, 0.95, settings.seed());
        return new AuditResult.Attack("the file's mixture density through an encoder learned from the file",
                RocAuc.auc(m, n), interval[0], interval[1]);
    }

    /** log Σ_c share_c · p_c(z): the density of the whole file, classes weighted by their counts. */
    private static double[] logDensity(CompressedDataset artifact, double[][] latents) {
        int[] counts = artifact.metadata().classCounts();
        double total = Arrays.stream(counts).asDoubleStream().sum();
        double[][] perClass = new double[counts.length][];
        for (int c = 0; c < counts.length; c++) {
            perClass[c] = artifact.mixtures().get(c).scoreSamples(latents);
        }
        double[] out = new double[latents.length];
        for (int i = 0; i < latents.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < counts.length; c++) {
                max = Math.max(max, perClass[c][i] + Math.log(counts[c] / total));
            }
            double sum = 0;
            for (int c = 0; c < counts.length; c++) {
                sum += Math.exp(perClass[c][i] + Math.log(counts[c] / total) - max);
            }
            out[i] = max + Math.log(sum);
        }
        return out;
    }

    /** Closer to a sample = more likely a member: the score is the negated distance. */
    private static AuditResult.Attack distanceAttack(Nearest members, Nearest nonMembers, long seed) {
        double[] m = negated(members.first());
        double[] n = negated(nonMembers.first());
        double[] interval = RocAuc.bootstrapInterval(m, n, BOOTSTRAP_ROUNDS, 0.95, seed);
        return new AuditResult.Attack("distance to the nearest sample", RocAuc.auc(m, n), interval[0], interval[1]);
    }

    private static List<AuditResult.Pair> closestPairs(Nearest toMembers, int[] memberIndex) {
        return IntStream.range(0, toMembers.first().length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> toMembers.first()[i]).thenComparing(i -> i))
                .limit(CLOSEST_PAIRS)
                .map(i -> new AuditResult.Pair(i, memberIndex[toMembers.index()[i]], toMembers.first()[i]))
                .toList();
    }

    private static LabelledData draw(CompressedDataset artifact, int samples, long seed) {
        SamplingPlan plan = SamplingPlan.proportional(artifact.metadata().classCounts(), samples, seed,
                SamplingPlan.defaultSpread(artifact.metadata()));
        List<LabelledData> batches = new ArrayList<>();
        try (SampleBatches draws = new SampleBatches(artifact, plan)) {
            draws.forEachRemaining(batches::add);
        }
        return concatenate(batches);
    }

    private static LabelledData concatenate(List<LabelledData> batches) {
        LabelledData first = batches.get(0);
        int n = batches.stream().mapToInt(LabelledData::size).sum();
        int[] labels = new int[n];
        int at = 0;
        for (LabelledData b : batches) {
            System.arraycopy(b.labels(), 0, labels, at, b.size());
            at += b.size();
        }
        if (first instanceof Dataset images) {
            byte[] pixels = new byte[n * images.shape().size()];
            int offset = 0;
            for (LabelledData b : batches) {
                byte[] p = ((Dataset) b).pixels();
                System.arraycopy(p, 0, pixels, offset, p.length);
                offset += p.length;
            }
            return new Dataset(pixels, labels, images.classNames(), images.shape());
        }
        Table table = (Table) first;
        float[] values = new float[n * table.columns().size()];
        int offset = 0;
        for (LabelledData b : batches) {
            float[] v = ((Table) b).values();
            System.arraycopy(v, 0, values, offset, v.length);
            offset += v.length;
        }
        return new Table(values, labels, table.classNames(), table.columns());
    }

    /** {@code k} distinct indices below {@code n}, in increasing order. */
    private static int[] subset(int n, int k, SplittableRandom random) {
        int[] all = IntStream.range(0, n).toArray();
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] out = Arrays.copyOf(all, k);
        Arrays.sort(out);
        return out;
    }

    private static AuditResult.Quantiles quantiles(double[] values) {
        return new AuditResult.Quantiles(Stats.quantile(values, 0.5), Stats.quantile(values, 0.05));
    }

    private static double[] negated(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = -values[i];
        }
        return out;
    }
}
