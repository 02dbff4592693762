package io.lgc.synth;

import io.lgc.artifact.ArtifactMetadata;
import io.lgc.artifact.ArtifactFormatException;
import io.lgc.artifact.CompressedDataset;

import ai.djl.engine.EngineException;
import io.lgc.gmm.GaussianMixture;
import io.lgc.model.Decoder;

/**
 * The last check of {@code lgc inspect --verify}: a file can pass every structural check and
 * still hold a decoder that does not run, so build it as a reader would and decode one latent
 * per class (the mean of its heaviest component); every output must be finite.
 */
public final class DecoderLoadCheck {
    private DecoderLoadCheck() {
    }

    /** ArtifactFormatException naming {@code file} if the decoder cannot be built or decodes to non-finite values. */
    public static void run(CompressedDataset data, String file) {
        ArtifactMetadata meta = data.metadata();
        int d = meta.latentDim();
        float[] latents = new float[meta.numClasses() * d];
        for (int c = 0; c < meta.numClasses(); c++) {
            GaussianMixture m = data.mixtures().get(c);
            double[] weights = m.weights();
            int heaviest = 0;
            for (int k = 1; k < weights.length; k++) {
                heaviest = weights[k] > weights[heaviest] ? k : heaviest;
            }
            double[] mean = m.means()[heaviest];
            for (int j = 0; j < d; j++) {
                latents[c * d + j] = (float) mean[j];
            }
        }
        int per = meta.layout().size();
        float[] out = new float[meta.numClasses() * per];
        try (Decoder decoder = Decoder.load(meta, data.decoderWeights())) {
            // one class at a time: memory stays that of one sample, however many classes
            for (int c = 0; c < meta.numClasses(); c++) {
                float[] one = decoder.decode(java.util.Arrays.copyOfRange(latents, c * d, (c + 1) * d), 1);
                if (one.length != per) {
                    throw new ArtifactFormatException(file, "decoder produced " + one.length + " values for one latent,"
                            + " expected " + per);
                }
                System.arraycopy(one, 0, out, c * per, per);
            }
        } catch (ArtifactFormatException e) {
            throw e;
        } catch (EngineException e) {
            throw e; // no PyTorch here: the machine's problem, not the file's
        } catch (RuntimeException e) {
            throw new ArtifactFormatException(file, "decoder cannot be built or run: " + e.getMessage(), e);
        }
        for (int i = 0; i < out.length; i++) {
            if (!Float.isFinite(out[i])) {
                throw new ArtifactFormatException(file, "decoder output for class " + (i / per) + " holds " + out[i]);
            }
        }
    }
}
