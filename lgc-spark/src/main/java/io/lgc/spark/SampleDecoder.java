package io.lgc.spark;

import io.lgc.artifact.ArtifactFile;
import io.lgc.artifact.ArtifactMetadata;
import io.lgc.artifact.CompressedDataset;
import io.lgc.data.LabelledData;
import io.lgc.gmm.GaussianMixture;
import io.lgc.model.Decoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An executor's view of a reconstruction: the artifact loaded once, one decoder, and the samples of
 * the plan numbered class by class (class 0's first) and cut into blocks of {@link #BLOCK}. Block b
 * draws its latents from a generator seeded by (seed, b) alone, so sample i is the same whichever
 * task decodes it and whatever else that task decodes.
 */
final class SampleDecoder implements AutoCloseable {
    /** Samples per block: one draw, at most one decoder call. */
    static final int BLOCK = 1000;

    private final CompressedDataset data;
    private final List<GaussianMixture> mixtures;
    private final int[] perClass;
    private final long seed;
    private final long total;
    private Decoder decoder;

    private SampleDecoder(CompressedDataset data, int[] perClass, long seed, double spread) {
        this.data = data;
        this.perClass = perClass;
        this.seed = seed;
        List<GaussianMixture> scaled = new ArrayList<>();
        for (GaussianMixture m : data.mixtures()) {
            scaled.add(spread == 1.0 ? m : m.withCovarianceScale(spread));
        }
        this.mixtures = scaled;
        this.total = Arrays.stream(perClass).asLongStream().sum();
    }

    /** The decoder of the artifact's bytes (as broadcast) for the plan given by its parts. */
    static SampleDecoder of(byte[] artifact, int[] perClass, long seed, double spread) throws IOException {
        Path file = Files.createTempFile("lgc-spark-", ".lgc");
        try {
            Files.write(file, artifact);
            return new SampleDecoder(ArtifactFile.read(file), perClass, seed, spread);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static long blocks(long total) {
        return (total + BLOCK - 1) / BLOCK;
    }

    /** Samples in the plan. */
    long total() {
        return total;
    }

    ArtifactMetadata metadata() {
        return data.metadata();
    }

    /** Block {@code b}'s samples. */
    LabelledData block(long b) {
        return range(b * BLOCK, Math.min(total, (b + 1) * BLOCK));
    }

    /** Samples {@code from} (inclusive) to {@code to} (exclusive) of one block. */
    LabelledData range(long from, long to) {
        long block = from / BLOCK;
        if (to <= from || (to - 1) / BLOCK != block || to > total) {
            throw new IllegalArgumentException("samples " + from + ".." + to + " are not within one block of " + total);
        }
        int dim = data.metadata().latentDim();
        LatentDraw draw = LatentDraw.of(mixtures, perClass, block, seed, dim);
        int skip = (int) (from - block * BLOCK);
        int n = (int) (to - from);
        float[] latents = Arrays.copyOfRange(draw.latents(), skip * dim, (skip + n) * dim);
        int[] labels = Arrays.copyOfRange(draw.labels(), skip, skip + n);
        if (decoder == null) {
            decoder = Decoder.load(data.metadata(), data.decoderWeights());
        }
        float[] outputs = decoder.decode(latents, n);
        return data.metadata().samples().samples(outputs, labels, data.metadata().classNames());
    }

    @Override
    public void close() {
        if (decoder != null) {
            decoder.close();
            decoder = null;
        }
    }

    /** The latents of one block, row-major, and their classes. */
    record LatentDraw(float[] latents, int[] labels) {
        static LatentDraw of(List<GaussianMixture> mixtures, int[] perClass, long block, long seed, int dim) {
            long from = block * BLOCK;
            long total = 0;
            for (int n : perClass) {
                total += n;
            }
            long to = Math.min(total, from + BLOCK);
            int n = (int) (to - from);
            float[] latents = new float[n * dim];
            int[] labels = new int[n];
            SplittableRandom random = new SplittableRandom(blockSeed(seed, block));
            int row = 0;
            long classStart = 0;
            for (int c = 0; c < perClass.length; c++) {
                long classEnd = classStart + perClass[c];
                int take = (int) Math.max(0, Math.min(classEnd, to) - Math.max(classStart, from));
                if (take > 0) {
                    for (double[] z : mixtures.get(c).sample(take, random).x()) {
                        for (int j = 0; j < dim; j++) {
                            latents[row * dim + j] = (float) z[j];
                        }
                        labels[row++] = c;
                    }
                }
                classStart = classEnd;
            }
            return new LatentDraw(latents, labels);
        }

        /** A seed for block b of a run seeded with {@code seed}: distinct blocks, unrelated streams. */
        static long blockSeed(long seed, long block) {
            return new SplittableRandom(seed).split().nextLong() ^ new SplittableRandom(block).nextLong();
        }
    }
}
