package io.lgc.report;

import io.lgc.Progress;
import io.lgc.artifact.CompressedDataset;
import io.lgc.synth.Reconstructor;
import io.lgc.synth.SamplingPlan;
import java.io.ByteArrayOutputStream;

/**
 * A few samples per class decoded from the artifact exactly as a receiver would make them (the
 * {@link Reconstructor}, same sampling), so the grid shows what the training set will look like.
 */
final class DecodedSamples {
    private DecodedSamples() {
    }

    /** {@code perClass} uint8 CHW samples of each class, one after the other, per class. */
    static byte[][] draw(CompressedDataset artifact, int perClass, long seed) {
        int classes = artifact.metadata().numClasses();
        int size = artifact.metadata().sampleShape().size();
        ByteArrayOutputStream[] byClass = new ByteArrayOutputStream[classes];
        for (int c = 0; c < classes; c++) {
            byClass[c] = new ByteArrayOutputStream(perClass * size);
        }
        SamplingPlan plan = SamplingPlan.uniform(classes, perClass, seed,
                SamplingPlan.defaultSpread(artifact.metadata()));
        Reconstructor.reconstruct(artifact, plan, (pixels, labels) -> {
            for (int i = 0; i < labels.length; i++) {
                byClass[labels[i]].write(pixels, i * size, size);
            }
        }, Progress.silent());
        byte[][] out = new byte[classes][];
        for (int c = 0; c < classes; c++) {
            out[c] = byClass[c].toByteArray();
        }
        return out;
    }
}
