package io.lgc.synth;

import io.lgc.Progress;
import io.lgc.artifact.ArtifactMetadata;
import io.lgc.artifact.CompressedDataset;
import io.lgc.gmm.GaussianMixture;
import io.lgc.model.Decoder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns an artifact back into a dataset: samples latents from each class's mixture, decodes them
 * and hands the samples to a sink in batches.
 *
 * <p>Batches interleave the classes (a slice of each class in turn), so any prefix of the output
 * is roughly balanced. Each class draws from its own generator split from the seed, so the output
 * depends only on the artifact, the plan and the batch size.
 */
public final class Reconstructor {
    public static final int DEFAULT_BATCH = 1000;

    private Reconstructor() {
    }

    public static void reconstruct(CompressedDataset data, SamplingPlan plan, SampleSink sink, Progress progress) {
        ArtifactMetadata meta = data.metadata();
        int classes = meta.numClasses();
        if (plan.perClass().length != classes) {
            throw new IllegalArgumentException("plan covers " + plan.perClass().length + " classes, artifact has "
                    + classes);
        }
        int slice = Math.max(1, DEFAULT_BATCH / classes);
        List<GaussianMixture> mixtures = new ArrayList<>();
        List<SplittableRandom> randoms = new ArrayList<>();
        SplittableRandom root = new SplittableRandom(plan.seed());
        for (int c = 0; c < classes; c++) {
            GaussianMixture m = data.mixtures().get(c);
            mixtures.add(plan.spread() == 1.0 ? m : m.withCovarianceScale(plan.spread()));
            randoms.add(root.split());
        }
        int[] remaining = plan.perClass();
        long total = plan.total();
        long done = 0;
        long start = System.nanoTime();
        try (Decoder decoder = Decoder.load(meta.decoder(), data.decoderWeights())) {
            while (done < total) {
                LatentBatch batch = LatentBatch.draw(mixtures, randoms, remaining, slice, meta.latentDim());
                sink.accept(decodeToPixels(decoder, batch, meta), batch.labels());
                done += batch.size();
                progress.update("reconstruct", done, total, start);
            }
        }
    }

    private static byte[] decodeToPixels(Decoder decoder, LatentBatch batch, ArtifactMetadata meta) {
        float[] out = decoder.decode(batch.latents(), batch.size());
        byte[] pixels = new byte[out.length];
        for (int i = 0; i < out.length; i++) {
            pixels[i] = meta.scaling().toUint8(out[i]);
        }
        return pixels;
    }
}
